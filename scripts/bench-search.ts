// Search benchmark: the golden questions (tests/search/golden.yaml) through Tier Zero's search
// dialog and through Pagefind's own default UI, in Chromium, on the built site; prints hit@1,
// hit@3, MRR, zero-result share, time per query and the bytes the first query fetches.
//
//   npm run bench:search -- [--dist DIR] [--golden FILE] [--misses]
//
// Without --dist it builds the site first (npm run build); --misses lists the questions Tier
// Zero's search did not answer in its top 3.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { ask, firstQueryBytes, openEngine, type EngineName } from './lib/bench/search-driver.ts';
import { firstHit, parseGoldenSet, quality, type Answered } from './lib/bench/search-quality.ts';
import { parseCli } from './lib/cli.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
import { serveSite } from '../tests/e2e/support/server.ts';

const { values } = parseCli('bench:search', 'npm run bench:search -- [--dist DIR] [--golden FILE] [--misses]', {
	options: {
		dist: { type: 'string' },
		golden: { type: 'string', default: 'tests/search/golden.yaml' },
		misses: { type: 'boolean', default: false },
	},
});

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
const [browser, site] = await Promise.all([launchBrowser(), serveSite(dist)]);
const ENGINES: { name: EngineName; label: string }[] = [
	{ name: 'tierzero', label: 'Tier Zero search' },
	{ name: 'pagefind', label: 'plain Pagefind (default UI)' },
];
try {
	const rows = [];
	const answeredBy = new Map<EngineName, Answered[]>();
	for (const { name, label } of ENGINES) {
		const first = await firstQueryBytes(browser, site.url, name, questions[0]!);
		const page = await openEngine(browser, site.url, name);
		const answered: Answered[] = [];
		for (const question of questions) answered.push(await ask(page, name, question));
		await page.close();
		answeredBy.set(name, answered);
		rows.push({ label, q: quality(answered), first });
	}
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	console.log(`\n${questions.length} golden questions (${values.golden}), site ${dist}`);
	console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
	console.log('| engine | hit@1 | hit@3 | MRR | zero results | median time per query | first query fetches |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const { label, q, first } of rows) {
		console.log(
			`| ${label} | ${q.hitAt1.toFixed(3)} | ${q.hitAt3.toFixed(3)} | ${q.mrr.toFixed(3)} | ${pct(q.zeroResultShare)} | ${q.medianMs} ms | ${(first.bytes / 1024).toFixed(1)} KB in ${first.requests} requests |`,
		);
	}
	console.log(`\nFirst query: "${questions[0]!.q}". Times run from typing to results on screen, each UI's typing pause included.`);
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
