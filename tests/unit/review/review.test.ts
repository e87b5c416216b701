import { describe, expect, it } from 'vitest';
import { computeDeflection } from '../../../src/lib/analytics/metrics.ts';
import type { SuggestionCluster } from '../../../src/lib/mine/suggest.ts';
import { policyTargets } from '../../../src/lib/review/priority.ts';
import { renderReviewHtml, renderReviewMarkdown } from '../../../src/lib/review/review-report.ts';
import {
	checkTargets,
	failingEntries,
	queriesToMine,
	type Review,
	staleEntries,
	whatToWriteNext,
} from '../../../src/lib/review/review.ts';
import { ticketWeek } from '../../../src/lib/review/ticket-times.ts';
import { at } from '../analytics/fixtures.ts';

/** The playbooks' priorities (acknowledge within 1 hour, resolve within 1 day) as review targets. */
const TARGETS = policyTargets({
	kind: 'priorities',
	levels: (['P0', 'P1', 'P2', 'P3'] as const).map((id) => ({
		id,
		name: id,
		definition: 'd',
		examples: ['e'],
		acknowledgement: 'Within 1 hour',
		resolution: 'Within 1 day',
		communication: 'c',
		owner: 'o',
	})),
});

const thisWeek = computeDeflection([
	at('a', 0, '2026-11-17').search('webhook retries', 3),
	at('a', 1, '2026-11-17').click('webhook retries', 1, '/kb/KB-0007/'),
	at('a', 2, '2026-11-17').view('KB-0007'),
	at('b', 0, '2026-11-18').search('<script>x</script> sso', 0),
	at('b', 1, '2026-11-18').search('saml login', 2),
	at('c', 0, '2026-11-19').view('KB-0002'),
	at('c', 1, '2026-11-19').vote('KB-0002', false, 'Steps <b>missing</b>'),
	at('d', 0, '2026-11-19').search('saml login', 0),
	at('d', 1, '2026-11-19').contact('email'),
]);
const weekBefore = computeDeflection([
	at('e', 0, '2026-11-10').view('KB-0007'),
	at('f', 0, '2026-11-11').search('billing', 1),
]);

describe('what to write next', () => {
	it('feeds the miner every zero-result query and the unresolved ones, a query counted once', () => {
		// "saml login": 1 zero-result search, 1 unresolved session (b) → 1, not 2.
		expect(queriesToMine(thisWeek)).toEqual([
			{ query: '<script>x</script> sso', count: 1 },
			{ query: 'saml login', count: 1 },
		]);
	});

	it('ranks uncovered groups by tickets plus searches and leaves covered ones out', () => {
		const group = (id: string, size: number, searches: number, covered: boolean): SuggestionCluster => ({
			id,
			label: `label ${id}`,
			size,
			share: 0,
			searches,
			ticketIds: Array.from({ length: size }, (_, i) => `${id}-${i}`),
			queries: searches > 0 ? [{ id: 'query:2', text: 'saml login', count: searches }] : [],
			representative: { id: `${id}-0`, text: '' },
			terms: [],
			firstSeen: null,
			lastSeen: null,
			channels: {},
			coveredBy: covered ? { id: 'KB-0001', title: 't', section: null, score: 1, margin: 1 } : null,
			draft: size + searches >= 3 ? `content/faq/_suggested/${id}.mdx` : null,
		});
		const next = whatToWriteNext([group('G001', 9, 0, true), group('G002', 2, 4, false), group('G003', 5, 0, false)], []);
		expect(next.map((n) => [n.label, n.tickets, n.searches])).toEqual([
			['label G002', 2, 4],
			['label G003', 5, 0],
		]);
		expect(next[0]).toMatchObject({ exampleQueries: ['saml login'], ticketIds: ['G002-0', 'G002-1'], draft: 'content/faq/_suggested/G002.mdx' });
		expect(next[1]!.ticketIds).toEqual(['G003-0', 'G003-1', 'G003-2', 'G003-3', 'G003-4']);
	});

	it('lists the failed queries alone when there are no ticket exports', () => {
		expect(whatToWriteNext(null, queriesToMine(thisWeek)).map((n) => n.label)).toEqual(['<script>x</script> sso', 'saml login']);
	});
});

describe('stale KB articles', () => {
	it('lists those not updated for more than the limit, oldest first, counted per category', () => {
		const now = Date.parse('2026-11-23T00:00:00Z');
		const kb = [
			{ id: 'KB-0001', title: 'a', category: 'billing', updated: new Date('2026-05-26T00:00:00Z') }, // 181 days
			{ id: 'KB-0002', title: 'b', category: 'billing', updated: new Date('2026-05-27T00:00:00Z') }, // 180: not stale
			{ id: 'KB-0003', title: 'c', category: 'webhooks', updated: new Date('2026-01-02T00:00:00Z') }, // 325
		];
		const { stale, byCategory } = staleEntries(kb, now, 180);
		expect(stale.map((e) => [e.id, e.days])).toEqual([
			['KB-0003', 325],
			['KB-0001', 181],
		]);
		expect(byCategory).toEqual({ billing: 1, webhooks: 1 });
	});
});

