// Build benchmark: for each site (the starter content, and generated sites of N KB articles), a
// clean `astro build` then `pagefind`, each a child process, and a table of build time, pages/s,
// peak memory of each process, Pagefind index size and output size.
//
//   npm run bench -- [--sizes starter,5000] [--keep] [--seed 1] [--source DIR] [--lighthouse-only]
//
// The starter site is also audited with Lighthouse (home, KB index, a KB article, an FAQ page and
// /search/), and its scores printed; --lighthouse-only builds and audits just the starter site.
//
// Everything goes under .bench/ (git-ignored); without --keep it is removed at the end.
import { spawn } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, availableParallelism, loadavg, platform, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
	parseAstroPages,
	parsePagefind,
	parseVmHwm,
	ratioLines,
	resultsTable,
	type SiteResult,
} from './lib/bench/stats.ts';
import { auditPages, lighthouseTable, TARGETS, type PageScores } from './lib/bench/lighthouse.ts';
import { listContentFiles } from '../src/lib/content-fs.ts';
import { serveSite, type SiteServer } from './lib/static-server.ts';
import { parseCli, usageExit } from './lib/cli.ts';

const root = process.cwd();
const benchDir = join(root, '.bench');
const require = createRequire(import.meta.url);

const USAGE = 'npm run bench -- [--sizes starter,5000] [--keep] [--seed N] [--source DIR] [--lighthouse-only]';
const { values } = parseCli('bench', USAGE, {
	options: {
		'lighthouse-only': { type: 'boolean', default: false },
		sizes: { type: 'string', default: 'starter,5000' },
		keep: { type: 'boolean', default: false },
		seed: { type: 'string', default: '1' },
		source: { type: 'string' },
	},
});

function fail(message: string): never {
	console.error(`bench: ${message}`);
	process.exit(1);
}

const sites = (values['lighthouse-only'] ? 'starter' : values.sizes)
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
for (const s of sites) {
	if (s !== 'starter' && !/^\d+$/.test(s))
		usageExit('bench', USAGE, `--sizes: "${s}" is neither "starter" nor an article count such as 5000`);
}
if (sites.length === 0) usageExit('bench', USAGE, '--sizes: list at least one site, e.g. starter,5000');

/** Output of a finished child process. */
interface Run {
	code: number | null;
	signal: NodeJS.Signals | null;
	output: string;
	seconds: number;
	/** Highest VmHWM (peak RSS) read from /proc while it ran, bytes; 0 if /proc is unavailable. */
	polledPeakBytes: number;
}

/**
 * Run a command, keeping its stdout and stderr (interleaved) and timing it from spawn to exit.
 * While it runs, /proc/<pid>/status is polled for VmHWM: the fallback peak-memory figure when the
 * process cannot report its own.
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = root): Promise<Run> {
	return new Promise((done, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (c: Buffer) => chunks.push(c));
		child.stderr.on('data', (c: Buffer) => chunks.push(c));
		let peakKb = 0;
		const poll = setInterval(() => {
			try {
				peakKb = Math.max(
					peakKb,
					parseVmHwm(readFileSync(`/proc/${child.pid}/status`, 'utf8')) ?? 0,
				);
			} catch {
				// The process may have just exited, or there is no /proc on this system.
			}
		}, 50);
		child.on('error', (e) => {
			clearInterval(poll);
			reject(e);
		});
		child.on('close', (code, signal) => {
			clearInterval(poll);
			done({
				code,
				signal,
				output: Buffer.concat(chunks).toString('utf8'),
				seconds: (performance.now() - started) / 1000,
				polledPeakBytes: peakKb * 1024,
			});
		});
	});
}

/** Stop with the tail of a failed step's output, so the cause is on screen. */
function failRun(what: string, r: Run, log: string): never {
	const tail = r.output.trimEnd().split('\n').slice(-40).join('\n');
	fail(
		`${what} failed (${r.signal ? `signal ${r.signal}` : `exit ${r.code}`}); last lines of its output ` +
			`(full log: ${relative(root, log)}):\n${tail}`,
	);
}

/** Total bytes of the files below a directory. */
function dirBytes(dir: string): number {
	let total = 0;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		const st = statSync(p);
		total += st.isDirectory() ? dirBytes(p) : st.size;
	}
	return total;
}

// Node reports its own peak RSS (getrusage maxRSS, kilobytes on Linux) as it exits; loaded with
// --import, this covers the whole astro build process, worker threads included.
const RSS_PRELOAD =
	"data:text/javascript,import{writeFileSync}from'node:fs';" +
	'const f=process.env.TIERZERO_BENCH_RSS_FILE;' +
	"if(f)process.on('exit',()=>writeFileSync(f,String(process.resourceUsage().maxRSS)));";

