import { describe, expect, it } from 'vitest';
import {
	computeDeflection,
	DeflectionAccumulator,
	entryIdOfPath,
	rankFailing,
	REASONS_PER_ENTRY,
	zeroResultQueriesCsv,
} from '../../../src/lib/analytics/metrics.ts';
import { renderDeflectionHtml } from '../../../src/lib/analytics/report-html.ts';
import { at } from './fixtures.ts';

describe('deflection metrics on hand-built logs', () => {
	// Four sessions:
	// a: searches, clicks, reads, votes yes          → self-service, answered
	// b: searches with zero results, then contacts   → self-service, contacted
	// c: opens the contact page straight away        → not self-service
	// d: reads an FAQ from a link, votes no          → self-service (page view), unresolved
	const log = [
		at('a', 0).search('webhook retries', 4),
		at('a', 1).click('webhook retries', 1, '/kb/KB-0007/'),
		at('a', 1).view('KB-0007'),
		at('a', 3).vote('KB-0007', true),
		at('b', 0).search('refund invoice', 0),
		at('b', 2).search('billing refund', 2),
		at('b', 4).contact('email'),
		at('c', 0).contact('support-portal'),
		at('d', 0).view('faq/reset-password'),
		at('d', 2).vote('faq/reset-password', false, 'did not cover SSO'),
	];
	const report = computeDeflection(log);

	it('gives each self-service session one outcome by the stated definitions', () => {
		expect(report.sessions).toBe(4);
		expect(report.selfServiceSessions).toBe(3);
		expect(report.answeredSessions).toBe(1);
		expect(report.unresolvedSessions).toBe(1);
		expect(report.contactedSessions).toBe(1);
		expect(report.deflectionRate).toBeCloseTo(1 / 3);
		// Wilson 95% for 1 of 3, worked by hand: centre (1/3 + 1.9208/3) / (1 + 3.8415/3) = 0.4269,
		// half-width 1.96 * sqrt(0.0741 + 0.1067) / 2.2805 = 0.3654.
		expect(report.deflectionInterval![0]).toBeCloseTo(0.0615, 4);
		expect(report.deflectionInterval![1]).toBeCloseTo(0.7923, 4);
	});

	it('computes zero-result rate, click-through and abandoned searches', () => {
		expect(report.searches).toBe(3);
		expect(report.zeroResultSearches).toBe(1);
		expect(report.zeroResultRate).toBeCloseTo(1 / 3);
		expect(report.clickedSearches).toBe(1);
		expect(report.clickThroughRate).toBeCloseTo(1 / 3);
		expect(report.abandonedSearches).toBe(2);
		expect(report.topAbandonedQueries).toEqual([
			{ query: 'billing refund', count: 1 },
			{ query: 'refund invoice', count: 1 },
		]);
	});

	it('counts helpful votes per entry and contact clicks per channel', () => {
		expect(report.helpful).toMatchObject({
			'KB-0007': { yes: 1, no: 0, rate: 1, reasons: [] },
			'faq/reset-password': { yes: 0, no: 1, rate: 0, reasons: [{ date: '2026-11-20', reason: 'did not cover SSO' }] },
		});
		// One vote: the helpful share is known only to lie between 20.7% and 100% (1 of 1).
		expect(report.helpful['KB-0007']!.lowerBound).toBeCloseTo(0.2065, 4);
		expect(report.helpful['KB-0007']!.noLowerBound).toBe(0);
		expect(report.helpful['faq/reset-password']!.lowerBound).toBe(0);
		expect(report.helpful['faq/reset-password']!.noLowerBound).toBeCloseTo(0.2065, 4);
		expect(report.contactClicks).toBe(2);
		expect(report.contactClicksByChannel).toEqual({ email: 1, 'support-portal': 1 });
		expect(report.pageViewsById).toEqual({ 'KB-0007': 1, 'faq/reset-password': 1 });
	});

	it('lists top queries and zero-result queries by count, then alphabetically', () => {
		expect(report.topQueries).toEqual([
			{ query: 'billing refund', count: 1 },
			{ query: 'refund invoice', count: 1 },
			{ query: 'webhook retries', count: 1 },
		]);
		expect(report.topZeroResultQueries).toEqual([{ query: 'refund invoice', count: 1 }]);
	});

	it('builds a funnel where each step is a subset of the one before', () => {
		expect(report.funnel.map((s) => s.sessions)).toEqual([4, 3, 1, 1]);
	});

	it('buckets searches per UTC day and sessions by the day they started', () => {
		const late = computeDeflection([
			at('x', 0, '2026-11-20').search('api key', 3),
			// 14 hours later is the next UTC day; the session still belongs to the 20th.
			at('x', 14 * 60, '2026-11-20').search('api key rotate', 0),
		]);
		expect(late.daily).toEqual([
			{
				date: '2026-11-20',
				searches: 1,
				zeroResultSearches: 0,
				clickedSearches: 0,
				sessions: 1,
				selfServiceSessions: 1,
				answeredSessions: 0,
				unresolvedSessions: 1,
				contactedSessions: 0,
			},
			{
				date: '2026-11-21',
				searches: 1,
				zeroResultSearches: 1,
				clickedSearches: 0,
				sessions: 0,
				selfServiceSessions: 0,
				answeredSessions: 0,
				unresolvedSessions: 0,
				contactedSessions: 0,
			},
		]);
	});
});

