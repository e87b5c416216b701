import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_PATTERN, ENTRY_ID_PATTERN, SESSION_PATTERN } from '../../../src/lib/analytics/limits.ts';
import { PostgresEventStore } from '../../../src/lib/analytics/store-postgres.ts';
import { SqliteEventStore } from '../../../src/lib/analytics/store-sqlite-fs.ts';
import type { EventStore } from '../../../src/lib/analytics/store.ts';
import { type AnalyticsEvent, parseEventBatch } from '../../../src/schemas/event.ts';
import { isolatedSchema, requirePostgresInCi, skipReason, testDatabaseUrl } from './postgres.ts';

// The schema is the contract of both stores: every event it accepts must be stored and read back
// unchanged by SQLite and by PostgreSQL (no 503 "please retry" for a value one store cannot hold),
// and every event it refuses must be refused with the field named.

// Any UTF-16 code unit, lone surrogates and control characters included.
const anyText = (maxLength: number) =>
	fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength });
const text = (maxLength: number) =>
	fc.oneof(
		{ arbitrary: fc.string({ unit: 'grapheme', maxLength }), weight: 3 },
		{ arbitrary: anyText(maxLength), weight: 1 },
	);
/** Mostly values of the right shape, sometimes anything: both kinds must be handled. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<U>) =>
	fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: other, weight: 1 });

// 10000-01-01T00:00:00Z: years past 9999 are not even ISO-8601 without a sign.
const YEAR_10000 = Date.UTC(10_000, 0, 1);

// Around the edges of every range a store has: 2^31 for integer columns, 2^53 for JS, years 0-10000.
const count = fc.oneof(
	fc.integer({ min: -2, max: 50 }),
	fc.constantFrom(2 ** 31 - 2, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 63, 1e300, -(2 ** 31)),
	fc.double({ noNaN: true }),
);
const ts = fc.oneof(
	fc
		.date({ min: new Date(Date.UTC(0, 0, 1) - 1e10), max: new Date(YEAR_10000 + 1e10), noInvalidDate: true })
		.map((d) => d.toISOString()),
	fc.constantFrom(
		'0000-01-01T00:00:00Z',
		'1969-12-31T23:59:59.999Z',
		'1970-01-01T00:00:00Z',
		'1970-01-01T00:30:00+01:00',
		'9999-12-31T23:59:59.999Z',
		'9999-12-31T23:30:00-01:00',
		'2026-11-23T09:30:00.123456789Z',
	),
);
const base = {
	session: mostly(fc.stringMatching(SESSION_PATTERN), text(70)),
	ts,
	path: mostly(
		fc.stringMatching(/^\/[a-z0-9/-]{0,30}$/),
		fc.oneof(text(30).map((p) => `/${p}`), fc.constant(`/${'p'.repeat(2047)}`), fc.constant(`/${'p'.repeat(2048)}`)),
	),
};
const entryId = mostly(
	fc.stringMatching(ENTRY_ID_PATTERN),
	fc.oneof(fc.constant(`faq/${'a'.repeat(196)}`), fc.constant(`faq/${'a'.repeat(197)}`), text(10)),
);

const candidate = fc.oneof(
	fc.record({ type: fc.constant('search'), ...base, query: text(210), results: count }),
	fc.record({
		type: fc.constant('result_click'),
		...base,
		query: text(210),
		rank: count,
		target: text(40),
	}),
	fc.record(
		{ type: fc.constant('page_view'), ...base, id: entryId, source: mostly(fc.constant('agent'), text(10)) },
		{ requiredKeys: ['type', 'session', 'ts', 'path', 'id'] },
	),
	fc.record(
		{ type: fc.constant('helpful_vote'), ...base, id: entryId, helpful: fc.boolean(), reason: text(510) },
		{ requiredKeys: ['type', 'session', 'ts', 'path', 'id', 'helpful'] },
	),
	fc.record({
		type: fc.constant('contact_click'),
		...base,
		target: mostly(fc.stringMatching(CHANNEL_PATTERN), text(70)),
	}),
);

// Any year up to 9999 is "now" for the test, so only the schema's own ranges decide.
const receivedAt = YEAR_10000;

/** The event as a store gives it back: `ts` in UTC with milliseconds, and -0 stored as 0. */
const asStored = (event: AnalyticsEvent): AnalyticsEvent => {
	const copy: Record<string, unknown> = { ...event, ts: new Date(Date.parse(event.ts)).toISOString() };
	for (const key of ['results', 'rank']) if (Object.is(copy[key], -0)) copy[key] = 0;
	return copy as AnalyticsEvent;
};
// Row order within equal (session, ts) depends on the server's collation; compare as sets.
const canonical = (events: readonly AnalyticsEvent[]) => events.map((e) => JSON.stringify(e)).sort();

async function checkStore(store: EventStore, runs: number): Promise<void> {
	await fc.assert(
		fc.asyncProperty(fc.array(candidate, { minLength: 1, maxLength: 50 }), async (candidates) => {
			const accepted: AnalyticsEvent[] = [];
			for (const body of candidates) {
				const result = parseEventBatch(body, receivedAt);
				if (result.ok) {
					accepted.push(...result.events);
				} else {
					for (const problem of result.problems) {
						expect(problem.where).toMatch(/^event(\.(type|session|ts|path|query|results|rank|target|id|source|helpful|reason))?$/);
					}
				}
			}
			await store.deleteReceivedBefore(Date.now() + 86_400_000);
			if (accepted.length > 0) await store.append(accepted);
			const read: AnalyticsEvent[] = [];
			for await (const event of store.read()) read.push(event);
			expect(canonical(read)).toEqual(canonical(accepted.map(asStored)));
		}),
		{ numRuns: runs },
	);
}

describe('the event schema and the SQLite store accept the same values', () => {
	it('stores every event the schema accepts and reads it back unchanged', async () => {
		const store = new SqliteEventStore(':memory:');
		try {
			await checkStore(store, 300);
		} finally {
			await store.close();
		}
	});
});

requirePostgresInCi();

describe.skipIf(!testDatabaseUrl)(`the event schema and the PostgreSQL store accept the same values${skipReason}`, () => {
	let schema: Awaited<ReturnType<typeof isolatedSchema>>;
	let store: PostgresEventStore;
	beforeAll(async () => {
		schema = await isolatedSchema(testDatabaseUrl ?? '', 'parity');
		store = await PostgresEventStore.open(schema.url);
	});
	afterAll(async () => {
		await store?.close();
		await schema?.drop();
	});

	it('stores every event the schema accepts and reads it back unchanged', async () => {
		await checkStore(store, 150);
	});
});
