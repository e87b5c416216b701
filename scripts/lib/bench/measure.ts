/**
 * Runs a command as a child process and measures what it cost: wall-clock seconds, CPU seconds
 * (user + system of the command and every descendant it waited for: Astro's worker threads count
 * in its own process, Pagefind's service binary in Starlight's build is a child) and the peak
 * resident memory of the largest single process among them.
 *
 * GNU time (`/usr/bin/time`) gives all three from wait4(). Without it, CPU comes from this
 * process's own /proc/self/stat (children's user and system ticks, which grow as each child is
 * reaped) and the peak from polling the child's VmHWM every 50 ms (which can miss a grandchild).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
	method: 'gnu-time' | 'proc';
}

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
 * Children's CPU seconds (cutime + cstime, fields 16 and 17) from a `/proc/<pid>/stat` text, in
 * clock ticks divided by `ticksPerSecond`. The command name (field 2) may hold spaces and
 * parentheses, so fields are counted from the last `)`.
 */
export function parseChildCpuSeconds(stat: string, ticksPerSecond = 100): number | null {
	const end = stat.lastIndexOf(')');
	if (end === -1) return null;
	// After ")" come field 3 (state) onwards; cutime is field 16, cstime field 17.
	const fields = stat.slice(end + 1).trim().split(/\s+/);
	const cutime = Number(fields[16 - 3]);
	const cstime = Number(fields[17 - 3]);
	if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) return null;
	return (cutime + cstime) / ticksPerSecond;
}

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function childCpuNow(): number {
	try {
		return parseChildCpuSeconds(readFileSync('/proc/self/stat', 'utf8')) ?? 0;
	} catch {
		return 0;
	}
}

/** Run `command args` in `cwd` with `env`, and measure it (see the module comment). */
export function measureCommand(
	command: string,
	args: string[],
	options: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<Measured> {
	const scratch = mkdtempSync(join(tmpdir(), 'tierzero-measure-'));
	const timeFile = join(scratch, 'time.txt');
	const [bin, argv] = gnuTime
		? [gnuTime, ['-f', TIME_FORMAT, '-o', timeFile, command, ...args]]
		: [command, args];
	return new Promise((done, reject) => {
		const cpuBefore = childCpuNow();
		const started = performance.now();
		const child = spawn(bin, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (c: Buffer) => chunks.push(c));
		child.stderr.on('data', (c: Buffer) => chunks.push(c));
		let polledKb = 0;
		const poll = gnuTime
			? undefined
			: setInterval(() => {
					try {
						polledKb = Math.max(polledKb, parseVmHwm(readFileSync(`/proc/${child.pid}/status`, 'utf8')) ?? 0);
					} catch {
						// The process may have just exited, or there is no /proc on this system.
					}
				}, 50);
		child.on('error', (e) => {
			clearInterval(poll);
			rmSync(scratch, { recursive: true, force: true });
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearInterval(poll);
			const wallSeconds = (performance.now() - started) / 1000;
			const output = Buffer.concat(chunks).toString('utf8');
			const timed = gnuTime && existsSync(timeFile) ? parseGnuTime(readFileSync(timeFile, 'utf8')) : null;
			rmSync(scratch, { recursive: true, force: true });
			if (timed) {
				done({
					code,
					signal,
					output,
					wallSeconds,
					cpuSeconds: timed.user + timed.sys,
					peakBytes: timed.maxRssKb * 1024,
					method: 'gnu-time',
				});
				return;
			}
			done({
				code,
				signal,
				output,
				wallSeconds,
				cpuSeconds: childCpuNow() - cpuBefore,
				peakBytes: polledKb * 1024,
				method: 'proc',
			});
		});
	});
}
