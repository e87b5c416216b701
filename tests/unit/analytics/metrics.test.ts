import { describe, expect, it } from 'vitest';
import {
	computeDeflection,
	DeflectionAccumulator,
	zeroResultQueriesCsv,
} from '../../../src/lib/analytics/metrics.ts';
import { at } from './fixtures.ts';

describe('deflection metrics on hand-built logs', () => {
	// Four sessions:
	// a: searches, clicks, reads, votes yes          → self-service, deflected
	// b: searches with zero results, then contacts   → self-service, not deflected
	// c: opens the contact page straight away        → not self-service
	// d: reads an FAQ from a link, votes no          → self-service (page view), deflected
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

	it('counts sessions, self-service sessions and deflected sessions by the stated definitions', () => {
		expect(report.sessions).toBe(4);
		expect(report.selfServiceSessions).toBe(3);
		expect(report.deflectedSessions).toBe(2);
		expect(report.contactedSessions).toBe(1);
		expect(report.deflectionRate).toBeCloseTo(2 / 3);
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
		expect(report.helpful).toEqual({
			'KB-0007': { yes: 1, no: 0, rate: 1 },
			'faq/reset-password': { yes: 0, no: 1, rate: 0 },
		});
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
		expect(report.funnel.map((s) => s.sessions)).toEqual([4, 3, 2, 1]);
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
				deflectedSessions: 1,
			},
			{
				date: '2026-11-21',
				searches: 1,
				zeroResultSearches: 1,
				clickedSearches: 0,
				sessions: 0,
				selfServiceSessions: 0,
				deflectedSessions: 0,
			},
		]);
	});
});

describe('edge cases of the definitions', () => {
	it('reports null rates, not 0 or NaN, when nothing was measured', () => {
		const report = computeDeflection([]);
		expect(report.sessions).toBe(0);
		expect(report.deflectionRate).toBeNull();
		expect(report.zeroResultRate).toBeNull();
		expect(report.clickThroughRate).toBeNull();
	});

	it('counts a contact click anywhere in the session, even before the search', () => {
		const report = computeDeflection([
			at('e', 0).contact('phone'),
			at('e', 1).search('outage status', 2),
		]);
		expect(report.selfServiceSessions).toBe(1);
		expect(report.deflectedSessions).toBe(0);
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
		expect(report.helpful['KB-0001']).toEqual({ yes: 1, no: 1, rate: 0.5 });
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
