/**
 * Runs a command as a child process and measures what it cost: wall-clock seconds, CPU seconds
 * (user + system of the command and every process it started) and the peak resident memory of
 * the largest single process among them.
 *
 * Every process counts, including one its parent never waits for. That is not a corner case:
 * Starlight runs Pagefind through Pagefind's Node API, whose service binary is `unref`'d and
 * killed when the index is written, and Astro exits without reaping it. The binary, a third of
 * Starlight's build at 10,000 articles, is then an orphan that init reaps, so wait4() (GNU time,
 * /proc's children ticks) never sees its CPU: measured that way, Starlight's build looked ~48 s
 * cheaper than it was at 10,000 articles, and by how much depended on the race.
 *
 * So where this machine lets us create a cgroup (v1 `cpuacct`, or v2), the command starts inside
 * a new one: the group's CPU counter charges every process while it runs, orphans too, and we
 * wait for the last of them to exit before reading it; its processes' VmHWM is polled for the
 * peak. Otherwise GNU time (`/usr/bin/time`) gives the three figures from wait4(), and without it
 * CPU comes from this process's own /proc/self/stat (children's ticks, which grow as each child
 * is reaped) and the peak from polling the child's VmHWM every 50 ms; both miss orphans, which
 * the bench's notes say (`method`).
 *
 * Marks: patterns in the command's output at which the CPU used so far is read (the group's
 * counter, or the live process tree's ticks), so one phase of a build, such as Astro's page step
 * between the lines that open and close it, has a CPU time of its own.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parseVmHwm } from './stats.ts';

/** What a finished command cost. */
export interface Measured {
	code: number | null;
	signal: NodeJS.Signals | null;
	/** stdout and stderr, interleaved as they arrived. */
	output: string;
	wallSeconds: number;
	/** User + system CPU seconds of the command and its reaped descendants. */
	cpuSeconds: number;
	/** Largest peak RSS of any one process of the command, bytes. */
	peakBytes: number;
	/** How the figures were taken, for the printed notes. */
	method: MeasureMethod;
	/**
	 * CPU seconds the command had used when each of `options.marks` showed in its output, in
	 * order (null for a mark that never showed, or where CPU could not be read).
	 */
	markCpuSeconds: (number | null)[];
}

/** `cgroup`: every process counted; the other two miss processes nobody waited for. */
export type MeasureMethod = 'cgroup' | 'gnu-time' | 'proc';

/** How each method takes its figures, for a benchmark's notes. */
export const METHOD_NOTES: Record<MeasureMethod, string> = {
	cgroup: 'a cgroup of its own: CPU charged to every process of the build, orphans too, VmHWM polled every 100 ms',
	'gnu-time': 'GNU time, from wait4(): misses processes their parent never waited for',
	proc: '/proc: children CPU ticks, VmHWM polled every 50 ms: misses processes their parent never waited for',
};

/** The line GNU time writes with `-f`, told apart from anything the command prints. */
const TIME_FORMAT = 'tierzero-time %e %U %S %M';

/** Wall, user, system seconds and max RSS (kB) from the last `tierzero-time` line, or null. */
export function parseGnuTime(text: string): { wall: number; user: number; sys: number; maxRssKb: number } | null {
	const lines = text.split('\n').filter((l) => l.startsWith('tierzero-time '));
	const last = lines.at(-1);
	if (!last) return null;
	const [wall, user, sys, rss] = last.split(/\s+/).slice(1).map(Number);
	if (![wall, user, sys, rss].every((n) => n !== undefined && Number.isFinite(n))) return null;
	return { wall: wall!, user: user!, sys: sys!, maxRssKb: rss! };
}

/**
 * The sum of two CPU tick fields of a `/proc/<pid>/stat` text (1-based field numbers `first` and
 * `first + 1`), divided by `ticksPerSecond`. The command name (field 2) may hold spaces and
 * parentheses, so fields are counted from the last `)`.
 */
function statCpuSeconds(stat: string, first: number, ticksPerSecond: number): number | null {
	const end = stat.lastIndexOf(')');
	if (end === -1) return null;
	// After ")" come field 3 (state) onwards.
	const fields = stat.slice(end + 1).trim().split(/\s+/);
	const a = Number(fields[first - 3]);
	const b = Number(fields[first + 1 - 3]);
	if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
	return (a + b) / ticksPerSecond;
}

/** Children's CPU seconds (cutime + cstime, fields 16 and 17) from a `/proc/<pid>/stat` text, or null. */
export const parseChildCpuSeconds = (stat: string, ticksPerSecond = 100): number | null => statCpuSeconds(stat, 16, ticksPerSecond);