describe('edge cases of the definitions', () => {
	it('reports null rates, not 0 or NaN, when nothing was measured', () => {
		const report = computeDeflection([]);
		expect(report.sessions).toBe(0);
		expect(report.deflectionRate).toBeNull();
		expect(report.deflectionInterval).toBeNull();
		expect(report.zeroResultRate).toBeNull();
		expect(report.clickThroughRate).toBeNull();
	});

	it('counts a contact click anywhere in the session, even before the search', () => {
		const report = computeDeflection([
			at('e', 0).contact('phone'),
			at('e', 1).search('outage status', 2),
		]);
		expect(report.selfServiceSessions).toBe(1);
		expect(report.contactedSessions).toBe(1);
		expect(report.answeredSessions).toBe(0);
	});

	it('counts a search as clicked once however many of its results are opened', () => {
		const report = computeDeflection([
			at('f', 0).search('install', 9),
			at('f', 1).click('install', 1, '/kb/KB-0001/'),
			at('f', 2).click('install', 3, '/kb/KB-0003/'),
		]);
		expect(report.resultClicks).toBe(2);
		expect(report.clickedSearches).toBe(1);
		expect(report.clickThroughRate).toBe(1);
	});

	it('credits a click to the latest search of its query, leaving an earlier unclicked one abandoned', () => {
		const report = computeDeflection([
			at('g', 0).search('sso', 3),
			at('g', 5).search('sso', 3),
			at('g', 6).click('sso', 2, '/kb/KB-0010/'),
		]);
		expect(report.clickedSearches).toBe(1);
		expect(report.abandonedSearches).toBe(1);
		expect(report.topAbandonedQueries).toEqual([{ query: 'sso', count: 1 }]);
	});

	it('does not credit a click to a search of another query or of another session', () => {
		const report = computeDeflection([
			at('h', 0).search('tokens', 3),
			at('h', 1).click('token usage', 1, '/kb/KB-0020/'),
			at('i', 2).click('tokens', 1, '/kb/KB-0020/'),
		]);
		expect(report.clickedSearches).toBe(0);
		// A click without a search is not self-service on its own: session i is neither.
		expect(report.selfServiceSessions).toBe(1);
	});

	it("keeps only a session's last vote on an entry", () => {
		const report = computeDeflection([
			at('j', 0).vote('KB-0001', false),
			at('j', 1).vote('KB-0001', false, 'outdated screenshot'),
			at('j', 2).vote('KB-0001', true),
			at('k', 0).vote('KB-0001', false),
		]);
		expect(report.helpful['KB-0001']).toMatchObject({ yes: 1, no: 1, rate: 0.5 });
		// Only the counted "No" (session k's) could carry a reason; j's reason was taken back.
		expect(report.helpful['KB-0001']!.reasons).toEqual([]);
	});

	it('refuses a stream that is not grouped by session, rather than miscounting it', () => {
		const accumulator = new DeflectionAccumulator();
		accumulator.add(at('l', 0).search('a', 1));
		accumulator.add(at('m', 0).search('b', 1));
		expect(() => accumulator.add(at('l', 1).search('c', 1))).toThrow(
			'events of session l-session are not contiguous; sort by session, then time',
		);
	});
});

