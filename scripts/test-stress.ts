// npm run test:stress: the browser tests (vitest project e2e) against the built site while every
// core is kept busy by CPU-bound child processes, the way a shared CI machine or a laptop running
// a build behaves. Run `npm run build` first. Extra arguments go to vitest, e.g.
//   npm run test:stress -- tests/e2e/search-page-keeps-filters-in-the-url.test.ts
// `--spinners N` sets how many busy children run (default: one per core, at least 2). Prints the
// load average seen during the run; exits with the tests' status, after stopping the children.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

const args = process.argv.slice(2);
let spinners = Math.max(2, availableParallelism());
const at = args.indexOf('--spinners');
if (at !== -1) {
	spinners = Number(args[at + 1]);
	args.splice(at, 2);
	if (!Number.isInteger(spinners) || spinners < 1) {
		console.error(`test:stress: --spinners: expected a whole number of 1 or more, got "${String(spinners)}"`);
		process.exit(2);
	}
}
const dist = process.env.TIERZERO_DIST ?? 'dist';
if (!existsSync(`${dist}/index.html`)) {
	console.error(`test:stress: no built site in ${dist}/; run npm run build first`);
	process.exit(2);
}

// Each child spins on arithmetic until killed: pure CPU, no memory growth, no I/O.
const busy: ChildProcess[] = Array.from({ length: spinners }, () =>
	spawn(process.execPath, ['-e', 'let x = 0; for (;;) x = (x * 1103515245 + 12345) % 2147483648;'], {
		stdio: 'ignore',
	}),
);
const stopBusy = () => {
	for (const child of busy) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
process.on('exit', stopBusy);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		stopBusy();
		process.exit(130);
	});
}

// The 1-minute load average every 5 s, so the run says how busy the machine really was.
const samples: number[] = [];
const sampler = setInterval(() => samples.push(loadavg()[0] ?? 0), 5_000);

console.log(`test:stress: ${spinners} busy processes on ${availableParallelism()} cores; running the browser tests`);
const started = Date.now();
const vitest = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'e2e', ...args], {
	stdio: 'inherit',
});
const code: number = await new Promise((resolve) => {
	vitest.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});
clearInterval(sampler);
stopBusy();

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (samples.length > 0) {
	const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
	console.log(
		`test:stress: ${minutes} min; load average (1 min) during the run: min ${Math.min(...samples).toFixed(1)}, ` +
			`mean ${mean.toFixed(1)}, max ${Math.max(...samples).toFixed(1)} on ${availableParallelism()} cores; tests ${code === 0 ? 'passed' : 'FAILED'}`,
	);
}
process.exit(code);
