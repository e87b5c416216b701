// Search benchmark: the golden questions (tests/search/golden.yaml) through Tier Zero's search
// dialog and through Pagefind's own default UI, in Chromium, on the built site; prints hit@1,
// hit@3, MRR, zero-result share, time per query, and what the first query of a session fetches.
//
//   npm run bench:search -- [--dist DIR] [--golden FILE] [--misses] [--sessions N] [--first-query-only]
//
// Without --dist it builds the site first (npm run build); --misses lists the questions Tier
// Zero's search did not answer in its top 3. The first query is measured in --sessions fresh
// pages (default 5), each asking one of the first golden questions, counted at the server as it
// sends them (gzip, as static hosts serve text). --first-query-only measures only that, for a
// generated site (node scripts/generate-kb.ts) whose articles the golden set does not describe.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { ask, firstQuery, openEngine, trafficMeter, type EngineName, type FirstQuery } from './lib/bench/search-driver.ts';
import { firstHit, parseGoldenSet, quality, type Answered, type Quality } from './lib/bench/search-quality.ts';
import { quantile } from '../src/lib/stats.ts';
import { parseCli, usageExit } from './lib/cli.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { serveSite } from '../tests/e2e/support/server.ts';

const USAGE = 'npm run bench:search -- [--dist DIR] [--golden FILE] [--misses] [--sessions N] [--first-query-only]';
const { values } = parseCli('bench:search', USAGE, {
	options: {
		dist: { type: 'string' },
		golden: { type: 'string', default: 'tests/search/golden.yaml' },
		misses: { type: 'boolean', default: false },
		sessions: { type: 'string', default: '5' },
		'first-query-only': { type: 'boolean', default: false },
	},
});
const sessions = Number(values.sessions);
if (!Number.isInteger(sessions) || sessions < 1) usageExit('bench:search', USAGE, `--sessions: must be a whole number of 1 or more, got "${values.sessions}"`);

const questions = parseGoldenSet(readFileSync(values.golden, 'utf8'), values.golden);
if (!values.dist) {
	console.log('Building the site (npm run build)…');
	const build = spawnSync('npm', ['run', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
	if (build.status !== 0) {
		console.error('bench:search: the build failed');
		process.exit(1);
	}
}
const dist = resolve(values.dist ?? 'dist');
const meter = trafficMeter();
const [browser, site] = await Promise.all([launchBrowser(), serveSite(dist, { onSent: meter.onSent })]);
const ENGINES: { name: EngineName; label: string }[] = [
	{ name: 'tierzero', label: 'Tier Zero search' },
	{ name: 'pagefind', label: 'plain Pagefind (default UI)' },
];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
try {
	const rows: { label: string; q?: Quality; firsts: FirstQuery[] }[] = [];
	const answeredBy = new Map<EngineName, Answered[]>();
	const firstQuestions = questions.slice(0, sessions);
	for (const { name, label } of ENGINES) {
		const firsts: FirstQuery[] = [];
		for (const question of firstQuestions) firsts.push(await firstQuery(browser, site.url, name, question, meter));
		if (values['first-query-only']) {
			rows.push({ label, firsts });
			continue;
		}
		const page = await openEngine(browser, site.url, name);
		const answered: Answered[] = [];
		for (const question of questions) answered.push(await ask(page, name, question));
		await page.close();
		answeredBy.set(name, answered);
		rows.push({ label, q: quality(answered), firsts });
	}
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	const heaviest = (firsts: FirstQuery[]) => firsts.reduce((a, b) => (b.bytes > a.bytes ? b : a));
	console.log(`\nsite ${dist}`);
	console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
	if (!values['first-query-only']) {
		console.log(`${questions.length} golden questions (${values.golden})\n`);
		console.log('| engine | hit@1 | hit@3 | MRR | zero results | median time per query |');
		console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
		for (const { label, q } of rows) {
			console.log(`| ${label} | ${q!.hitAt1.toFixed(3)} | ${q!.hitAt3.toFixed(3)} | ${q!.mrr.toFixed(3)} | ${pct(q!.zeroResultShare)} | ${q!.medianMs} ms |`);
		}
		console.log('\nTimes run from typing to results on screen and include each UI\'s typing pause.\n');
	}
	console.log(`First query of a session, ${firstQuestions.length} fresh sessions (golden questions 1–${firstQuestions.length}), bytes as sent (gzip where a static host compresses):\n`);
	console.log('| engine | first query fetches, median | heaviest | uncompressed, heaviest | requests, heaviest | time, median |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
	for (const { label, firsts } of rows) {
		const top = heaviest(firsts);
		console.log(
			`| ${label} | ${kb(quantile(firsts.map((f) => f.bytes), 0.5)!)} | ${kb(top.bytes)} | ${kb(top.fileBytes)} | ${top.requests} | ${quantile(firsts.map((f) => f.ms), 0.5)} ms |`,
		);
	}
	for (const { label, firsts } of rows) {
		const top = heaviest(firsts);
		const question = firstQuestions[firsts.indexOf(top)]!;
		console.log(`\n${label}, heaviest first query ("${question.q}"):`);
		for (const [kind, { bytes, requests }] of [...top.byKind].sort((a, b) => b[1].bytes - a[1].bytes)) {
			console.log(`  ${kb(bytes).padStart(9)}  ${String(requests).padStart(3)} requests  ${kind}`);
		}
	}
	if (values.misses) {
		console.log('\nTier Zero misses (no answer in the top 3):');
		for (const a of answeredBy.get('tierzero') ?? []) {
			const rank = firstHit(a);
			if (rank === null || rank > 3)
				console.log(`  ${a.question.q}  → rank ${rank ?? '-'}; top 3: ${a.results.slice(0, 3).join(' ')}`);
		}
	}
} finally {
	await browser.close();
	await site.close();
}