describe('session outcomes at the edges', () => {
	// s1 searched twice with 0 results, then clicked a result       → answered
	// s2 read an article, voted yes, then no                         → unresolved ("No" is the last vote)
	// s3 read an article, contacted support, then voted yes          → contacted
	// s4 searched once, 0 results, left                              → unresolved
	// s5 searched, got results, clicked none                         → unresolved (abandoned)
	// s6 voted No on one article, then Yes on the next it read       → answered (last vote Yes)
	// s7 clicked a contact link only                                 → not self-service
	const report = computeDeflection([
		at('s1', 0).search('refund vat', 0),
		at('s1', 1).search('vat invoice', 0),
		at('s1', 2).click('vat invoice', 1, '/kb/KB-0031/'),
		at('s2', 0).view('KB-0032'),
		at('s2', 1).vote('KB-0032', true),
		at('s2', 2).vote('KB-0032', false, 'steps are for 1.0'),
		at('s3', 0).view('KB-0033'),
		at('s3', 1).contact('email'),
		at('s3', 2).vote('KB-0033', true),
		at('s4', 0).search('sso saml', 0),
		at('s5', 0).search('billing', 4),
		at('s6', 0).view('KB-0034'),
		at('s6', 1).vote('KB-0034', false),
		at('s6', 2).view('KB-0035'),
		at('s6', 3).vote('KB-0035', true),
		at('s7', 0).contact('phone'),
	]);

	it('splits the six self-service sessions into 2 answered, 3 unresolved and 1 contacted', () => {
		expect(report.sessions).toBe(7);
		expect(report.selfServiceSessions).toBe(6);
		expect([report.answeredSessions, report.unresolvedSessions, report.contactedSessions]).toEqual([2, 3, 1]);
		expect(report.deflectionRate).toBeCloseTo(2 / 6);
		// Wilson 95% for 2 of 6, worked by hand: [0.0968, 0.7000].
		expect(report.deflectionInterval![0]).toBeCloseTo(0.0968, 4);
		expect(report.deflectionInterval![1]).toBeCloseTo(0.7, 4);
	});

	it('lists the queries of the unresolved sessions', () => {
		expect(report.topUnresolvedQueries).toEqual([
			{ query: 'billing', count: 1 },
			{ query: 'sso saml', count: 1 },
		]);
	});

	it('counts the clicked zero-result search as clicked, and the first one as abandoned', () => {
		expect(report.clickedSearches).toBe(1);
		expect(report.abandonedSearches).toBe(3);
	});

	it("keeps the contacted session's yes vote and the yes-then-no session's no", () => {
		expect(report.helpful['KB-0032']).toMatchObject({ yes: 0, no: 1, reasons: [{ date: '2026-11-20', reason: 'steps are for 1.0' }] });
		expect(report.helpful['KB-0033']).toMatchObject({ yes: 1, no: 0 });
	});
});

describe('helpfulness worst first', () => {
	const log = [
		// KB-0041: one "No" of one vote.
		at('v0', 0).vote('KB-0041', false),
		// KB-0042: six "No" of ten.
		...Array.from({ length: 10 }, (_, i) => at(`w${i}`, i).vote('KB-0042', i < 4)),
		// KB-0043: three "Yes".
		...Array.from({ length: 3 }, (_, i) => at(`y${i}`, i).vote('KB-0043', true)),
	];
	const report = computeDeflection(log);

	it('ranks by the Wilson lower bound of the "No" share, so one "No" does not top the list', () => {
		// "No" lower bounds by hand: 6 of 10 → 0.3127, 1 of 1 → 0.2065, 0 of 3 → 0.
		expect(report.helpful['KB-0042']).toMatchObject({ yes: 4, no: 6 });
		const ranked = rankFailing(report.helpful);
		expect(ranked.map((e) => e.id)).toEqual(['KB-0042', 'KB-0041', 'KB-0043']);
	});

	it('states each rate with its Wilson lower bound', () => {
		expect(report.helpful['KB-0042']!.rate).toBeCloseTo(0.4);
		expect(report.helpful['KB-0042']!.lowerBound).toBeCloseTo(0.1682, 4);
		expect(report.helpful['KB-0042']!.noLowerBound).toBeCloseTo(0.3127, 4);
		expect(report.helpful['KB-0043']!.lowerBound).toBeCloseTo(0.4385, 4);
	});

	it(`keeps the newest ${REASONS_PER_ENTRY} "No" reasons per entry, newest first`, () => {
		const many = computeDeflection(
			Array.from({ length: 12 }, (_, i) => at(`r${String(i).padStart(2, '0')}`, i, i < 6 ? '2026-11-19' : '2026-11-20').vote('KB-0050', false, `reason ${i}`)),
		);
		const reasons = many.helpful['KB-0050']!.reasons;
		expect(reasons.map((r) => r.reason)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2].map((i) => `reason ${i}`));
		expect(reasons[0]!.date).toBe('2026-11-20');
		expect(reasons.at(-1)!.date).toBe('2026-11-19');
	});
});

