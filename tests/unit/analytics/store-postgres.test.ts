import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCollector, startCollector } from '../../../src/lib/analytics/collector.ts';
import { durableConnectionString, PostgresEventStore } from '../../../src/lib/analytics/store-postgres.ts';
import type { AnalyticsEvent } from '../../../src/schemas/event.ts';
import { at } from './fixtures.ts';
import { isolatedSchema, requirePostgresInCi, skipReason, testDatabaseUrl } from './postgres.ts';

requirePostgresInCi();

describe.skipIf(!testDatabaseUrl)(`PostgreSQL event store${skipReason}`, () => {
	let schema: Awaited<ReturnType<typeof isolatedSchema>>;
	let store: PostgresEventStore;
	beforeAll(async () => {
		schema = await isolatedSchema(testDatabaseUrl ?? '', 'store');
		store = await PostgresEventStore.open(schema.url);
	});
	afterAll(async () => {
		await store?.close();
		await schema?.drop();
	});

	const readAll = async (range = {}) => {
		const events: AnalyticsEvent[] = [];
		for await (const event of store.read(range)) events.push(event);
		return events;
	};

	it('stores every event type and reads it back unchanged, grouped by session in time order', async () => {
		const events = [
			at('b', 2).vote('KB-0010', false, 'missing Okta'),
			at('a', 0).search('sso', 2),
			at('a', 1).click('sso', 1, '/kb/KB-0010/'),
			{ ...at('b', 0).view('faq/reset-password'), source: 'agent' as const },
			at('b', 3).vote('faq/reset-password', true),
			at('a', 2).contact('support-portal'),
		];
		await store.append(events);
		expect(await readAll()).toEqual([events[1], events[2], events[5], events[3], events[0], events[4]]);
		expect(await store.count()).toBe(6);
		expect(
			await readAll({ since: Date.parse('2026-11-20T10:01:00Z'), until: Date.parse('2026-11-20T10:02:30Z') }),
		).toEqual([events[2], events[5], events[0]]);
	});

	it('pages through more rows than one round trip fetches', async () => {
		const many = Array.from({ length: 12_000 }, (_, i) => at(`p${String(i % 7)}`, i / 1000).view('KB-0001'));
		for (let i = 0; i < many.length; i += 2000) await store.append(many.slice(i, i + 2000));
		let count = 0;
		let last = '';
		for await (const event of store.read({ since: Date.parse('2026-11-20T10:00:00Z') })) {
			if (event.session.startsWith('p')) {
				expect(`${event.session} ${event.ts}` >= last).toBe(true);
				last = `${event.session} ${event.ts}`;
				count++;
			}
		}
		expect(count).toBe(12_000);
	});

	it('connects with synchronous_commit on even where the database defaults to off', async () => {
		const admin = new pg.Client({ connectionString: schema.url });
		await admin.connect();
		await admin.query('ALTER DATABASE tierzero_test SET synchronous_commit = off');
		try {
			const plain = new pg.Client({ connectionString: schema.url });
			await plain.connect();
			expect((await plain.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('off');
			await plain.end();
			// The store's connections use this string; the search_path option survives next to it.
			const durable = new pg.Client({ connectionString: durableConnectionString(schema.url) });
			await durable.connect();
			expect((await durable.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
			expect((await durable.query('SHOW search_path')).rows[0].search_path).toBe(schema.schema);
			await durable.end();
		} finally {
			await admin.query('ALTER DATABASE tierzero_test RESET synchronous_commit');
			await admin.end();
		}
	});
});

describe.skipIf(!testDatabaseUrl)(`the collector on PostgreSQL${skipReason}`, () => {
	let schema: Awaited<ReturnType<typeof isolatedSchema>>;
	let store: PostgresEventStore;
	let collector: RunningCollector;
	beforeAll(async () => {
		schema = await isolatedSchema(testDatabaseUrl ?? '', 'collector');
		store = await PostgresEventStore.open(schema.url);
		collector = await startCollector({ store, origins: ['localhost'], rateLimitPerMinute: 0, port: 0, host: '127.0.0.1' });
	});
	afterAll(async () => {
		await collector?.close();
		await schema?.drop();
	});

	const post = (body: unknown) =>
		fetch(`${collector.url}/api/events`, {
			method: 'POST',
			headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
			body: JSON.stringify(body),
		});

	it('acknowledges a batch only once it is in the table, and stores nothing of a bad batch', async () => {
		const good = [at('c1', 0).search('webhook', 3), at('c1', 1).contact('email')];
		expect((await post(good)).status).toBe(200);
		expect(await store.count()).toBe(2);
		expect((await post([at('c2', 0).view('KB-0001'), { ...at('c2', 1).view('KB-0002'), id: 'nope' }])).status).toBe(400);
		expect(await store.count()).toBe(2);
	});

	it('answers 400 naming the field, not 503, for values outside what the table holds', async () => {
		const response = await post([
			{ ...at('c3', 0).search('webhook', 3), results: 2 ** 31 },
			{ ...at('c3', 1).view('KB-0001'), ts: '0000-01-01T00:00:00Z' },
		]);
		expect(response.status).toBe(400);
		expect((await response.json()).problems).toEqual([
			{ where: 'events[0].results', message: 'results must be a whole number from 0 to 2147483647' },
			{ where: 'events[1].ts', message: 'ts must lie between 1970-01-01 and 9999-12-31 (UTC)' },
		]);
		expect(await store.count()).toBe(2);
	});

	it('stores concurrent requests, grouped into shared statements, without losing one', async () => {
		const responses = await Promise.all(
			Array.from({ length: 40 }, (_, i) => post([at(`conc${i}`, 0).view('KB-0001'), at(`conc${i}`, 1).vote('KB-0001', true)])),
		);
		expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
		expect(await store.count()).toBe(2 + 80);
	});
});
