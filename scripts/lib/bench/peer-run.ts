/**
 * `npm run bench -- --peer starlight`: Tier Zero and Starlight build the same generated corpus,
 * one build at a time (two large builds at once would not fit beside everything else on a
 * shared machine, and would skew each other's times). For each site: a cold build (no output,
 * no caches), a rebuild after one article is edited (caches kept), and the first search of a
 * visit in Chromium.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { listEntryFiles } from '../../../src/lib/content-fs.ts';
import { launchBrowser } from '../../../tests/e2e/support/browser.ts';
import { serveSite } from '../static-server.ts';
import { firstQuery } from './first-query.ts';
import { measureCommand, type Measured } from './measure.ts';
import {
	EDIT_MARKER,
	RENDER_MARKS,
	renderCpuFromMarks,
	STARLIGHT_VERSION,
	costLine,
	editedArticle,
	medianRun,
	parseStarlightPagefind,
	queryWord,
	type BuildCost,
	type BuildRun,
	type PeerResult,
} from './peer.ts';
import { installStarlight, writeStarlightSite } from './peer-fs.ts';
import { astroBin, buildEnv, dirBytes, installedVersion, setAside } from './site-fs.ts';
import { parseAstroPages, parsePagefind, parseRenderSeconds } from './stats.ts';

export interface PeerBenchOptions {
	/** The repository root (the project being benchmarked). */
	root: string;
	benchDir: string;
	/** The copy of the site's code to build Tier Zero from (`prepareSiteRoot`). */
	siteRoot: string;
	/** Writes the generated corpus of `count` articles and returns its directory. */
	generate(count: string): Promise<string>;
	chromiumPath: string;
	/** How many times each site is built cold and rebuilt at each size (`--repeat`, default 1). */
	repeat?: number;
}

const load = () =>
	loadavg()
		.map((l) => l.toFixed(2))
		.join(' ');

function log(message: string) {
	console.log(`bench: ${message} (load average ${load()})`);
}

/** Stop with the tail of a failed step's output, so the cause is on screen. */
function check(what: string, r: Measured, logFile: string): Measured {
	writeFileSync(logFile, r.output);
	if (r.code === 0) return r;
	const tail = r.output.trimEnd().split('\n').slice(-40).join('\n');
	throw new Error(
		`${what} failed (${r.signal ? `signal ${r.signal}` : `exit ${r.code}`}); last lines of its output (full log: ${logFile}):\n${tail}`,
	);
}

const sum = (...runs: Measured[]): BuildCost => ({
	wallSeconds: runs.reduce((a, r) => a + r.wallSeconds, 0),
	cpuSeconds: runs.reduce((a, r) => a + r.cpuSeconds, 0),
	peakBytes: Math.max(...runs.map((r) => r.peakBytes)),
});

/** HTML files below `dir` that contain `text`. */
function htmlContaining(dir: string, text: string): string[] {
	const found: string[] = [];
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, entry.name);
			if (entry.isDirectory()) walk(p);
			else if (entry.name.endsWith('.html') && readFileSync(p, 'utf8').includes(text)) found.push(p);
		}
	};
	walk(dir);
	return found;
}

/**
 * Runs `rebuild` with one article edited, so that it has something to do, and puts the article
 * back as it was afterwards, so that a repeated run starts from the same corpus.
 */
async function whileEdited<T>(file: string, rebuild: () => Promise<T>): Promise<T> {
	const source = readFileSync(file, 'utf8');
	writeFileSync(file, editedArticle(source));
	try {
		return await rebuild();
	} finally {
		writeFileSync(file, source);
	}
}

/** The edit must show in the rebuilt site, or the rebuild figure would mean nothing. */
function assertEditBuilt(dist: string, site: string) {
	const pages = htmlContaining(dist, EDIT_MARKER);
	if (pages.length === 0) throw new Error(`${site}: the rebuild did not pick up the edited article (no page holds the added paragraph)`);
}

/**
 * A Tier Zero build (`astro build`, scripts/pagefind.ts, then scripts/after-pagefind.ts on its
 * output, as `npm run build` does), measured. A rebuild's Pagefind step indexes the changed
 * pages only, from the index the cold build kept in the cache.
 */
async function buildTierZero(o: PeerBenchOptions, env: NodeJS.ProcessEnv, dir: string, step: string) {
	const astro = check(
		`Tier Zero ${step}: astro build`,
		await measureCommand(process.execPath, [astroBin(o.siteRoot), 'build'], { env, cwd: o.siteRoot, marks: RENDER_MARKS }),
		join(dir, `${step}-astro.log`),
	);
	const pagefind = check(
		`Tier Zero ${step}: pagefind`,
		await measureCommand(process.execPath, [join(o.root, 'scripts', 'pagefind.ts'), env.TIERZERO_OUT_DIR!], { env, cwd: o.root }),
		join(dir, `${step}-pagefind.log`),
	);
	const chunks = check(
		`Tier Zero ${step}: after Pagefind`,
		await measureCommand(process.execPath, [join(o.root, 'scripts', 'after-pagefind.ts'), env.TIERZERO_OUT_DIR!], { env, cwd: o.root }),
		join(dir, `${step}-after-pagefind.log`),
	);
	return { astro, pagefind, chunks, cost: sum(astro, pagefind, chunks) };
}