describe('query journeys', () => {
	const report = computeDeflection([
		at('q1', 0).search('webhook retries', 4),
		at('q1', 1).click('webhook retries', 1, '/kb/KB-0007/'),
		at('q1', 2).view('KB-0007'),
		at('q1', 3).vote('KB-0007', true),
		at('q2', 0).search('webhook retries', 4),
		at('q2', 1).click('webhook retries', 2, '/kb/KB-0007/'),
		at('q2', 2).vote('KB-0007', false),
		at('q2', 3).contact('email'),
		at('q3', 0).search('webhook retries', 0),
		at('q4', 0).search('retry policy', 2),
		at('q4', 1).click('retry policy', 1, '/faq/webhooks/retry-policy/'),
	]);

	it('follows each top query from the search to the answer or the contact link', () => {
		expect(report.queryJourneys[0]).toEqual({
			query: 'webhook retries',
			searches: 3,
			sessions: 3,
			clickedSearches: 2,
			clickThroughRate: 2 / 3,
			topResult: { target: '/kb/KB-0007/', id: 'KB-0007', clicks: 2 },
			votesAfterClick: { yes: 1, no: 1 },
			helpfulShare: 0.5,
			contactedSessions: 1,
			contactedShare: 1 / 3,
		});
		expect(report.queryJourneys[1]).toMatchObject({
			query: 'retry policy',
			topResult: { id: 'faq/webhooks/retry-policy', clicks: 1 },
			helpfulShare: null,
			contactedShare: 0,
		});
	});

	it('reads entry ids from result paths, also under a base path', () => {
		expect(entryIdOfPath('/kb/KB-0007/')).toBe('KB-0007');
		expect(entryIdOfPath('/docs/kb/KB-0007/')).toBe('KB-0007');
		expect(entryIdOfPath('/faq/billing/refunds/')).toBe('faq/billing/refunds');
		expect(entryIdOfPath('/runbooks/outage/')).toBeNull();
	});

	it('reads KB IDs past KB-9999 and lists entries by number, KB-10000 after KB-9999', () => {
		expect(entryIdOfPath('/kb/KB-12345/')).toBe('KB-12345');
		expect(entryIdOfPath('/kb/KB-012345/')).toBeNull();
		const report = computeDeflection([
			at('a', 0).view('KB-10000'),
			at('a', 1).vote('KB-10000', true),
			at('b', 0).view('KB-9999'),
			at('b', 1).vote('KB-9999', true),
			at('c', 0).view('faq/reset-password'),
			at('c', 1).view('KB-0042'),
		]);
		expect(Object.keys(report.helpful)).toEqual(['KB-9999', 'KB-10000']);
		expect(Object.keys(report.pageViewsById)).toEqual(['KB-0042', 'KB-9999', 'KB-10000', 'faq/reset-password']);
		expect(rankFailing(report.helpful).map((e) => e.id)).toEqual(['KB-9999', 'KB-10000']);
	});
});

