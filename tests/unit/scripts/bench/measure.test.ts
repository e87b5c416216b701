import { describe, expect, it } from 'vitest';
import {
	cgroupAccounting,
	markWatcher,
	measureCommand,
	METHOD_NOTES,
	parseCgroupCpuSeconds,
	parseChildCpuSeconds,
	parseGnuTime,
	parseOwnCpuSeconds,
} from '../../../../scripts/lib/bench/measure.ts';

describe('reading what a command cost', () => {
	it("reads GNU time's line, after whatever else it wrote", () => {
		expect(parseGnuTime('Command exited with non-zero status 1\ntierzero-time 161.52 250.10 12.03 4603412\n')).toEqual({
			wall: 161.52,
			user: 250.1,
			sys: 12.03,
			maxRssKb: 4603412,
		});
		expect(parseGnuTime('tierzero-time 1 2 3 4\ntierzero-time 5 6 7 8')).toEqual({ wall: 5, user: 6, sys: 7, maxRssKb: 8 });
		expect(parseGnuTime('Command terminated by signal 9\n')).toBeNull();
		expect(parseGnuTime('tierzero-time 1.0 2.0 ?\n')).toBeNull();
	});

	it("reads children's CPU ticks from /proc/<pid>/stat, even with a command name holding spaces and parentheses", () => {
		// Fields 14-17: utime stime cutime cstime.
		const stat = '4242 (node (bench) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 350 40 12345 678 20 0 11 0 1 2 3';
		expect(parseChildCpuSeconds(stat)).toBeCloseTo(130.23, 5);
		expect(parseChildCpuSeconds(stat, 1000)).toBeCloseTo(13.023, 5);
		expect(parseChildCpuSeconds('garbage')).toBeNull();
		expect(parseChildCpuSeconds('1 (x) S 1 2')).toBeNull();
	});

	it("reads a process's own CPU ticks from /proc/<pid>/stat", () => {
		const stat = '4242 (node (bench) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 350 40 12345 678 20 0 11 0 1 2 3';
		expect(parseOwnCpuSeconds(stat)).toBeCloseTo(3.9, 5);
		expect(parseOwnCpuSeconds('garbage')).toBeNull();
	});

	it('finds marks in order, each after the one before, across chunks', () => {
		const seen: number[] = [];
		const watch = markWatcher([/start/, /end/], (i) => seen.push(i));
		// An "end" before the start is not the end; a mark cut between chunks is still found.
		for (const chunk of ['end ', 'sta', 'rt work e', 'nd end start']) watch(chunk);
		expect(seen).toEqual([0, 1]);
		const none: number[] = [];
		const watchNone = markWatcher([/never/], (i) => none.push(i));
		watchNone('x'.repeat(10_000));
		watchNone('nev');
		watchNone('er');
		expect(none).toEqual([0]);
	});

	it('notes the CPU used when each mark shows in the output', async () => {
		// 0.4 s of CPU between the two lines: the marks' difference must hold it.
		const script =
			"console.log('first'); const t = process.cpuUsage(); while (process.cpuUsage(t).user < 400000); console.log('second');";
		const measured = await measureCommand(process.execPath, ['-e', script], {
			env: process.env,
			cwd: process.cwd(),
			marks: [/first/, /second/, /never printed/],
		});
		expect(measured.code).toBe(0);
		const [first, second, never] = measured.markCpuSeconds;
		expect(first).not.toBeNull();
		expect(second).not.toBeNull();
		expect(second! - first!).toBeGreaterThanOrEqual(0.35);
		expect(second!).toBeLessThanOrEqual(measured.cpuSeconds + 0.05);
		expect(never).toBeNull();
	}, 30_000);

	it("reads a cgroup's CPU counter, v1 in nanoseconds and v2 in microseconds", () => {
		expect(parseCgroupCpuSeconds('cpuacct.usage', '132100000000\n')).toBe(132.1);
		expect(parseCgroupCpuSeconds('cpu.stat', 'usage_usec 179900000\nuser_usec 150000000\nsystem_usec 29900000\n')).toBe(179.9);
		expect(parseCgroupCpuSeconds('cpu.stat', 'user_usec 1\n')).toBeNull();
		expect(parseCgroupCpuSeconds('cpuacct.usage', 'max\n')).toBeNull();
	});

	// Starlight's Pagefind service is such an orphan: Astro exits without reaping it.
	it('counts the CPU of a process its parent left running, where a cgroup can be made, and says so otherwise', async () => {
		const spin = 'const t = process.cpuUsage(); while (process.cpuUsage(t).user < 600000);';
		const measured = await measureCommand('/bin/sh', ['-c', `"$0" -e '${spin}' & exit 0`, process.execPath], {
			env: process.env,
			cwd: process.cwd(),
		});
		expect(measured.code).toBe(0);
		if (cgroupAccounting()) {
			expect(measured.method).toBe('cgroup');
			expect(measured.cpuSeconds).toBeGreaterThanOrEqual(0.6);
		} else {
			expect(measured.method).not.toBe('cgroup');
			expect(METHOD_NOTES[measured.method]).toMatch(/misses processes their parent never waited for/);
		}
	}, 30_000);
});
