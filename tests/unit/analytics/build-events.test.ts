import { describe, expect, it } from 'vitest';
import {
	buildContactClick,
	buildHelpfulVote,
	buildPageView,
	buildResultClick,
	buildSearch,
	arrivedFromAgent,
	resultPath,
} from '../../../src/lib/analytics/build-events.ts';
import { AnalyticsEventSchema } from '../../../src/schemas/event.ts';

const base = { session: 'Zx9_abc-DEF123', ts: '2026-11-23T09:30:00.000Z', path: '/kb/KB-0042/' };

describe('events the browser builds', () => {
	it('are all accepted by the collector schema', () => {
		const built = [
			buildSearch(base, { query: '  Refund for BOB@corp.example ', results: 0 }),
			buildResultClick(base, { query: 'Webhook', rank: 2, target: 'https://help.caro.example/kb/KB-0007/?q=x#top' }),
			buildPageView(base, 'faq/billing/refunds'),
			buildPageView(base, 'KB-0042', true),
			buildHelpfulVote(base, { id: 'KB-0042', helpful: false, reason: ' Call 555-123-4567\r\nplease ' }),
			buildHelpfulVote(base, { id: 'KB-0042', helpful: true, reason: 'ignored on yes' }),
			buildContactClick(base, 'support-portal'),
		];
		expect(built).toEqual([
			{ type: 'search', ...base, query: 'refund for [email]', results: 0 },
			{ type: 'result_click', ...base, query: 'webhook', rank: 2, target: '/kb/KB-0007/' },
			{ type: 'page_view', ...base, id: 'faq/billing/refunds' },
			{ type: 'page_view', ...base, id: 'KB-0042', source: 'agent' },
			{ type: 'helpful_vote', ...base, id: 'KB-0042', helpful: false, reason: 'Call [number]\nplease' },
			{ type: 'helpful_vote', ...base, id: 'KB-0042', helpful: true },
			{ type: 'contact_click', ...base, target: 'support-portal' },
		]);
		for (const event of built) expect(AnalyticsEventSchema.safeParse(event).success).toBe(true);
	});

	it.each([
		['an empty query', () => buildSearch(base, { query: ' \n ', results: 1 })],
		['a non-integer result count', () => buildSearch(base, { query: 'x', results: 1.5 })],
		['a missing detail', () => buildSearch(base, undefined)],
		['rank 0', () => buildResultClick(base, { query: 'x', rank: 0, target: '/a/' })],
		['a rank given as text', () => buildResultClick(base, { query: 'x', rank: '1', target: '/a/' })],
		['a page that is not a KB article or FAQ', () => buildPageView(base, 'runbooks/outage')],
		['a vote without a boolean', () => buildHelpfulVote(base, { id: 'KB-0042', helpful: 'no' })],
		['a contact link without a channel id', () => buildContactClick(base, 'Email Us')],
		['a path the schema refuses', () => buildPageView({ ...base, path: `/${'x'.repeat(2048)}` }, 'KB-0042')],
		['a bad session', () => buildPageView({ ...base, session: 'short' }, 'KB-0042')],
	])('are skipped for %s, instead of poisoning the batch', (_, build) => {
		expect(build()).toBeUndefined();
	});

	it('mark an arrival from an agent\'s link by ?src=agent alone', () => {
		expect(arrivedFromAgent('?src=agent')).toBe(true);
		expect(arrivedFromAgent('?utm=mail&src=agent')).toBe(true);
		expect(arrivedFromAgent('?src=agents')).toBe(false);
		expect(arrivedFromAgent('?source=agent')).toBe(false);
		expect(arrivedFromAgent('')).toBe(false);
	});

	it('reduce a result URL to its path', () => {
		expect(resultPath('/kb/KB-0001/#step-2')).toBe('/kb/KB-0001/');
		expect(resultPath('https://other.example/faq/a/b/?utm=1')).toBe('/faq/a/b/');
		expect(resultPath('/kb/a b/')).toBe('/kb/a%20b/');
	});
});
