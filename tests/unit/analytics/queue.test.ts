import { describe, expect, it } from 'vitest';
import { coalesce, EventQueue, toBodies } from '../../../src/lib/analytics/queue.ts';
import type { AnalyticsEvent } from '../../../src/schemas/event.ts';
import { at } from './fixtures.ts';

const seconds = (s: number) => s / 60;

describe('coalescing what the visitor is still typing', () => {
	it('keeps only the last of searches that refine each other within 10 s', () => {
		let pending: AnalyticsEvent[] = [];
		pending = coalesce(pending, at('a', 0).search('web', 40));
		pending = coalesce(pending, at('a', seconds(2)).search('webhook', 9));
		pending = coalesce(pending, at('a', seconds(4)).search('webhook retries', 2));
		expect(pending).toEqual([at('a', seconds(4)).search('webhook retries', 2)]);
	});

	it('keeps searches that are different queries, far apart, or on another page', () => {
		let pending: AnalyticsEvent[] = [];
		pending = coalesce(pending, at('a', 0).search('webhook', 9));
		pending = coalesce(pending, at('a', seconds(3)).search('billing', 4));
		pending = coalesce(pending, at('a', 2).search('billing plans', 2));
		pending = coalesce(pending, at('a', 2 + seconds(1)).search('billing plans annual', 1, '/faq/'));
		expect(pending.map((e) => (e.type === 'search' ? e.query : ''))).toEqual([
			'webhook',
			'billing',
			'billing plans',
			'billing plans annual',
		]);
	});

	it('does not fold a search into one before a result click', () => {
		let pending: AnalyticsEvent[] = [];
		pending = coalesce(pending, at('a', 0).search('sso', 3));
		pending = coalesce(pending, at('a', seconds(1)).click('sso', 1, '/kb/KB-0010/'));
		pending = coalesce(pending, at('a', seconds(2)).search('sso saml', 1));
		expect(pending).toHaveLength(3);
	});

	it('replaces a pending vote on the same entry, so "No" then "No, because…" is one vote', () => {
		let pending: AnalyticsEvent[] = [];
		pending = coalesce(pending, at('a', 0).vote('KB-0001', false));
		pending = coalesce(pending, at('a', 0).view('KB-0002'));
		pending = coalesce(pending, at('a', 1).vote('KB-0001', false, 'too long'));
		expect(pending).toEqual([at('a', 0).view('KB-0002'), at('a', 1).vote('KB-0001', false, 'too long')]);
	});
});

describe('splitting into request bodies', () => {
	const views = (n: number) => Array.from({ length: n }, (_, i) => at('b', i).view('KB-0001'));

	it('keeps each body within the event and byte limits, in order', () => {
		const events = views(45);
		const bodies = toBodies(events, 20, 16 * 1024);
		expect(bodies.map((b) => b.count)).toEqual([20, 20, 5]);
		expect(bodies.flatMap((b) => JSON.parse(b.body))).toEqual(events);

		const oneSize = new TextEncoder().encode(JSON.stringify(events[0])).length;
		const small = toBodies(events.slice(0, 5), 50, 2 + oneSize * 2 + 1);
		expect(small.map((b) => b.count)).toEqual([2, 2, 1]);
		for (const { body } of small) expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(2 + oneSize * 2 + 1);
	});
});

describe('EventQueue', () => {
	it('sends by itself when a batch is full and on flush', () => {
		const sent: string[] = [];
		const queue = new EventQueue({ send: (body) => sent.push(body) > 0, maxEvents: 3 });
		for (let i = 0; i < 4; i++) queue.push(at('c', i).view('KB-0001'));
		expect(sent.map((b) => JSON.parse(b).length)).toEqual([3]);
		expect(queue.pending).toHaveLength(1);
		queue.flush();
		expect(sent.map((b) => JSON.parse(b).length)).toEqual([3, 1]);
		expect(queue.pending).toHaveLength(0);
	});

	it('keeps events the browser refused and sends them at the next flush', () => {
		let accept = false;
		const sent: string[] = [];
		const queue = new EventQueue({
			send: (body) => (accept ? sent.push(body) > 0 : false),
			maxEvents: 2,
		});
		queue.push(at('d', 0).view('KB-0001'));
		queue.push(at('d', 1).view('KB-0002'));
		queue.push(at('d', 2).view('KB-0003'));
		expect(queue.flush()).toBe(0);
		expect(queue.pending).toHaveLength(3);
		accept = true;
		expect(queue.flush()).toBe(3);
		expect(sent.flatMap((b) => JSON.parse(b).map((e: { id: string }) => e.id))).toEqual([
			'KB-0001',
			'KB-0002',
			'KB-0003',
		]);
	});

	it('bounds what it keeps while refused, dropping the oldest', () => {
		const queue = new EventQueue({ send: () => false, maxEvents: 50, maxPending: 5 });
		for (let i = 0; i < 8; i++) queue.push(at('e', i).view('KB-0001'));
		expect(queue.pending.map((e) => e.ts)).toEqual([3, 4, 5, 6, 7].map((i) => at('e', i).view('KB-0001').ts));
	});

	it('drops an event too large for any body instead of poisoning the batch', () => {
		const sent: string[] = [];
		const queue = new EventQueue({ send: (b) => sent.push(b) > 0, maxBytes: 300 });
		queue.push({ ...at('f', 0).click('x', 1, `/${'p'.repeat(400)}/`) });
		queue.push(at('f', 1).view('KB-0001'));
		queue.flush();
		expect(sent).toEqual([JSON.stringify([at('f', 1).view('KB-0001')])]);
	});
});
