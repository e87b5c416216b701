import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ask, openEngine } from '../../scripts/lib/bench/search-driver.ts';
import { firstHit, parseGoldenSet, quality, type Answered } from '../../scripts/lib/bench/search-quality.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();
const GOLDEN = 'tests/search/golden.yaml';

/**
 * The floor under hit@3 on the golden questions: a little below the figure measured with
 * `npm run bench:search` (README), so a change that makes search answer fewer of them fails.
 */
const HIT_AT_3_FLOOR = 0.94;
/** At most this share of the questions may find nothing. */
const ZERO_RESULT_CEILING = 0.02;

it('search answers the golden questions in its top three', { timeout: 240_000 }, async () => {
	const questions = parseGoldenSet(readFileSync(GOLDEN, 'utf8'), GOLDEN);
	const page = await openEngine(site.browser, site.url, 'tierzero');
	try {
		const answered: Answered[] = [];
		for (const question of questions) answered.push(await ask(page, 'tierzero', question));
		const { hitAt3, zeroResultShare } = quality(answered);
		const misses = answered
			.filter((a) => (firstHit(a) ?? 99) > 3)
			.map((a) => `${a.question.q} → ${a.results.slice(0, 3).join(' ')}`);
		expect(hitAt3, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(HIT_AT_3_FLOOR);
		expect(zeroResultShare).toBeLessThanOrEqual(ZERO_RESULT_CEILING);
	} finally {
		await page.close();
	}
});
