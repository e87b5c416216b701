import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zeroResultQueriesCsv, type DeflectionReport } from '../../../src/lib/analytics/metrics.ts';
import { readQueries } from '../../../src/lib/mine/queries.ts';
import { redact } from '../../../src/lib/mine/redact.ts';
import { PROPERTY_TIMEOUT, RUNS } from '../support/hostile-text.ts';

const input = (text: string) => ({
	name: 'q.txt',
	chunks: (async function* () {
		yield text;
	})(),
});

describe('readQueries', () => {
	it('reads one query per line and merges repeats', async () => {
		const r = await readQueries(
			input('webhook retry\n\nWebhook  Retry\nreset for anneliese.vogt@example.org\n'),
		);
		expect(r).toEqual({
			queries: [
				{ id: 'query:1', text: 'webhook retry', count: 2 },
				{ id: 'query:4', text: 'reset for [email]', count: 1 },
			],
			rejected: [],
		});
	});

	it('reads the deflection report CSV with counts and rejects bad counts', async () => {
		const r = await readQueries(
			input('query,count\n"webhook retry, again",12\ndark mode,3\nsso,many\n'),
		);
		expect(r.queries).toEqual([
			{ id: 'query:2', text: 'webhook retry, again', count: 12 },
			{ id: 'query:3', text: 'dark mode', count: 3 },
		]);
		expect(r.rejected).toEqual([
			{ file: 'q.txt', line: 4, reason: 'count must be a whole number of 1 or more' },
		]);
	});

	it('reads a query the deflection report defused as the visitor typed it', async () => {
		const r = await readQueries(input(`query,count\n"'=HYPERLINK(""http://x"")",2\n"'-2+3",1\n"''quoted",1\n`));
		expect(r.queries.map((q) => q.text)).toEqual(['=HYPERLINK("http://x")', '-2+3', "'quoted"]);
	});

	it('reads back every query the deflection report writes, with its count', async () => {
		// A letter first keeps each query apart from the blank and punctuation-only ones the miner skips.
		const query = fc
			.tuple(fc.constantFrom('=', '+', '-', '@', "'", '\t', '', '"', '\r'), fc.stringMatching(/^[a-z][a-z ,"=+'@\t-]{0,20}$/))
			.map(([start, rest]) => start + rest);
		const key = (q: string) => q.replace(/\s+/g, ' ').trim().toLowerCase();
		await fc.assert(
			fc.asyncProperty(fc.uniqueArray(query, { minLength: 1, maxLength: 5, selector: key }), async (texts) => {
				const report = { zeroResultQueries: texts.map((query, i) => ({ query, count: i + 1 })) };
				const { queries, rejected } = await readQueries(
					input(zeroResultQueriesCsv(report as unknown as DeflectionReport)),
				);
				expect(rejected).toEqual([]);
				expect(queries.map((q) => [q.text, q.count])).toEqual(
					texts.map((q, i) => [redact(q.replace(/\s+/g, ' ').trim()), i + 1]),
				);
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});
