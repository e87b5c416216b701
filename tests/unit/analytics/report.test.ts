import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateBound } from '../../../src/lib/analytics/dates.ts';
import { entryDirectory } from '../../../src/lib/analytics/entries.ts';
import { computeDeflection } from '../../../src/lib/analytics/metrics.ts';
import { USAGE } from '../../../scripts/lib/deflection.ts';
import { describePeriod, renderDeflectionHtml } from '../../../src/lib/analytics/report-html.ts';
import { SqliteEventStore } from '../../../src/lib/analytics/store-sqlite-fs.ts';
import { PostgresEventStore } from '../../../src/lib/analytics/store-postgres.ts';
import { hostileText, PROPERTY_TIMEOUT, RUNS } from '../support/hostile-text.ts';
import { ACTIVE_ELEMENTS, elementsOf } from '../support/html.ts';
import { at } from './fixtures.ts';
import { isolatedSchema, requirePostgresInCi, skipReason, testDatabaseUrl } from './postgres.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tierzero-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const log = [
	at('a', 0, '2026-11-02').search('webhook retries', 4),
	at('a', 1, '2026-11-02').click('webhook retries', 1, '/kb/KB-0007/'),
	at('a', 2, '2026-11-02').view('KB-0007'),
	at('a', 3, '2026-11-02').vote('KB-0007', true),
	at('b', 0, '2026-11-03').search('<img src=x onerror=alert(1)>', 0),
	at('b', 1, '2026-11-03').contact('email'),
	at('c', 0, '2026-11-20').search('sso, saml', 0),
	at('c', 1, '2026-11-20').view('faq/reset-password'),
	at('c', 2, '2026-11-20').vote('faq/reset-password', false, 'Mail me at [email]'),
];

