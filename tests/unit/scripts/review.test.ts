import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../../src/lib/analytics/store-sqlite-fs.ts';
import { reviewPeriods, USAGE } from '../../../scripts/lib/review.ts';
import { at } from '../analytics/fixtures.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tierzero-review-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'events.db');

beforeAll(async () => {
	const store = new SqliteEventStore(db);
	await store.append([
		// The week of 2026-11-17: a answered, b unresolved (zero results), c contacted.
		at('a', 0, '2026-11-17').search('webhook retries', 3),
		at('a', 1, '2026-11-17').click('webhook retries', 1, '/kb/KB-0007/'),
		at('b', 0, '2026-11-18').search('raise webhook retry count', 0),
		at('c', 0, '2026-11-19').view('KB-0002'),
		at('c', 1, '2026-11-19').vote('KB-0002', false, 'nothing about proxies'),
		at('c', 2, '2026-11-19').contact('email'),
		// The week before: one answered session.
		at('d', 0, '2026-11-12').view('KB-0007'),
	]);
	await store.close();
});

const review = (...args: string[]) =>
	run(process.execPath, ['scripts/review.ts', ...args], {
		env: { ...process.env, DATABASE_URL: '', TIERZERO_CONTENT_DIR: '' },
	});

describe('npm run review', () => {
	it('writes the week’s review as HTML and Markdown, with the week before beside it', async () => {
		const out = join(dir, 'out');
		const { stdout } = await review(
			'--db', db, '--since', '2026-11-17', '--tickets', 'tests/unit/fixtures/review/zendesk-with-metrics.json', '--out', out,
		);
		expect(stdout).toContain('week 2026-11-17 to 2026-11-23: deflection 33.3% (1/3 self-service answered), 3 tickets (1 without a P0–P3 priority)');
		const md = readFileSync(join(out, 'review.md'), 'utf8');
		const html = readFileSync(join(out, 'review.html'), 'utf8');
		expect(md).toContain('| Answered | 1 | 1 | ±0 |');
		expect(md).toContain('| Deflection rate | 33.3% | 100.0% | −66.7 pp |');
		// Three tickets this week (101–103), one the week before (104); 1 of 3 solved.
		expect(md).toContain('| Tickets created | 3 | 1 | +2 |');
		expect(md).toContain('| Resolution rate | 33.3% | 100.0% | −66.7 pp |');
		// Ticket 103 has no priority: counted apart, not guessed.
		expect(md).toContain('1 tickets have a priority that does not map to P0–P3 and are counted apart, not guessed: (none) 1.');
		// Urgent 101: first reply in 45 min against 1 hour; normal 102: 1,500 min (1 d 1 h) against 24 hours.
		expect(md).toContain('| P0 Critical | 1 (0) | 1 h | 45 min (n/a) | 45 min (n/a) | 100.0% of 1 (n/a) |');
		expect(md).toContain('| P2 Medium | 1 (0) | 1 d | 1 d 1 h (n/a) | 1 d 1 h (n/a) | 0.0% of 1 (n/a) |');
		// Resolution: 101 in 900 min against 24 h; P1's ticket was the week before (3,000 min against 3 days).
		expect(md).toContain('| P1 High | 0 (1) | 3 d | n/a (2 d 2 h) | n/a (2 d 2 h) | n/a of 0 (100.0%) |');
		expect(md).toMatch(/\| Resolution rate \| above 80\.0% \| 33\.3% \| not met \| 100\.0% \|/);
		// The miner puts the failed webhook search with the webhook tickets, which a KB article
		// covers; the one group no entry covers holds ticket 104, so it is what to write next.
		expect(md).toMatch(/\| 1 \| 0 \| – \| 104 \| – \|/);
		expect(md.split('## 3.')[0]).not.toContain('raise webhook retry count');
		expect(html).toContain('<h2 id="times">4. Response and resolution times against the policy</h2>');
		expect(html).toContain('nothing about proxies');
	});

	it('works without ticket exports, saying what is missing', async () => {
		const out = join(dir, 'no-tickets');
		await review('--db', db, '--since', '2026-11-17', '--out', out);
		const md = readFileSync(join(out, 'review.md'), 'utf8');
		expect(md).toContain('No ticket exports were given: no response or resolution times this week.');
		expect(md).toContain('| raise webhook retry count | 0 | 1 |');
	});

	it.each([
		[['--days', '0'], 'review: --days: must be a whole number from 1 to 31, got "0"'],
		[['--since', 'monday'], 'review: --since: must be a date (YYYY-MM-DD), got "monday"'],
		[['--tickets', join(dir, 'missing.json')], `review: --tickets: ${join(dir, 'missing.json')}: no such file`],
	])('refuses %j with a message, the usage and exit code 2', async (args, message) => {
		const error = await review('--db', db, ...args).catch((e: { code: number; stderr: string }) => e);
		expect(error).toMatchObject({ code: 2 });
		expect((error as { stderr: string }).stderr.trim().split('\n')).toEqual([message, `usage: ${USAGE}`]);
	});
});

describe('the review period', () => {
	it('ends with today (UTC) by default, and the week before is the same length', () => {
		const { week, previous } = reviewPeriods({}, new Date('2026-11-23T15:00:00Z'));
		expect(new Date(week.since).toISOString()).toBe('2026-11-17T00:00:00.000Z');
		expect(new Date(week.until).toISOString()).toBe('2026-11-24T00:00:00.000Z');
		expect(new Date(previous.since).toISOString()).toBe('2026-11-10T00:00:00.000Z');
		const three = reviewPeriods({ since: '2026-11-01', days: '3' }, new Date());
		expect([three.week.since, three.week.until, three.previous.since].map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
			'2026-11-01',
			'2026-11-04',
			'2026-10-29',
		]);
	});
});