/** The process's own CPU seconds (utime + stime, fields 14 and 15) from a `/proc/<pid>/stat` text, or null. */
export const parseOwnCpuSeconds = (stat: string, ticksPerSecond = 100): number | null => statCpuSeconds(stat, 14, ticksPerSecond);

/**
 * CPU seconds from a cgroup's counter: v1 `cpuacct.usage` (nanoseconds, one number) or v2
 * `cpu.stat` (`usage_usec N` among other lines). Null when the text is neither.
 */
export function parseCgroupCpuSeconds(file: 'cpuacct.usage' | 'cpu.stat', text: string): number | null {
	if (file === 'cpuacct.usage') {
		const ns = /^\s*(\d+)\s*$/.exec(text);
		return ns ? Number(ns[1]) / 1e9 : null;
	}
	const us = /^usage_usec (\d+)$/m.exec(text);
	return us ? Number(us[1]) / 1e6 : null;
}

/** A cgroup made for one command: the file to join it by, its CPU so far, its processes. */
interface CpuGroup {
	procsFile: string;
	cpuSeconds(): number | null;
	pids(): number[];
	remove(): void;
}

/** Where a cgroup with a CPU counter can be made: v1's cpuacct hierarchy, else a v2 one. */
const CGROUP_ROOTS = [
	{ dir: '/sys/fs/cgroup/cpuacct', counter: 'cpuacct.usage' },
	{ dir: '/sys/fs/cgroup', counter: 'cpu.stat', marker: 'cgroup.controllers' },
	{ dir: '/sys/fs/cgroup/unified', counter: 'cpu.stat', marker: 'cgroup.controllers' },
] as const;

let groupsMade = 0;

/** A new, empty cgroup to run one command in, or null where none can be made (no root, no cgroupfs). */
function makeCpuGroup(): CpuGroup | null {
	for (const root of CGROUP_ROOTS) {
		if ('marker' in root && !existsSync(join(root.dir, root.marker))) continue;
		const dir = join(root.dir, `tierzero-bench-${process.pid}-${++groupsMade}`);
		try {
			mkdirSync(dir);
		} catch {
			continue;
		}
		const counter = join(dir, root.counter);
		const procsFile = join(dir, 'cgroup.procs');
		const group: CpuGroup = {
			procsFile,
			cpuSeconds: () => {
				try {
					return parseCgroupCpuSeconds(root.counter, readFileSync(counter, 'utf8'));
				} catch {
					return null;
				}
			},
			pids: () => {
				try {
					return readFileSync(procsFile, 'utf8').split('\n').filter(Boolean).map(Number);
				} catch {
					return [];
				}
			},
			remove: () => {
				try {
					rmdirSync(dir);
				} catch {
					// A process still in it (it outlived the wait): the group stays, empty of ours soon.
				}
			},
		};
		if (group.cpuSeconds() !== null) return group;
		group.remove();
	}
	return null;
}

/** Whether this machine lets the benchmarks count every process of a command (see the module comment). */
export function cgroupAccounting(): boolean {
	const group = makeCpuGroup();
	group?.remove();
	return group !== null;
}

/** Largest VmHWM (kB) among `pids`, skipping any that exited meanwhile. */
function largestPeakKb(pids: readonly number[]): number {
	let largest = 0;
	for (const pid of pids) {
		try {
			largest = Math.max(largest, parseVmHwm(readFileSync(`/proc/${pid}/status`, 'utf8')) ?? 0);
		} catch {
			// It exited between the listing and the read.
		}
	}
	return largest;
}

/** Resolves once the group has no process left, or after `timeoutMs` (an orphan that will not die). */
async function drained(group: CpuGroup, timeoutMs: number, onPoll: () => void): Promise<void> {
	const until = performance.now() + timeoutMs;
	while (group.pids().length > 0 && performance.now() < until) {
		onPoll();
		await new Promise((r) => setTimeout(r, 50));
	}
}

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function childCpuNow(): number {
	try {
		return parseChildCpuSeconds(readFileSync('/proc/self/stat', 'utf8')) ?? 0;
	} catch {
		return 0;
	}
}

/**
 * CPU seconds of a running process and its live descendants, with the children each of them
 * has reaped (where no cgroup counts them all).
 */
function treeCpuSeconds(pid: number): number {
	let total = 0;
	const visit = (p: number) => {
		try {
			const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
			total += (parseOwnCpuSeconds(stat) ?? 0) + (parseChildCpuSeconds(stat) ?? 0);
			for (const child of readFileSync(`/proc/${p}/task/${p}/children`, 'utf8').split(/\s+/).filter(Boolean)) visit(Number(child));
		} catch {
			// It exited meanwhile; its CPU is then in its parent's reaped children.
		}
	};
	visit(pid);
	return total;
}

