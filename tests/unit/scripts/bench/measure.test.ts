import { describe, expect, it } from 'vitest';
import { parseChildCpuSeconds, parseGnuTime } from '../../../../scripts/lib/bench/measure.ts';

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
});