/** The Pagefind binary itself (not the npm wrapper), so its memory is what gets measured. */
function pagefindBinary(): string {
	const os = platform() === 'win32' ? 'windows' : platform();
	for (const name of ['pagefind_extended', 'pagefind']) {
		try {
			return require.resolve(`@pagefind/${os}-${arch()}/bin/${name}`);
		} catch {
			// Try the next name; not every platform package ships the extended binary.
		}
	}
	return join(root, 'node_modules', '.bin', 'pagefind');
}

/** Astro's CLI entry, from its package.json, so it runs under this Node with the preload. */
function astroBin(): string {
	const pkg = require.resolve('astro/package.json');
	const bin = (JSON.parse(readFileSync(pkg, 'utf8')) as { bin: string | Record<string, string> })
		.bin;
	return resolve(pkg, '..', typeof bin === 'string' ? bin : bin.astro!);
}

// GNU time reports a child's peak RSS from wait4(), exact even for short runs; without it the
// /proc poll is the figure (it can miss growth in the last 50 ms).
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

// Top-level entries the site build does not read; everything else is copied into the build root.
const NOT_SITE = new Set([
	'.git',
	'.bench',
	'.astro',
	'node_modules',
	'dist',
	'content',
	'tests',
	'reports',
	'data',
	'test-results',
]);

/**
 * A copy of the site's code (src, public, configs; node_modules linked) to build from. Astro
 * writes `.astro/` (types and the content-module map that rendering reads) under its root, and
 * the root cannot be pointed elsewhere by config; building in a copy keeps the repository's
 * shared `.astro/` untouched, so a build someone else runs meanwhile is never handed this
 * benchmark's 5,000-entry module map. It also keeps the code the same for every site of a run.
 */
function prepareSiteRoot(): string {
	const dir = join(benchDir, 'site');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const name of readdirSync(root)) {
		if (NOT_SITE.has(name) || name.endsWith('.log')) continue;
		cpSync(join(root, name), join(dir, name), { recursive: true });
	}
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}

async function generate(count: string): Promise<string> {
	const out = join(benchDir, `content-${count}`);
	const args = ['scripts/generate-kb.ts', '--count', count, '--out', out, '--seed', values.seed];
	if (values.source) args.push('--source', values.source);
	const r = await run(process.execPath, args, process.env);
	const log = join(benchDir, `generate-${count}.log`);
	writeFileSync(log, r.output);
	if (r.code !== 0) failRun(`generating ${count} KB articles`, r, log);
	process.stdout.write(r.output);
	return out;
}

async function benchSite(site: string, contentDir: string, siteRoot: string, siteUrl?: string): Promise<SiteResult> {
	const dir = join(benchDir, site);
	const outDir = join(dir, 'dist');
	const cacheDir = join(dir, 'cache');
	// Clean build: no output, no content-layer cache, nothing from an earlier run.
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const rssFile = join(dir, 'astro-maxrss.txt');
	const env = {
		...process.env,
		ASTRO_TELEMETRY_DISABLED: '1',
		NO_COLOR: '1',
		TIERZERO_CONTENT_DIR: contentDir,
		TIERZERO_OUT_DIR: outDir,
		TIERZERO_CACHE_DIR: cacheDir,
		// Lighthouse's SEO audit reads the canonical URL: it must name the origin being audited.
		...(siteUrl ? { TIERZERO_SITE: siteUrl } : {}),
	};

	console.log(
		`bench: ${site}: astro build (load average ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')})`,
	);
	const astro = await run(
		process.execPath,
		['--import', RSS_PRELOAD, astroBin(), 'build'],
		{ ...env, TIERZERO_BENCH_RSS_FILE: rssFile },
		siteRoot,
	);
	const astroLog = join(dir, 'astro.log');
	writeFileSync(astroLog, astro.output);
	if (astro.code !== 0) failRun(`astro build of the ${site} site`, astro, astroLog);
	const pages = parseAstroPages(astro.output);
	if (pages === null)
		fail(`${relative(root, astroLog)}: no "N page(s) built" line in astro's output`);
	const astroPeakBytes = existsSync(rssFile)
		? Number(readFileSync(rssFile, 'utf8')) * 1024
		: astro.polledPeakBytes;

	console.log(`bench: ${site}: pagefind`);
	const timeFile = join(dir, 'pagefind-maxrss.txt');
	const pagefindArgs = [pagefindBinary(), '--site', outDir];
	const pagefind = gnuTime
		? await run(gnuTime, ['-f', '%M', '-o', timeFile, ...pagefindArgs], env)
		: await run(pagefindArgs[0]!, pagefindArgs.slice(1), env);
	const pagefindLog = join(dir, 'pagefind.log');
	writeFileSync(pagefindLog, pagefind.output);
	if (pagefind.code !== 0) failRun(`pagefind on the ${site} site`, pagefind, pagefindLog);
	const indexed = parsePagefind(pagefind.output);
	if (!indexed)
		fail(`${relative(root, pagefindLog)}: no "Indexed N pages" line in pagefind's output`);
	let pagefindPeakBytes = pagefind.polledPeakBytes;
	if (gnuTime) {
		// The /proc poll watched `time`, not pagefind, so only GNU time's own figure will do.
		const kb = existsSync(timeFile)
			? Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1))
			: NaN;
		if (!(kb > 0))
			fail(`${relative(root, timeFile)}: GNU time wrote no peak memory figure for pagefind`);
		pagefindPeakBytes = kb * 1024;
	}

	return {
		site,
		kbArticles: listContentFiles(join(contentDir, 'kb'), '.mdx').length,
		pages,
		buildSeconds: astro.seconds,
		astroPeakBytes,
		pagefindSeconds: pagefind.seconds,
		pagefindPeakBytes,
		indexedPages: indexed.pages,
		indexBytes: dirBytes(join(outDir, 'pagefind')),
		distBytes: dirBytes(outDir),
	};
}

