import { describe, expect, it } from 'vitest';
import { parseEventBatch } from '../../../src/schemas/event.ts';

const base = { session: 'abcdefgh12', ts: '2026-11-23T09:30:00.000Z', path: '/kb/KB-0042/' };
const search = { type: 'search', ...base, query: 'webhooks', results: 3 };

const problems = (body: unknown) => {
	const result = parseEventBatch(body);
	return result.ok ? [] : result.problems.map((p) => `${p.where}: ${p.message}`);
};

describe('event format v1', () => {
	it('accepts one event of each type, alone or in a batch', () => {
		const events = [
			search,
			{ type: 'result_click', ...base, query: 'webhooks', rank: 1, target: '/kb/KB-0007/' },
			{ type: 'page_view', ...base, id: 'KB-0042' },
			{ type: 'page_view', ...base, path: '/faq/reset-password/', id: 'faq/reset-password' },
			{ type: 'helpful_vote', ...base, id: 'KB-0042', helpful: false, reason: 'Step 2\nfails' },
			{ type: 'helpful_vote', ...base, id: 'KB-0042', helpful: true },
			{ type: 'contact_click', ...base, target: 'support-portal' },
			{ ...search, ts: '2026-11-23T10:30:00+01:00', results: 0 },
		];
		expect(parseEventBatch(events)).toEqual({ ok: true, events });
		expect(parseEventBatch(search)).toEqual({ ok: true, events: [search] });
	});

	it('rejects unknown types and says which are allowed', () => {
		expect(problems({ ...search, type: 'purchase' })).toEqual([
			'event.type: type must be one of: search, result_click, page_view, helpful_vote, contact_click',
		]);
	});

	it('rejects unknown fields, naming the fields the type has', () => {
		expect(problems({ ...search, email: 'a@b.example' })).toEqual([
			'event: unknown field "email": a search event has only type, session, ts, path, query, results',
		]);
		expect(problems({ type: 'page_view', ...base, id: 'KB-0042', helpful: true })).toEqual([
			'event: unknown field "helpful": a page_view event has only type, session, ts, path, id, source',
		]);
	});

	it('takes a page view\'s source "agent" and nothing else there', () => {
		expect(problems({ type: 'page_view', ...base, id: 'KB-0042', source: 'agent' })).toEqual([]);
		expect(problems({ type: 'page_view', ...base, id: 'KB-0042', source: 'newsletter' })).toEqual([
			'event.source: source must be "agent" (a link a support agent sent) or left out',
		]);
	});

	it('requires each type\'s own fields', () => {
		expect(problems({ type: 'search', ...base, query: 'x' })).toEqual([
			'event.results: results is required and must be a whole number, 0 or more',
		]);
		expect(problems({ type: 'result_click', ...base, query: 'x', target: '/a/' })).toEqual([
			'event.rank: rank is required and must be a whole number, 1 or more',
		]);
		expect(problems({ type: 'contact_click', ...base })).toEqual([
			'event.target: target is required and must be a support channel id such as email',
		]);
	});

	it('rejects fields of the wrong type or out of range, with what is allowed', () => {
		expect(problems([search, { ...search, results: '3' }, { ...search, results: 1.5 }])).toEqual([
			'events[1].results: results is required and must be a whole number, 0 or more',
			'events[2].results: results must be a whole number from 0 to 2147483647',
		]);
		expect(problems({ ...search, query: 'q'.repeat(201) })).toEqual([
			'event.query: query must be at most 200 characters',
		]);
		expect(problems({ type: 'helpful_vote', ...base, id: 'KB-42', helpful: 'yes' })).toEqual([
			'event.id: id must be a KB ID such as KB-0042 or an FAQ id such as faq/billing/refunds',
			'event.helpful: helpful is required and must be true (Yes) or false (No)',
		]);
		expect(problems({ ...search, session: 'short' })).toEqual([
			'event.session: session must be 8 to 64 letters, digits, "-" or "_"',
		]);
		expect(problems({ ...search, ts: '2026-11-23 09:30' })).toEqual([
			'event.ts: ts must be an ISO-8601 date and time with a time zone, e.g. 2026-11-23T09:30:00.000Z',
		]);
		expect(problems({ ...search, path: 'https://caro.example/?q=secret' })).toEqual([
			'event.path: path must be a URL path starting with "/", without spaces, query string or fragment',
		]);
		expect(problems({ ...search, query: 'nul\u0000byte' })).toEqual([
			'event.query: query must not contain control characters',
		]);
	});

	it('accepts only what both stores keep exactly: counts up to 2^31 - 1, years 1970-9999, whole Unicode', () => {
		expect(parseEventBatch({ ...search, results: 2 ** 31 - 1 }).ok).toBe(true);
		expect(problems([{ ...search, results: 2 ** 31 }, { ...search, results: 1e300 }])).toEqual([
			'events[0].results: results must be a whole number from 0 to 2147483647',
			'events[1].results: results must be a whole number from 0 to 2147483647',
		]);
		expect(
			problems({ type: 'result_click', ...base, query: 'x', rank: 2 ** 31, target: '/kb/KB-0001/' }),
		).toEqual(['event.rank: rank must be a whole number from 1 to 2147483647 (1 is the first result)']);
		expect(parseEventBatch({ ...search, ts: '1970-01-01T00:00:00Z' }, Date.parse(base.ts)).ok).toBe(true);
		for (const ts of ['0000-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:30:00+01:00', '9999-12-31T23:30:00-01:00']) {
			expect(problems({ ...search, ts })).toEqual([
				'event.ts: ts must lie between 1970-01-01 and 9999-12-31 (UTC)',
			]);
		}
		expect(problems({ ...search, query: 'half \ud83d emoji' })).toEqual([
			'event.query: query must be valid Unicode text (no lone surrogate)',
		]);
		expect(problems({ ...search, path: '/kb/\udc00/' })).toEqual([
			'event.path: path must be valid Unicode text (no lone surrogate)',
		]);
		expect(problems({ type: 'page_view', ...base, id: `faq/${'a'.repeat(200)}` })).toEqual([
			'event.id: id must be at most 200 characters',
		]);
		expect(problems({ type: 'contact_click', ...base, target: 'e'.repeat(65) })).toEqual([
			'event.target: target must be at most 64 characters',
		]);
	});

	it('rejects a ts more than 24 hours after the collector received it', () => {
		const receivedAt = Date.parse('2026-11-23T09:30:00.000Z');
		expect(parseEventBatch({ ...search, ts: '2026-11-24T09:30:00.000Z' }, receivedAt).ok).toBe(true);
		const late = { ...search, ts: '2026-11-24T09:30:00.001Z' };
		expect(parseEventBatch([search, late], receivedAt)).toEqual({
			ok: false,
			problems: [
				{
					where: 'events[1].ts',
					message:
						'ts must not be more than 24 hours after the collector received the event (2026-11-23T09:30:00.000Z)',
				},
			],
		});
		// Year 9999 is in range for the schema but far in the future for any collector today.
		expect(parseEventBatch({ ...search, ts: '9999-12-31T23:59:59Z' }, receivedAt).ok).toBe(false);
	});

	it('rejects empty and oversized batches and non-objects', () => {
		expect(problems([])).toEqual(['events: a batch must hold at least one event']);
		expect(problems(Array(51).fill(search))).toEqual(['events: a batch may hold at most 50 events']);
		expect(problems('search')).toEqual(['event: each event must be a JSON object with a "type" field']);
	});
});
