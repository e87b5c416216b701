import { describe, expect, it } from 'vitest';
import { readQueries } from '../../../src/lib/mine/queries.ts';

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
});
