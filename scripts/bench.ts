// Build benchmark: for each site (the starter content, and generated sites of N KB articles), a
// clean `astro build` then `pagefind`, each a child process, and a table of build time, pages/s,
// peak memory of each process, Pagefind index size and output size.
//
//   npm run bench -- [--sizes starter,5000] [--keep] [--seed 1] [--source DIR] [--lighthouse-only]
//   npm run bench -- --peer starlight [--sizes 5000,10000] [--repeat 1] [--keep] [--seed 1] [--source DIR]
//   npm run bench -- --rebuild [--sizes 5000] [--repeat 1] [--keep] [--seed 1] [--source DIR]
//
// With --rebuild, Tier Zero alone builds each generated site cold and again after one article is
// edited (as the side-by-side benchmark does), and prints the CPU time of each and of each step.
//
// With --peer starlight, Tier Zero and a pinned Starlight (installed into .bench/peers/, not a
// dependency of this project) build the same generated corpus, one after the other, cold and
// again after one article is edited; the first search of a visit is measured in Chromium; the
// table compares wall and CPU time, memory, Pagefind, rebuild and first-query bytes
// (scripts/lib/bench/peer-run.ts).
//
// --repeat N runs each site's cold build and rebuild N times at each size, the sites taking
// turns, and reports each site's median run by cold CPU time, with every run's figures: on a
// shared machine one build's CPU time moves by a fifth or more from run to run.
//
// The starter site is also audited with Lighthouse (home, KB index, a KB article, an FAQ page and
// /search/), and its scores printed; --lighthouse-only builds and audits just the starter site.
//
// Everything goes under .bench/ (git-ignored); without --keep it is removed at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
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
import { PEERS, peerTable, ratioLines as peerRatioLines, runsList, STARLIGHT_VERSION, type PeerName } from './lib/bench/peer.ts';
import { runPeerBench, runRebuildBench } from './lib/bench/peer-run.ts';
import { METHOD_NOTES } from './lib/bench/measure.ts';
import { astroBin, buildEnv, dirBytes, emptyTrash, installedVersion, prepareSiteRoot, setAside } from './lib/bench/site-fs.ts';
import { pagefindBinary } from '../src/lib/search/pagefind-incremental-fs.ts';
import { listEntryFiles } from '../src/lib/content-fs.ts';
import { serveSite, type SiteServer } from './lib/static-server.ts';
import { parseCli, usageExit } from './lib/cli.ts';

const root = process.cwd();
const benchDir = join(root, '.bench');

const USAGE =
	'npm run bench -- [--sizes starter,5000] [--keep] [--seed N] [--source DIR] [--lighthouse-only] | --peer starlight [--sizes 5000,10000] [--repeat N] [--keep] [--seed N] [--source DIR] | --rebuild [--sizes 5000] [--repeat N] [--keep] [--seed N] [--source DIR]';
const { values } = parseCli('bench', USAGE, {
	options: {
		'lighthouse-only': { type: 'boolean', default: false },
		rebuild: { type: 'boolean', default: false },
		sizes: { type: 'string' },
		peer: { type: 'string' },
		repeat: { type: 'string' },
		keep: { type: 'boolean', default: false },
		seed: { type: 'string', default: '1' },
		source: { type: 'string' },
	},
});

function fail(message: string): never {
	console.error(`bench: ${message}`);
	process.exit(1);
}

const peer = values.peer as PeerName | undefined;
if (peer !== undefined && !(PEERS as readonly string[]).includes(peer))
	usageExit('bench', USAGE, `--peer: "${peer}" is not a peer the benchmark knows (${PEERS.join(', ')})`);
if (peer && values['lighthouse-only']) usageExit('bench', USAGE, '--peer and --lighthouse-only do not go together');
const rebuildOnly = values.rebuild;
if (rebuildOnly && (peer || values['lighthouse-only'])) usageExit('bench', USAGE, '--rebuild goes with neither --peer nor --lighthouse-only');
const sites = (values['lighthouse-only'] ? 'starter' : (values.sizes ?? (peer || rebuildOnly ? '5000' : 'starter,5000')))
	.split(',')
	.map((s) => s.trim())
	.filter(Boolean);