describe('the HTML report', () => {
	const html = renderDeflectionHtml(computeDeflection(log), {
		siteName: 'Caro Help Center',
		generatedAt: '2026-11-23T08:00:00.000Z',
	});

	it('escapes what visitors typed', () => {
		expect(html).not.toContain('<img src=x');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});

	it('from any query, reason, id or channel a visitor sends, adds no element or attribute that runs or loads', () => {
		fc.assert(
			fc.property(hostileText, hostileText, hostileText, hostileText, (query, reason, id, channel) => {
				const page = renderDeflectionHtml(
					computeDeflection([
						at('h', 0).search(query, 0),
						at('h', 1).click(query, 1, id),
						at('h', 2).view(id),
						at('h', 3).vote(id, false, reason),
						at('h', 4).contact(channel),
					]),
					{ siteName: query, generatedAt: '2026-11-23T08:00:00.000Z' },
				);
				for (const { tag, attributes } of elementsOf(page)) {
					expect(ACTIVE_ELEMENTS).not.toContain(tag);
					expect(Object.keys(attributes).filter((a) => /^on|^(?:src|href|xlink:href|action|style)$/i.test(a))).toEqual([]);
				}
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);

	it('makes no external request: no URLs to load, and a policy that forbids them', () => {
		expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`);
		expect(html).not.toMatch(/<[^>]+\s(?:src|href|xlink:href|action)=|url\(|@import|<script|<link|<iframe/i);
	});

	it('names and links the KB articles and FAQs it knows, and only links them', () => {
		const entries = entryDirectory(
			{
				kb: [{ data: { id: 'KB-0007', title: 'Webhook retries <stop> early' } }],
				faq: [
					{
						filePath: 'content/faq/account-access/Reset-Password.mdx',
						data: { question: 'How do I reset my password?', category: 'account-access' },
					},
				],
			},
			'https://help.example/',
		);
		expect([...entries]).toEqual([
			['KB-0007', { title: 'Webhook retries <stop> early', url: 'https://help.example/kb/KB-0007/' }],
			[
				'faq/account-access/reset-password',
				{
					title: 'How do I reset my password?',
					url: 'https://help.example/faq/account-access/reset-password/',
				},
			],
		]);
		const named = renderDeflectionHtml(computeDeflection(log), {
			siteName: 'Caro Help Center',
			generatedAt: '2026-11-23T08:00:00.000Z',
			entries,
		});
		expect(named).toContain(
			'<th scope="row">KB-0007</th><td><a href="https://help.example/kb/KB-0007/">Webhook retries &lt;stop&gt; early</a></td>',
		);
		// The FAQ in the log is not in the content: its id stays, with a dash for the title.
		expect(named).toContain('<th scope="row">faq/reset-password</th><td>–</td>');
		expect(named).toContain('>KB-0007 Webhook retries &lt;stop&gt; early</text>');
		// Links to the site are for the reader to follow; nothing is loaded.
		expect(named.replace(/<a href="https:\/\/help\.example\/[^"]*">/g, '')).not.toMatch(
			/<[^>]+\s(?:src|href|xlink:href|action)=|url\(|@import|<script|<link|<iframe/i,
		);
	});

	it('labels every chart and gives each a table of the same numbers', () => {
		const charts = html.match(/<svg role="img" aria-labelledby="([a-z-]+)-t \1-d"/g) ?? [];
		const titles = [
			'Outcomes of self-service sessions',
			'Deflection funnel',
			'Searches per day',
			'Zero-result rate, click-through and deflection per day',
			'Helpfulness per KB article and FAQ, worst first',
		];
		expect(charts).toHaveLength(titles.length);
		for (const title of titles) expect(html).toContain(`-t">${title}</title>`);
		// Each chart is followed by the table of its numbers.
		for (const caption of [
			'Outcomes of self-service sessions',
			'Deflection funnel',
			'Searches, rates and session outcomes per UTC day',
			'Helpful votes per KB article and FAQ, worst first',
		]) {
			expect(html).toMatch(new RegExp(`</svg>\\s*(?:<ul class="legend">.*</ul>\\s*)?<div class="table"><table><caption>${caption}</caption>`));
		}
		expect(html).toMatch(/<th scope="row">Answered sessions<\/th><td class="num">1<\/td><td class="num">33\.3%<\/td>/);
		expect(html).toMatch(/<th scope="row">Unresolved<\/th><td class="num">1<\/td><td class="num">33\.3%<\/td>/);
		expect(html).toMatch(/<th scope="row">Contacted support<\/th><td class="num">1<\/td><td class="num">33\.3%<\/td>/);
		expect(html).toContain('<dt>Deflection rate</dt><dd>33.3%<small>95% CI 6.1–79.2%</small></dd>');
		expect(html).toMatch(/<th scope="row">KB-0007<\/th><td>–<\/td><td class="num">1<\/td><td class="num">0<\/td><td class="num">100\.0%<\/td>/);
	});

	it('states the definitions', () => {
		expect(html).toContain('An answered session is a self-service session that viewed a KB article or FAQ or clicked a search result');
		expect(html).toContain('Deflection rate = answered sessions / self-service sessions, with its 95% Wilson score interval');
	});

	it('lists the "No" reasons under their entry, escaped', () => {
		expect(html).toContain('<h3>faq/reset-password</h3>\n<ul class="plain"><li><span class="note">2026-11-20</span> Mail me at [email]</li></ul>');
	});

	it('shows where each top query led', () => {
		expect(html).toContain(
			'<th scope="row">webhook retries</th><td class="num">1</td><td class="num">100.0%</td><td>KB-0007 (1)</td><td>100.0% of 1</td><td>0.0% of 1 sessions</td>',
		);
	});

	it('names the period in UTC days', () => {
		expect(describePeriod({ since: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' })).toBe(
			'2026-11-01 to 2026-11-30 (UTC)',
		);
		expect(describePeriod({ since: null, until: null })).toBe('the first event to the last event');
	});
});

describe('--since and --until', () => {
	it('reads a day as the whole UTC day and a date-time as written', () => {
		expect(parseDateBound('2026-11-01', 'start')).toBe(Date.parse('2026-11-01T00:00:00Z'));
		expect(parseDateBound('2026-11-30', 'end')).toBe(Date.parse('2026-12-01T00:00:00Z'));
		expect(parseDateBound('2026-11-01T12:00:00+01:00', 'start')).toBe(Date.parse('2026-11-01T11:00:00Z'));
	});

	it.each(['yesterday', '2026-02-30', '2026-11-01 10:00', '11/01/2026'])('refuses %s', (text) => {
		expect(parseDateBound(text, 'start')).toBeNull();
	});
});

describe('npm run deflection', () => {
	const db = join(dir, 'events.db');
	beforeAll(async () => {
		const store = new SqliteEventStore(db);
		await store.append(log);
		await store.close();
	});
	const deflection = (...args: string[]) =>
		run(process.execPath, ['scripts/deflection.ts', ...args], {
			env: { ...process.env, DATABASE_URL: '', TIERZERO_CONTENT_DIR: '', TIERZERO_SITE: 'https://help.example' },
		});

	it('writes deflection.json, deflection.html and the zero-result queries for ticket mining', async () => {
		const out = join(dir, 'out');
		const queries = join(dir, 'mine', 'queries.csv');
		const { stdout } = await deflection('--db', db, '--out', out, '--queries-out', queries);
		expect(stdout).toContain('9 events, 3 sessions, deflection 33.3% (1/3 self-service answered; 1 unresolved, 1 contacted), 3 searches');
		const json = JSON.parse(readFileSync(join(out, 'deflection.json'), 'utf8'));
		expect(json).toMatchObject({
			sessions: 3,
			selfServiceSessions: 3,
			answeredSessions: 1,
			unresolvedSessions: 1,
			contactedSessions: 1,
			deflectionRate: 1 / 3,
			searches: 3,
			zeroResultRate: 2 / 3,
			clickThroughRate: 1 / 3,
			contactClicks: 1,
			helpful: { 'KB-0007': { yes: 1, no: 0 }, 'faq/reset-password': { yes: 0, no: 1 } },
			topZeroResultQueries: [
				{ query: '<img src=x onerror=alert(1)>', count: 1 },
				{ query: 'sso, saml', count: 1 },
			],
		});
		expect(readFileSync(join(out, 'deflection.html'), 'utf8')).toContain('<h1>Deflection report</h1>');
		expect(readFileSync(queries, 'utf8')).toBe('query,count\n<img src=x onerror=alert(1)>,1\n"sso, saml",1\n');
	});

	it('names the articles from the content tree, content/ unless --content says otherwise', async () => {
		const named = join(dir, 'named');
		await deflection('--db', db, '--out', named);
		expect(readFileSync(join(named, 'deflection.html'), 'utf8')).toContain(
			'<a href="https://help.example/kb/KB-0007/">Error messages are unclear or unhelpful</a>',
		);
		const other = join(dir, 'other');
		await deflection('--db', db, '--out', other, '--content', 'tests/unit/fixtures/content/good');
		expect(readFileSync(join(other, 'deflection.html'), 'utf8')).not.toContain('Error messages are unclear');
	});

	it('limits the report to --since/--until, whole UTC days', async () => {
		const out = join(dir, 'range');
		await deflection('--db', db, '--out', out, '--since', '2026-11-03', '--until', '2026-11-03');
		const json = JSON.parse(readFileSync(join(out, 'deflection.json'), 'utf8'));
		expect(json.range).toEqual({ since: '2026-11-03T00:00:00.000Z', until: '2026-11-04T00:00:00.000Z' });
		expect([json.sessions, json.answeredSessions, json.contactedSessions, json.searches]).toEqual([1, 0, 1, 1]);
	});

	it.each([
		[['--since', 'last week'], 'deflection: --since: must be a date (YYYY-MM-DD) or an ISO-8601 date-time, got "last week"'],
		[['--since', '2026-11-05', '--until', '2026-11-01'], 'deflection: --since must be before --until'],
		[['--db', join(dir, 'missing.db')], `deflection: ${join(dir, 'missing.db')}: no analytics database here; run the collector first or pass --db PATH`],
		[['--db', 'a.db', '--database-url', 'postgres://x@127.0.0.1/x'], 'deflection: give either --db or --database-url, not both'],
		[['--content', join(dir, 'no-content')], `deflection: --content: ${join(dir, 'no-content')}: no such folder`],
	])('refuses %j with a message, the usage and exit code 2', async (args, message) => {
		const error = await deflection(...args).catch((e: { code: number; stderr: string }) => e);
		expect(error).toMatchObject({ code: 2 });
		expect((error as { stderr: string }).stderr.trim().split('\n')).toEqual([message, `usage: ${USAGE}`]);
	});
});

requirePostgresInCi();

describe.skipIf(!testDatabaseUrl)(`npm run deflection on PostgreSQL${skipReason}`, () => {
	it('reports the same figures from PostgreSQL as from SQLite', async () => {
		const schema = await isolatedSchema(testDatabaseUrl ?? '', 'report');
		try {
			const store = await PostgresEventStore.open(schema.url);
			await store.append(log);
			await store.close();
			const out = join(dir, 'pg');
			await run(process.execPath, ['scripts/deflection.ts', '--database-url', schema.url, '--out', out]);
			const { generatedAt: _, ...fromPg } = JSON.parse(readFileSync(join(out, 'deflection.json'), 'utf8'));
			expect(fromPg).toEqual(JSON.parse(JSON.stringify(computeDeflection(log))));
		} finally {
			await schema.drop();
		}
	});
});
