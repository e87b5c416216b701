import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../src/lib/analytics/retention.ts';
import { PostgresEventStore } from '../../../src/lib/analytics/store-postgres.ts';
import { SqliteEventStore } from '../../../src/lib/analytics/store-sqlite-fs.ts';
import { at } from './fixtures.ts';
import { isolatedSchema, requirePostgresInCi, skipReason, testDatabaseUrl } from './postgres.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'tierzero-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2026-11-23T12:00:00Z');
const DAY = 86_400_000;

describe('retentionCutoff', () => {
	it('counts --older-than in days back from now, with or without the d', () => {
		expect(retentionCutoff({ olderThan: '90d' }, NOW)).toEqual({ before: NOW - 90 * DAY });
		expect(retentionCutoff({ olderThan: '30' }, NOW)).toEqual({ before: NOW - 30 * DAY });
	});

	it('takes --before as the first instant of that UTC day', () => {
		expect(retentionCutoff({ before: '2026-08-01' }, NOW)).toEqual({
			before: Date.parse('2026-08-01T00:00:00Z'),
		});
	});

	it.each([
		[{}, 'give either --older-than DAYS (e.g. 90d) or --before DATE'],
		[
			{ olderThan: '90d', before: '2026-08-01' },
			'give either --older-than DAYS (e.g. 90d) or --before DATE',
		],
		[
			{ olderThan: '0d' },
			'--older-than: must be a number of days of at least 1, e.g. 90d, got "0d"',
		],
		[
			{ olderThan: '3 months' },
			'--older-than: must be a number of days of at least 1, e.g. 90d, got "3 months"',
		],
		[
			{ olderThan: '200000000d' },
			'--older-than: at most 20780 days (back to 1970-01-01), got "200000000d"',
		],
		[
			{ olderThan: '99999999999999999999' },
			'--older-than: must be a number of days of at least 1, e.g. 90d, got "99999999999999999999"',
		],
		[
			{ before: 'last year' },
			'--before: must be a date (YYYY-MM-DD) or an ISO-8601 date-time, got "last year"',
		],
		[
			{ before: '2027-01-01' },
			'--before: 2027-01-01 is in the future; that would delete everything',
		],
	])('refuses %j', (flags, error) => {
		expect(retentionCutoff(flags, NOW)).toEqual({ error });
	});
});

describe('SQLite retention', () => {
	it('deletes what the collector received before the cut-off, whatever the visitor’s clock said', async () => {
		const path = join(dir, 'events.db');
		let clock = Date.parse('2026-06-01T00:00:00Z');
		const store = new SqliteEventStore(path, { now: () => clock });
		// Received in June, with a visitor clock claiming 2030: still old enough to go.
		await store.append([at('old', 0, '2030-01-01').view('KB-0001'), at('old', 1).search('sso', 0)]);
		clock = Date.parse('2026-11-01T00:00:00Z');
		await store.append([at('new', 0, '2020-01-01').view('KB-0002')]);
		expect(await store.countReceivedBefore(Date.parse('2026-08-01T00:00:00Z'))).toBe(2);
		expect(await store.count()).toBe(3);
		expect(await store.deleteReceivedBefore(Date.parse('2026-08-01T00:00:00Z'))).toBe(2);
		const left = [];
		for await (const event of store.read()) left.push(event.session);
		expect(left).toEqual(['new-session']);
		expect(await store.deleteReceivedBefore(Date.parse('2026-08-01T00:00:00Z'))).toBe(0);
		await store.close();
		// Nothing of the deleted events is left in the file or its WAL.
		const bytes = [path, `${path}-wal`].map((p) => {
			try {
				return readFileSync(p).toString('latin1');
			} catch {
				return '';
			}
		});
		expect(bytes.join('').includes('old-session')).toBe(false);
	});

	const prune = (...args: string[]) =>
		run(process.execPath, ['scripts/prune-events.ts', ...args], {
			env: { ...process.env, DATABASE_URL: '' },
		});

	it('is what npm run prune-events does, saying how many went and how many are kept', async () => {
		const path = join(dir, 'cli.db');
		const store = new SqliteEventStore(path, { now: () => Date.now() - 100 * DAY });
		await store.append([at('a', 0).view('KB-0001'), at('a', 1).view('KB-0002')]);
		await store.close();
		const recent = new SqliteEventStore(path);
		await recent.append([at('b', 0).view('KB-0003')]);
		await recent.close();
		const dry = await prune('--db', path, '--older-than', '90d', '--dry-run');
		expect(dry.stdout).toMatch(
			new RegExp(
				`^sqlite ${path}: would delete 2 events received before [\\dT:.Z-]+; nothing deleted\\n$`,
			),
		);
		const { stdout } = await prune('--db', path, '--older-than', '90d');
		expect(stdout).toMatch(
			new RegExp(
				`^sqlite ${path}: deleted 2 events received before \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z; 1 kept\\n$`,
			),
		);
	});

	it.each([
		[['--db', 'x.db'], 'prune-events: give either --older-than DAYS (e.g. 90d) or --before DATE'],
		[
			['--older-than', '90d', '--db', join(dir, 'missing.db')],
			`prune-events: ${join(dir, 'missing.db')}: no analytics database here; run the collector first or pass --db PATH`,
		],
		[['--older-than', '90d', '--color'], "prune-events: Unknown option '--color'"],
		[['--older-than', '200000000d', '--db', 'x.db'], 'prune-events: --older-than: at most '],
	])('refuses %j with a message and exit code 2', async (args, message) => {
		const error = await prune(...args).catch((e: { code: number; stderr: string }) => e);
		expect(error).toMatchObject({ code: 2 });
		expect((error as { stderr: string }).stderr.trim()).toMatch(
			new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
		);
		expect((error as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
	});
	it('exits 1 without a stack trace for a database it cannot open', async () => {
		const path = join(dir, 'not-a-database.db');
		writeFileSync(path, 'these are not the bytes of an SQLite database\n'.repeat(200));
		const error = await prune('--older-than', '90d', '--db', path).catch(
			(e: { code: number; stderr: string }) => e,
		);
		expect(error).toMatchObject({ code: 1 });
		expect((error as { stderr: string }).stderr).toMatch(new RegExp(`^prune-events: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
		expect((error as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
	});
});

requirePostgresInCi();

describe.skipIf(!testDatabaseUrl)(`PostgreSQL retention${skipReason}`, () => {
	it('deletes what the server received before the cut-off', async () => {
		const schema = await isolatedSchema(testDatabaseUrl ?? '', 'retention');
		try {
			const store = await PostgresEventStore.open(schema.url);
			await store.append([at('a', 0).view('KB-0001'), at('b', 0).view('KB-0002')]);
			// received_at is the server's now(); nothing was received a day from now or before an hour ago.
			expect(await store.deleteReceivedBefore(Date.now() - 3_600_000)).toBe(0);
			expect(await store.count()).toBe(2);
			expect(await store.countReceivedBefore(Date.now() + DAY)).toBe(2);
			expect(await store.count()).toBe(2);
			expect(await store.deleteReceivedBefore(Date.now() + DAY)).toBe(2);
			expect(await store.count()).toBe(0);
			await store.close();
		} finally {
			await schema.drop();
		}
	});
});