/** CPU seconds of each step of a Tier Zero build, as one line. */
const stepsLine = (b: { astro: Measured; pagefind: Measured; chunks: Measured }): string =>
	`astro build ${b.astro.cpuSeconds.toFixed(1)} s, pagefind ${b.pagefind.cpuSeconds.toFixed(1)} s, after Pagefind (index re-cut, fragment text) ${b.chunks.cpuSeconds.toFixed(1)} s CPU`;

async function benchTierZero(o: PeerBenchOptions, count: string, contentDir: string, edited: string, run = '') {
	const dir = join(o.benchDir, `peer-tierzero-${count}`);
	const outDir = join(dir, 'dist');
	// Cold: no output, no content-layer cache, no generated types from an earlier build (set
	// aside, not deleted: site-fs.ts says why).
	setAside(dir, o.benchDir);
	setAside(join(o.siteRoot, '.astro'), o.benchDir);
	mkdirSync(dir, { recursive: true });
	const env = buildEnv({ content: contentDir, out: outDir, cache: join(dir, 'cache') });
	log(`${count}${run}: Tier Zero cold build`);
	const cold = await buildTierZero(o, env, dir, 'cold');
	log(`${count}${run}: Tier Zero cold: ${costLine(cold.cost)} (${stepsLine(cold)})`);
	const pages = parseAstroPages(cold.astro.output);
	if (pages === null) throw new Error(`${dir}/cold-astro.log: no "N page(s) built" line in astro's output`);
	const indexed = parsePagefind(cold.pagefind.output);
	if (!indexed) throw new Error(`${dir}/cold-pagefind.log: no "Indexed N pages" line in pagefind's output`);
	const indexBytes = dirBytes(join(outDir, 'pagefind'));
	const rebuild = await whileEdited(edited, async () => {
		log(`${count}${run}: Tier Zero rebuild after editing ${relative(contentDir, edited)}`);
		const built = await buildTierZero(o, env, dir, 'rebuild');
		log(`${count}${run}: Tier Zero rebuild: ${costLine(built.cost)} (${stepsLine(built)})`);
		assertEditBuilt(outDir, 'Tier Zero');
		return built;
	});
	return {
		outDir,
		method: cold.astro.method,
		steps: { cold: stepsLine(cold), rebuild: stepsLine(rebuild) },
		result: {
			label: 'Tier Zero',
			pages,
			cold: cold.cost,
			renderSeconds: parseRenderSeconds(cold.astro.output),
			renderCpuSeconds: renderCpuFromMarks(cold.astro.markCpuSeconds),
			pagefindSeconds: cold.pagefind.wallSeconds,
			indexBytes,
			rebuild: rebuild.cost,
		},
	};
}

async function benchStarlight(count: string, project: string, editedDoc: string, benchDir: string, run = '') {
	const outDir = join(project, 'dist');
	// Cold: no output, no content-layer cache (cacheDir defaults to node_modules/.astro), no .astro/,
	// set aside as Tier Zero's are.
	for (const d of [outDir, join(project, 'node_modules', '.astro'), join(project, '.astro')]) setAside(d, benchDir);
	const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
	const build = async (step: string) =>
		check(
			`Starlight ${step}: astro build`,
			await measureCommand(process.execPath, [astroBin(project), 'build'], { env, cwd: project, marks: RENDER_MARKS }),
			join(project, `${count}-${step}.log`),
		);
	log(`${count}${run}: Starlight cold build`);
	const cold = await build('cold');
	log(`${count}${run}: Starlight cold: ${costLine(sum(cold))}`);
	const pages = parseAstroPages(cold.output);
	if (pages === null) throw new Error(`${project}/${count}-cold.log: no "N page(s) built" line in astro's output`);
	const pagefindSeconds = parseStarlightPagefind(cold.output);
	if (pagefindSeconds === null) throw new Error(`${project}/${count}-cold.log: no Pagefind timing in Starlight's output`);
	const indexBytes = dirBytes(join(outDir, 'pagefind'));
	const rebuild = await whileEdited(join(project, editedDoc), async () => {
		log(`${count}${run}: Starlight rebuild after editing ${editedDoc}`);
		const built = await build('rebuild');
		log(`${count}${run}: Starlight rebuild: ${costLine(sum(built))}`);
		assertEditBuilt(outDir, 'Starlight');
		return built;
	});
	return {
		outDir,
		result: {
			label: `Starlight ${STARLIGHT_VERSION}`,
			pages,
			cold: sum(cold),
			renderSeconds: parseRenderSeconds(cold.output),
			renderCpuSeconds: renderCpuFromMarks(cold.markCpuSeconds),
			pagefindSeconds,
			indexBytes,
			rebuild: sum(rebuild),
		},
	};
}