/**
 * Finds `marks` in a command's output as it arrives, each after the one before it, and calls
 * `onMark(i)` as mark `i` shows. Chunks may split a line, so each search looks at the text since
 * the last mark (or the last 4 KiB, whichever is shorter).
 */
export function markWatcher(marks: readonly RegExp[], onMark: (index: number) => void): (chunk: string) => void {
	let next = 0;
	let pending = '';
	return (chunk) => {
		if (next >= marks.length) return;
		pending += chunk;
		for (;;) {
			const m = marks[next]!.exec(pending);
			if (!m) break;
			onMark(next);
			pending = pending.slice(m.index + m[0].length);
			if (++next >= marks.length) return;
		}
		if (pending.length > 4096) pending = pending.slice(-4096);
	};
}

/** Run `command args` in `cwd` with `env`, and measure it (see the module comment). */
export function measureCommand(
	command: string,
	args: string[],
	options: {
		env: NodeJS.ProcessEnv;
		cwd: string;
		/** Patterns in the output at which to note the CPU used so far (`Measured.markCpuSeconds`). */
		marks?: readonly RegExp[];
	},
): Promise<Measured> {
	const scratch = mkdtempSync(join(tmpdir(), 'tierzero-measure-'));
	const timeFile = join(scratch, 'time.txt');
	const [timedBin, timedArgv] = gnuTime
		? [gnuTime, ['-f', TIME_FORMAT, '-o', timeFile, command, ...args]]
		: [command, args];
	const group = makeCpuGroup();
	// The shell joins the group, then becomes the command: everything it starts is in the group.
	const [bin, argv] = group
		? ['/bin/sh', ['-c', 'echo $$ > "$0" && exec "$@"', group.procsFile, timedBin, ...timedArgv]]
		: [timedBin, timedArgv];
	return new Promise((done, reject) => {
		const cpuBefore = childCpuNow();
		const started = performance.now();
		const child = spawn(bin, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks: Buffer[] = [];
		const marks = options.marks ?? [];
		const markCpuSeconds: (number | null)[] = marks.map(() => null);
		// Read at once, as the line arrives: the pipe brings it within milliseconds of its writing.
		const cpuNow = () => (group ? group.cpuSeconds() : child.pid ? treeCpuSeconds(child.pid) : null);
		const watch = markWatcher(marks, (i) => {
			markCpuSeconds[i] = cpuNow();
		});
		// One decoder per stream: a chunk may end inside a character (Astro's "✓" is three bytes).
		const take = () => {
			const decoder = new StringDecoder('utf8');
			return (c: Buffer) => {
				chunks.push(c);
				if (marks.length > 0) watch(decoder.write(c));
			};
		};
		child.stdout.on('data', take());
		child.stderr.on('data', take());
		let polledKb = 0;
		const pollPeak = () => {
			polledKb = Math.max(polledKb, largestPeakKb(group ? group.pids() : child.pid ? [child.pid] : []));
		};
		// Without a group, GNU time's figure is the peak; with one, orphans need polling too.
		const poll = group || !gnuTime ? setInterval(pollPeak, group ? 100 : 50) : undefined;
		const cleanUp = () => {
			clearInterval(poll);
			group?.remove();
			rmSync(scratch, { recursive: true, force: true });
		};
		child.on('error', (e) => {
			cleanUp();
			reject(e);
		});
		child.on('close', async (code, signal) => {
			const wallSeconds = (performance.now() - started) / 1000;
			// Orphans still running are the build's work: wait for them, polling their peak.
			if (group) await drained(group, 60_000, pollPeak);
			const output = Buffer.concat(chunks).toString('utf8');
			const timed = gnuTime && existsSync(timeFile) ? parseGnuTime(readFileSync(timeFile, 'utf8')) : null;
			const groupCpu = group?.cpuSeconds() ?? null;
			cleanUp();
			const peakBytes = Math.max(polledKb, timed?.maxRssKb ?? 0) * 1024;
			if (groupCpu !== null) {
				done({ code, signal, output, wallSeconds, cpuSeconds: groupCpu, peakBytes, method: 'cgroup', markCpuSeconds });
				return;
			}
			if (timed) {
				done({ code, signal, output, wallSeconds, cpuSeconds: timed.user + timed.sys, peakBytes, method: 'gnu-time', markCpuSeconds });
				return;
			}
			done({ code, signal, output, wallSeconds, cpuSeconds: childCpuNow() - cpuBefore, peakBytes, method: 'proc', markCpuSeconds });
		});
	});
}