for (const s of sites) {
	if (s !== 'starter' && !/^\d+$/.test(s))
		usageExit('bench', USAGE, `--sizes: "${s}" is neither "starter" nor an article count such as 5000`);
}
const repeatText = values.repeat as string | undefined;
if (repeatText !== undefined && !(peer || rebuildOnly)) usageExit('bench', USAGE, '--repeat goes with --peer or --rebuild');
if (repeatText !== undefined && !/^[1-9]$/.test(repeatText.trim()))
	usageExit('bench', USAGE, `--repeat: "${repeatText}" is not a number of runs from 1 to 9`);
const repeat = repeatText === undefined ? 1 : Number(repeatText.trim());
if (sites.length === 0) usageExit('bench', USAGE, '--sizes: list at least one site, e.g. starter,5000');
if ((peer || rebuildOnly) && sites.includes('starter'))
	usageExit('bench', USAGE, '--peer and --rebuild take generated sites only: --sizes takes article counts such as 5000,10000');

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

// Node reports its own peak RSS (getrusage maxRSS, kilobytes on Linux) as it exits; loaded with
// --import, this covers the whole astro build process, worker threads included.
const RSS_PRELOAD =
	"data:text/javascript,import{writeFileSync}from'node:fs';" +
	'const f=process.env.TIERZERO_BENCH_RSS_FILE;' +
	"if(f)process.on('exit',()=>writeFileSync(f,String(process.resourceUsage().maxRSS)));";

// GNU time reports a child's peak RSS from wait4(), exact even for short runs; without it the
// /proc poll is the figure (it can miss growth in the last 50 ms).
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

async function generate(count: string): Promise<string> {
	const out = join(benchDir, `content-${count}`);
	// The last run's tree is set aside, not deleted by generate-kb, just before a build (site-fs.ts says why).
	setAside(out, benchDir);
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
	// Clean build: no output, no content-layer cache, nothing from an earlier run (set aside, not
	// deleted: site-fs.ts says why).
	setAside(dir, benchDir);
	mkdirSync(dir, { recursive: true });
	const rssFile = join(dir, 'astro-maxrss.txt');
	const env = buildEnv({ content: contentDir, out: outDir, cache: cacheDir }, siteUrl);

	console.log(
		`bench: ${site}: astro build (load average ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')})`,
	);
	const astro = await run(
		process.execPath,
		['--import', RSS_PRELOAD, astroBin(siteRoot), 'build'],
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
	// Pagefind itself, every page (the binary, so its memory is what gets measured).
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
	// What `npm run build` does to Pagefind's output after it (scripts/after-pagefind.ts); counted as Pagefind's.
	const chunks = await run(process.execPath, [join(root, 'scripts', 'after-pagefind.ts'), outDir], env);
	const chunksLog = join(dir, 'after-pagefind.log');
	writeFileSync(chunksLog, chunks.output);
	if (chunks.code !== 0) failRun(`after-pagefind on the ${site} site`, chunks, chunksLog);
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
		kbArticles: listEntryFiles(join(contentDir, 'kb')).length,
		pages,
		buildSeconds: astro.seconds,
		astroPeakBytes,
		pagefindSeconds: pagefind.seconds + chunks.seconds,
		pagefindPeakBytes,
		indexedPages: indexed.pages,
		indexBytes: dirBytes(join(outDir, 'pagefind')),
		distBytes: dirBytes(outDir),
	};
}

/** The pages the issue names: home, KB index, a KB article, an FAQ page and /search/. */
const LIGHTHOUSE_PAGES = ['/', '/kb/', '/kb/KB-0025/', '/faq/webhooks/verify-webhook-signatures/', '/search/'];
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const version = (pkg: string) => installedVersion(root, pkg);

