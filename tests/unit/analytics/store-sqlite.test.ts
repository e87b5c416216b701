import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../../src/lib/analytics/store-sqlite-fs.ts';
import { GroupCommitter } from '../../../src/lib/analytics/store.ts';
import type { AnalyticsEvent } from '../../../src/schemas/event.ts';
import { at } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierzero-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const readAll = async (store: SqliteEventStore, range = {}) => {
	const events: AnalyticsEvent[] = [];
	for await (const event of store.read(range)) events.push(event);
	return events;
};

describe('SQLite event store', () => {
	it('creates its folder, uses WAL with synchronous=FULL, and keeps events across reopening', async () => {
		const path = join(dir, 'nested', 'events.db');
		const events = [
			at('a', 0).search('sso', 2),
			at('a', 1).click('sso', 1, '/kb/KB-0010/'),
			at('a', 2).vote('KB-0010', false, 'missing Okta'),
			at('a', 3).vote('KB-0010', true),
		];
		const store = new SqliteEventStore(path);
		await store.append(events);
		await store.close();

		const raw = new DatabaseSync(path);
		expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
		raw.close();

		const reopened = new SqliteEventStore(path);
		expect(await readAll(reopened)).toEqual(events);
		await reopened.close();
	});

	it('keeps a page view\'s source, and adds the column to a database made before it existed', async () => {
		const path = join(dir, 'old.db');
		const old = new DatabaseSync(path);
		old.exec(`CREATE TABLE events (id INTEGER PRIMARY KEY, received_at INTEGER NOT NULL, type TEXT NOT NULL,
			session TEXT NOT NULL, ts INTEGER NOT NULL, path TEXT NOT NULL, query TEXT, results INTEGER, rank INTEGER,
			target TEXT, entry_id TEXT, helpful INTEGER, reason TEXT)`);
		old.prepare("INSERT INTO events (received_at, type, session, ts, path, entry_id) VALUES (1, 'page_view', 'a-session', ?, '/kb/KB-0001/', 'KB-0001')").run(Date.parse('2026-11-20T10:00:00Z'));
		old.close();
		const store = new SqliteEventStore(path);
		const agent = { ...at('b', 0).view('KB-0002'), source: 'agent' as const };
		await store.append([agent]);
		expect(await readAll(store)).toEqual([at('a', 0).view('KB-0001'), agent]);
		await store.close();
	});

	it('reads a time range grouped by session, in time order, with ts in UTC', async () => {
		const store = new SqliteEventStore(join(dir, 'range.db'));
		await store.append([
			at('b', 5).view('KB-0002'),
			at('a', 3).view('KB-0001'),
			{ ...at('b', 1).view('KB-0003'), ts: '2026-11-20T11:01:00.000+01:00' },
			at('a', -120).view('KB-0004'),
		]);
		const events = await readAll(store, {
			since: Date.parse('2026-11-20T09:00:00Z'),
			until: Date.parse('2026-11-20T10:05:00Z'),
		});
		expect(events.map((e) => [e.session, e.ts])).toEqual([
			['a-session', '2026-11-20T10:03:00.000Z'],
			['b-session', '2026-11-20T10:01:00.000Z'],
		]);
		await store.close();
	});
});

describe('group commit', () => {
	it('writes appends that arrive together in one transaction', async () => {
		const writes: number[] = [];
		const committer = new GroupCommitter((groups) => {
			writes.push(groups.length);
		});
		await Promise.all([1, 2, 3].map((i) => committer.append([at(`g${i}`, 0).view('KB-0001')])));
		expect(writes).toEqual([3]);
	});

	it('overlaps at most maxInFlight transactions, grouping what arrives meanwhile', async () => {
		const run = async (maxInFlight: number) => {
			let running = 0;
			let peak = 0;
			const sizes: number[] = [];
			const committer = new GroupCommitter(
				async (groups) => {
					running++;
					peak = Math.max(peak, running);
					sizes.push(groups.length);
					await new Promise((r) => setTimeout(r, 20));
					running--;
				},
				{ maxInFlight },
			);
			const appends: Promise<void>[] = [];
			for (let i = 0; i < 6; i++) {
				appends.push(committer.append([at(`m${i}`, 0).view('KB-0001')]));
				await new Promise((r) => setTimeout(r, 5));
			}
			await Promise.all(appends);
			await committer.drain();
			return { peak, groups: sizes.reduce((a, b) => a + b, 0) };
		};
		expect(await run(1)).toEqual({ peak: 1, groups: 6 });
		expect((await run(2)).peak).toBe(2);
	});

	it('retries groups one by one after a failed transaction, so one bad group fails alone', async () => {
		const written: string[] = [];
		const committer = new GroupCommitter((groups) => {
			if (groups.flat().some((e) => e.session.startsWith('bad'))) throw new Error('constraint');
			written.push(...groups.flat().map((e) => e.session));
		});
		const results = await Promise.allSettled(
			['ok1', 'bad', 'ok2'].map((s) => committer.append([at(s, 0).view('KB-0001')])),
		);
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(written).toEqual(['ok1-session', 'ok2-session']);
	});
});