/** The article of a generated corpus the rebuild benchmarks edit: the middle one by file name. */
function articleToEdit(contentDir: string): { kbFiles: string[]; edited: string } {
	const kbFiles = listEntryFiles(join(contentDir, 'kb')).sort();
	return { kbFiles, edited: kbFiles[Math.floor(kbFiles.length / 2)]! };
}

/** The median run of several ({@link medianRun}), its result holding every run's cold build and rebuild. */
function withRuns<T extends { result: BuildRun }>(runs: readonly T[]): T & { result: { runs?: readonly BuildRun[] } } {
	const median = medianRun(runs.map((r) => r.result));
	const chosen = runs.find((r) => r.result === median)!;
	if (runs.length === 1) return chosen;
	return { ...chosen, result: { ...chosen.result, runs: runs.map(({ result: { cold, rebuild } }) => ({ cold, rebuild })) } };
}

/** ", run 2 of 3" in the progress lines of a repeated run; nothing when each build runs once. */
const runLabel = (run: number, of: number) => (of > 1 ? `, run ${run} of ${of}` : '');

/**
 * `npm run bench -- --rebuild`: Tier Zero alone, cold and again after one article is edited, as
 * in the side-by-side benchmark, for each article count; no peer, no browser.
 */
export async function runRebuildBench(
	o: Omit<PeerBenchOptions, 'chromiumPath'>,
	counts: readonly string[],
): Promise<{ articles: number; cold: BuildCost; rebuild: BuildCost; steps: { cold: string; rebuild: string }; runs?: readonly BuildRun[] }[]> {
	const results = [];
	const repeat = o.repeat ?? 1;
	for (const count of counts) {
		const contentDir = await o.generate(count);
		const { kbFiles, edited } = articleToEdit(contentDir);
		const runs = [];
		for (let run = 1; run <= repeat; run++) runs.push(await benchTierZero({ ...o, chromiumPath: '' }, count, contentDir, edited, runLabel(run, repeat)));
		const tz = withRuns(runs);
		results.push({ articles: kbFiles.length, cold: tz.result.cold, rebuild: tz.result.rebuild, steps: tz.steps, runs: tz.result.runs });
	}
	return results;
}

/** Runs the side-by-side benchmark for each article count; returns one result per site and count. */
export async function runPeerBench(
	o: PeerBenchOptions,
	counts: readonly string[],
): Promise<{ results: PeerResult[]; method: Measured['method'] | null }> {
	const versions = { astro: installedVersion(o.root, 'astro'), pagefind: installedVersion(o.root, 'pagefind') };
	const project = installStarlight(o.benchDir, versions);
	const results: PeerResult[] = [];
	let method: Measured['method'] | null = null;
	for (const count of counts) {
		const contentDir = await o.generate(count);
		// The Starlight tree is written before Tier Zero's edit, so both start from the same corpus.
		const tree = writeStarlightSite(project, contentDir, o.benchDir);
		const { kbFiles, edited } = articleToEdit(contentDir);
		const query = queryWord(tree.titles);
		// Repeated, the two sites take turns, so that a busy spell on the machine falls on both.
		const repeat = o.repeat ?? 1;
		const tzRuns = [];
		const slRuns = [];
		for (let run = 1; run <= repeat; run++) {
			tzRuns.push(await benchTierZero(o, count, contentDir, edited, runLabel(run, repeat)));
			slRuns.push(await benchStarlight(count, project, tree.docFile(edited), o.benchDir, runLabel(run, repeat)));
		}
		const tz = withRuns(tzRuns);
		const sl = withRuns(slRuns);
		let tzQuery = null;
		let slQuery = null;
		if (existsSync(o.chromiumPath) || process.env.CHROMIUM_PATH) {
			log(`${count}: first search for "${query}" in each site's search UI (Chromium)`);
			const browser = await launchBrowser();
			try {
				for (const [which, dist] of [
					['tierzero', tz.outDir],
					['starlight', sl.outDir],
				] as const) {
					const server = await serveSite(dist);
					try {
						const measured = await firstQuery(browser, server.url, which, query);
						if (which === 'tierzero') tzQuery = measured;
						else slQuery = measured;
					} finally {
						await server.close();
					}
				}
			} finally {
				await browser.close();
			}
		} else {
			console.log(`bench: no chromium at ${o.chromiumPath} (set CHROMIUM_PATH): first search not measured`);
		}
		const articles = kbFiles.length;
		results.push({ articles, ...tz.result, firstQuery: tzQuery }, { articles, ...sl.result, firstQuery: slQuery });
		method = tz.method;
	}
	return { results, method };
}