mkdirSync(benchDir, { recursive: true });
const siteRoot = prepareSiteRoot(root, benchDir);
const results: SiteResult[] = [];
const generated: string[] = [];
let lighthouseScores: PageScores[] | undefined;
// One build at a time: the machines have two cores, and parallel builds would skew each other.
for (const site of peer || rebuildOnly ? [] : sites) {
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


const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');

// What the peer and rebuild benchmarks share: where to build, and a corpus generator that
// remembers what it wrote, so it is removed at the end.
const generatedSites = {
	root,
	benchDir,
	siteRoot,
	generate: async (count: string) => {
		const dir = await generate(count);
		generated.push(dir);
		return dir;
	},
};

if (rebuildOnly) {
	const rebuilds = await runRebuildBench({ ...generatedSites, repeat }, sites);
	console.log('');
	console.log(
		`Tier Zero rebuild after one edit: Node ${process.version}, astro ${version('astro')}, pagefind ${version('pagefind')}, ` +
			`${availableParallelism()} CPUs, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load()}`,
	);
	for (const r of rebuilds) {
		console.log(
			`${r.articles} articles: cold ${r.cold.cpuSeconds.toFixed(1)} s CPU (${r.steps.cold}); rebuild ${r.rebuild.cpuSeconds.toFixed(1)} s CPU ` +
				`(${r.steps.rebuild}), ${((100 * r.rebuild.cpuSeconds) / r.cold.cpuSeconds).toFixed(0)} % of cold`,
		);
		if (r.runs && r.runs.length > 1)
			console.log(`${r.articles} articles, ${r.runs.length} runs, cold CPU of each: ${runsList(r.runs)}; the line above is the median run by cold CPU`);
	}
} else if (peer) {
	const { results: peerResults, method } = await runPeerBench({ ...generatedSites, chromiumPath, repeat }, sites);
	console.log('');
	console.log(
		`Tier Zero and Starlight ${STARLIGHT_VERSION}, side by side: Node ${process.version}, astro ${version('astro')}, ` +
			`pagefind ${version('pagefind')}, ${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
			`${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load()}`,
	);
	console.log('');
	console.log(peerTable(peerResults));
	console.log('');
	for (const line of peerRatioLines(peerResults)) console.log(line);
	console.log('');
	for (const note of [
		'Cold: no output, no caches. Tier Zero builds as `npm run build` does (astro build, then Pagefind); ' +
			"Starlight's astro build runs Pagefind itself. Rebuild: one article gains a paragraph, and the same " +
			'build runs again with the caches of the cold build kept; the edit is checked to be in the rebuilt page.',
		`CPU s: user + system time of the build's processes; peak RSS: the largest single process ` +
			`(${method ? METHOD_NOTES[method] : 'no build measured'}). ` +
			'Compare CPU time on a shared machine: wall time grows with the load, CPU time much less. ' +
			"render s: Astro's own timing of its page step; render CPU s: the build's CPU counter read as Astro " +
			'prints the first and the last line of that step.',
		'Starlight has a short manual sidebar (one link per category): its autogenerated sidebar would list every ' +
			'article on every page, work that grows with the square of the article count and is no fair comparison.',
		"First query: each site's own search UI on its home page, in Chromium with an empty cache; search is opened " +
			'and the query typed key by key (50 ms apart); every response from the click that opens search until the ' +
			'results show is counted, headers included; the time runs from the first keystroke and includes the typing ' +
			"and the UI's own pause.",
	])
		console.log(note);
} else {
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
				` (load average ${load()}: a busy machine lowers performance)`,
		);
		for (const r of lighthouseScores) for (const f of r.failed) console.log(`  ${r.path}: ${f}`);
	}
}

// Every build is measured: what was set aside can go now. Deleting it slows the file creation of
// a build measured in the next few minutes (site-fs.ts says why), so the next run should wait.
if (emptyTrash(benchDir))
	console.log('bench: deleted the trees set aside; on this file system, start another run after 6 minutes or more, or its builds pay for the delete');
if (values.keep) {
	console.log(`kept: ${relative(root, benchDir)}/ (content trees, dist, caches, logs)`);
} else {
	for (const site of sites) rmSync(join(benchDir, site), { recursive: true, force: true });
	for (const site of sites) rmSync(join(benchDir, `peer-tierzero-${site}`), { recursive: true, force: true });
	for (const dir of [...generated, siteRoot]) rmSync(dir, { recursive: true, force: true });
	for (const site of sites) rmSync(join(benchDir, `generate-${site}.log`), { force: true });
}