describe('agent-sent arrivals', () => {
	it('counts page views that carried source "agent", per entry', () => {
		const viaAgent = { ...at('t1', 0).view('KB-0007'), source: 'agent' } as const;
		const report = computeDeflection([
			viaAgent,
			{ ...at('t2', 0).view('KB-0007'), source: 'agent' } as const,
			at('t3', 0).view('KB-0007'),
			{ ...at('t4', 0).view('faq/billing/refunds'), source: 'agent' } as const,
		]);
		expect(report.agentArrivals).toBe(3);
		expect(report.agentArrivalsById).toEqual({ 'KB-0007': 2, 'faq/billing/refunds': 1 });
		expect(report.pageViewsById['KB-0007']).toBe(3);
	});
});

describe('zero-result queries for ticket mining', () => {
	it('writes query,count CSV with a header, most frequent first, quoting where needed', () => {
		const report = computeDeflection([
			at('n', 0).search('sso, saml', 0),
			at('o', 0).search('sso, saml', 0),
			at('p', 0).search('the "turbo" flag', 0),
			at('p', 1).search('found it', 3),
		]);
		expect(zeroResultQueriesCsv(report)).toBe(
			'query,count\n"sso, saml",2\n"the ""turbo"" flag",1\n',
		);
	});

	it('writes a query a visitor typed as a formula as text a spreadsheet will not run', () => {
		const report = computeDeflection([
			at('n', 0).search('=HYPERLINK("http://evil.example","x")', 0),
			at('o', 0).search('+cmd|/C calc', 0),
			at('p', 0).search('-2+3', 0),
			at('q', 0).search('@SUM(A1)', 0),
		]);
		expect(zeroResultQueriesCsv(report).split('\n').slice(1).sort()).toEqual([
			'',
			`"'+cmd|/C calc",1`,
			`"'-2+3",1`,
			`"'=HYPERLINK(""http://evil.example"",""x"")",1`,
			`"'@SUM(A1)",1`,
		]);
	});
});

describe('a report whose size is bounded whatever the events hold', () => {
	// One client posting events the schema accepts: 10,000 distinct days, 5,000 distinct 200-character
	// FAQ ids viewed and voted on (half of the votes a No with a 500-character reason), 500 channels, 5,000 distinct 200-character zero-result queries.
	const days = 10_000;
	const events = [];
	const start = Date.parse('1990-01-01T00:00:00Z');
	for (let i = 0; i < days; i++) {
		const day = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
		const id = `faq/${String(i % 5000).padStart(196, 'x')}`;
		const query = `${String(i % 5000).padStart(200, 'q')}`;
		events.push(
			at(`h${i}`, 0, day).search(query, 0),
			at(`h${i}`, 1, day).view(id),
			at(`h${i}`, 2, day).vote(id, i % 2 === 0, i % 2 === 0 ? undefined : 'r'.repeat(500)),
			at(`h${i}`, 3, day).contact(`channel-${i % 500}`),
		);
	}
	const report = computeDeflection(events);

	it('lists at most 366 days, 200 entries, 50 channels and 1,000 zero-result queries, saying how many it left out', () => {
		expect(report.daily).toHaveLength(366);
		expect(report.daily.at(-1)?.date).toBe(new Date(start + (days - 1) * 86_400_000).toISOString().slice(0, 10));
		expect(Object.keys(report.helpful)).toHaveLength(200);
		expect(Object.keys(report.pageViewsById)).toHaveLength(200);
		expect(Object.keys(report.contactClicksByChannel)).toHaveLength(50);
		expect(report.zeroResultQueries).toHaveLength(1000);
		expect(report.omitted).toEqual({
			days: days - 366,
			pageViewIds: 4800,
			agentArrivalIds: 0,
			helpfulIds: 4800,
			channels: 450,
			zeroResultQueries: 4000,
		});
		// Totals still count everything.
		expect([report.searches, report.pageViews, report.contactClicks, report.sessions]).toEqual([days, days, days, days]);
	});

	it('keeps deflection.json and deflection.html under 600 KB each', () => {
		const json = JSON.stringify(report, null, '\t');
		const html = renderDeflectionHtml(report, { siteName: 'Caro', generatedAt: '2026-11-23T00:00:00.000Z' });
		expect(json.length).toBeLessThan(600_000);
		expect(html.length).toBeLessThan(600_000);
		expect(html).toContain('Only the last 366 days with events are shown; 9,634 earlier days count in the totals above.');
		expect(html).toContain('Only the 50 most-clicked channels are listed; 450 more had clicks.');
	});
});