/** The pages the issue names: home, KB index, a KB article, an FAQ page and /search/. */
const LIGHTHOUSE_PAGES = ['/', '/kb/', '/kb/KB-0025/', '/faq/webhooks/verify-webhook-signatures/', '/search/'];
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

mkdirSync(benchDir, { recursive: true });
const siteRoot = prepareSiteRoot();
const results: SiteResult[] = [];
const generated: string[] = [];
let lighthouseScores: PageScores[] | undefined;
// One build at a time: the machines have two cores, and parallel builds would skew each other.
for (const site of sites) {
	let contentDir = resolve(root, 'content');
	if (site !== 'starter') {
		contentDir = await generate(site);
		generated.push(contentDir);
		results.push(await benchSite(site, contentDir, siteRoot));
		continue;
	}
	// The server starts before the build so the build can take its origin as the public URL.
	const server: SiteServer = await serveSite(join(benchDir, site, 'dist'));
	try {
		results.push(await benchSite(site, contentDir, siteRoot, server.url));
		if (existsSync(chromiumPath)) {
			console.log(`bench: ${site}: lighthouse ${LIGHTHOUSE_PAGES.join(' ')}`);
			lighthouseScores = await auditPages(server.url, LIGHTHOUSE_PAGES, chromiumPath);
		} else {
			console.log(`bench: no chromium at ${chromiumPath} (set CHROMIUM_PATH): Lighthouse skipped`);
		}
	} finally {
		await server.close();
	}
}

// Read from node_modules directly: pagefind's `exports` does not expose its package.json.
const version = (pkg: string) =>
	(
		JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as {
			version: string;
		}
	).version;
console.log('');
console.log(
	`Tier Zero build benchmark: Node ${process.version}, astro ${version('astro')}, pagefind ${version('pagefind')}, ` +
		`${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
);
console.log('');
console.log(resultsTable(results));
console.log('');
const ratios = ratioLines(results);
for (const line of ratios) console.log(line);
if (ratios.length > 0) console.log('');
console.log(
	'astro build s: wall clock of the `astro build` process (start-up, content sync, render). Peak memory: ' +
		'max RSS of the astro process (getrusage via --import preload) and of the pagefind binary ' +
		`(${gnuTime ? 'GNU time' : '/proc VmHWM polled every 50 ms'}). MiB = 1024² bytes.`,
);

if (lighthouseScores) {
	console.log('');
	console.log(`Lighthouse ${version('lighthouse')} (default mobile profile, simulated throttling), starter site:`);
	console.log('');
	console.log(lighthouseTable(lighthouseScores));
	console.log('');
	console.log(
		`targets: performance >= ${TARGETS.performance}, accessibility, best practices and SEO = 100` +
			` (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}: a busy machine lowers performance)`,
	);
	for (const r of lighthouseScores) for (const f of r.failed) console.log(`  ${r.path}: ${f}`);
}

if (values.keep) {
	console.log(`kept: ${relative(root, benchDir)}/ (content trees, dist, caches, logs)`);
} else {
	for (const site of sites) rmSync(join(benchDir, site), { recursive: true, force: true });
	for (const dir of [...generated, siteRoot]) rmSync(dir, { recursive: true, force: true });
	for (const site of sites) rmSync(join(benchDir, `generate-${site}.log`), { force: true });
}