describe('the playbooks’ targets', () => {
	it('judges deflection above 60%, median first response under 24 h and resolution above 80%', () => {
		const week = { since: 0, until: 10 };
		const tickets = ticketWeek(
			[
				{ id: '1', created: 1, priority: 'high', firstResponseMinutes: 600, resolutionMinutes: 700, resolved: true },
				{ id: '2', created: 2, priority: 'low', firstResponseMinutes: 2000, resolutionMinutes: null, resolved: false },
			],
			week,
			TARGETS,
		);
		const checks = checkTargets({ now: thisWeek, before: weekBefore }, { now: tickets, before: tickets });
		// Deflection 1 of 4 self-service sessions (a answered; b, c unresolved; d contacted) = 25%.
		expect(checks.map((c) => [c.name, c.value, c.met])).toEqual([
			['Deflection rate', '25.0%', false],
			// Median of 600 and 2000 minutes by nearest rank: 600 minutes = 10 h.
			['First response (median)', '10.0 h', true],
			['Resolution rate', '50.0%', false],
		]);
		expect(checkTargets({ now: thisWeek, before: weekBefore }, null)[1]).toMatchObject({ value: 'n/a', met: null });
	});
});

describe('the review as a reader sees it', () => {
	const review: Review = {
		siteName: 'Caro Help Center',
		generatedAt: '2026-11-23T08:00:00.000Z',
		week: { since: '2026-11-17T00:00:00.000Z', until: '2026-11-24T00:00:00.000Z' },
		previous: { since: '2026-11-10T00:00:00.000Z', until: '2026-11-17T00:00:00.000Z' },
		deflection: { now: thisWeek, before: weekBefore },
		tickets: null,
		targets: TARGETS,
		mined: false,
		next: whatToWriteNext(null, queriesToMine(thisWeek)),
		failing: failingEntries(thisWeek),
		titles: { 'KB-0002': 'Install <the> CLI' },
		staleDays: 180,
		stale: [],
		staleByCategory: {},
		checks: checkTargets({ now: thisWeek, before: weekBefore }, null),
	};
	const html = renderReviewHtml(review);
	const md = renderReviewMarkdown(review);

	it('has the five sections in order', () => {
		const headings = [...html.matchAll(/<h2 id="[a-z]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
		expect(headings).toEqual([
			'1. Deflection funnel and outcomes',
			'2. What to write next',
			'3. Entries that fail readers, and stale entries',
			'4. Response and resolution times against the policy',
			'5. The playbooks’ targets',
		]);
		expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(headings);
	});

	it('puts the week before beside each deflection figure', () => {
		// This week: 4 self-service sessions, 1 answered; the week before: 2, 1 answered (e viewed).
		expect(html).toContain('<th scope="row">Self-service sessions</th><td class="num">4</td><td class="num">2</td><td class="num">+2</td>');
		expect(html).toContain('<th scope="row">Deflection rate</th><td class="num">25.0%</td><td class="num">50.0%</td><td class="num">−25.0 pp</td>');
		expect(md).toContain('| Deflection rate | 25.0% | 50.0% | −25.0 pp |');
		expect(md).toContain('| Deflection rate, 95% interval | 4.6–69.9% | 9.5–90.5% | – |');
	});

	it('escapes what visitors typed, in HTML and in Markdown', () => {
		expect(html).not.toContain('<script>x');
		expect(html).toContain('<th scope="row">&lt;script&gt;x&lt;/script&gt; sso</th>');
		expect(html).toContain('Steps &lt;b&gt;missing&lt;/b&gt;');
		expect(html).toContain('<td>Install &lt;the&gt; CLI</td>');
		expect(md).toContain('| \\<script\\>x\\</script\\> sso | 0 | 1 |');
	});

	it('says met or not met for each target, and why times are missing', () => {
		expect(html).toContain('<th scope="row">Deflection rate</th><td>above 60.0%</td><td class="num">25.0%</td><td><span class="missed">not met</span></td><td class="num">50.0%</td>');
		expect(md).toContain('| First response (median) | under 24 h | n/a | nothing to judge | n/a |');
		expect(html).toContain('No ticket exports were given (--tickets): no response or resolution times this week.');
	});

	it('is a self-contained page: no script, nothing loaded from anywhere', () => {
		expect(html).toContain('http-equiv="Content-Security-Policy"');
		expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\((?!#)/i);
	});
});
