import pg from 'pg';
import type { AnalyticsEvent } from '../../schemas/event.ts';
import { type EventRow, type EventStore, fromRow, GroupCommitter, type TimeRange, toRow } from './store.ts';

/** Default table name; tests use their own so they never touch real data. */
export const DEFAULT_TABLE = 'analytics_events';

// Rows fetched per round trip when the report reads; keeps memory flat on large tables.
const PAGE_SIZE = 5000;

/** A row as pg returns it: EventRow with its id, and `ts` as the Date of a timestamptz column. */
interface PgRow extends Omit<EventRow, 'ts'> {
	id: string;
	ts: Date;
}

/**
 * The connection string with `synchronous_commit=on` added to its startup options (keeping any
 * the URL already has, such as a search_path). A server or database configured for asynchronous
 * commit would let the collector acknowledge events the server can still lose; durability is the
 * collector's promise, so every connection insists on it from its first statement.
 */
export function durableConnectionString(connectionString: string): string {
	const url = new URL(connectionString);
	const options = url.searchParams.get('options');
	url.searchParams.set('options', `${options ? `${options} ` : ''}-c synchronous_commit=on`);
	return url.toString();
}

/**
 * Events in a PostgreSQL table, for teams running several collectors or keeping months of data.
 * Every write is a single `INSERT … SELECT FROM unnest(…)` with `synchronous_commit = on`, so an
 * acknowledged event is on the server's disk; concurrent appends share one statement.
 */
export class PostgresEventStore implements EventStore {
	readonly #pool: pg.Pool;
	readonly #table: string;
	readonly #committer: GroupCommitter;

	private constructor(pool: pg.Pool, table: string) {
		this.#pool = pool;
		this.#table = table;
		this.#committer = new GroupCommitter((groups) => this.#write(groups), { maxInFlight: 3 });
	}

	/**
	 * Connects and creates the table and its indexes if they do not exist yet.
	 * @param connectionString e.g. postgres://user:password@127.0.0.1:5432/tierzero
	 * @param options.table table name (letters, digits, underscores), default analytics_events
	 */
	static async open(
		connectionString: string,
		options: { table?: string } = {},
	): Promise<PostgresEventStore> {
		const table = options.table ?? DEFAULT_TABLE;
		if (!/^[a-z_][a-z0-9_]{0,40}$/.test(table)) {
			throw new Error(`table must be a lower-case SQL name (letters, digits, _), got "${table}"`);
		}
		const pool = new pg.Pool({ connectionString: durableConnectionString(connectionString), max: 4 });
		const client = await pool.connect().catch(async (error: unknown) => {
			await pool.end();
			throw error;
		});
		try {
			await client.query('BEGIN');
			// Two collectors starting together would race on CREATE TABLE IF NOT EXISTS.
			await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tierzero:${table}`]);
			await client.query(`
				CREATE TABLE IF NOT EXISTS ${table} (
					id bigserial PRIMARY KEY,
					received_at timestamptz NOT NULL DEFAULT now(),
					type text NOT NULL,
					session text NOT NULL,
					ts timestamptz NOT NULL,
					path text NOT NULL,
					query text,
					results integer,
					rank integer,
					target text,
					entry_id text,
					helpful boolean,
					reason text,
					source text
				);
				-- Tables created before page views carried a source gain the column.
				ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS source text;
				CREATE INDEX IF NOT EXISTS ${table}_session_ts ON ${table} (session, ts, id);
				CREATE INDEX IF NOT EXISTS ${table}_ts ON ${table} (ts);
			`);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			client.release();
			await pool.end();
			throw error;
		}
		client.release();
		return new PostgresEventStore(pool, table);
	}

	append(events: readonly AnalyticsEvent[]): Promise<void> {
		return this.#committer.append(events);
	}

	async #write(groups: readonly (readonly AnalyticsEvent[])[]): Promise<void> {
		const rows = groups.flat().map(toRow);
		const column = <K extends keyof ReturnType<typeof toRow>>(key: K) => rows.map((r) => r[key]);
		await this.#pool.query(
			`INSERT INTO ${this.#table}
				(type, session, ts, path, query, results, rank, target, entry_id, helpful, reason, source)
			SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[],
				$6::integer[], $7::integer[], $8::text[], $9::text[], $10::boolean[], $11::text[], $12::text[])`,
			[
				column('type'),
				column('session'),
				rows.map((r) => new Date(r.ts).toISOString()),
				column('path'),
				column('query'),
				column('results'),
				column('rank'),
				column('target'),
				column('entry_id'),
				column('helpful'),
				column('reason'),
				column('source'),
			],
		);
	}

	async *read(range: TimeRange = {}): AsyncIterable<AnalyticsEvent> {
		const since = range.since === undefined ? '-infinity' : new Date(range.since).toISOString();
		const until = range.until === undefined ? 'infinity' : new Date(range.until).toISOString();
		// Keyset pagination on the (session, ts, id) index: no cursor to hold open, no OFFSET scans.
		let after: [string, Date, string] | undefined;
		for (;;) {
			const { rows } = await this.#pool.query<PgRow>(
				`SELECT id, type, session, ts, path, query, results, rank, target, entry_id, helpful, reason, source
				FROM ${this.#table}
				WHERE ts >= $1 AND ts < $2 ${after ? 'AND (session, ts, id) > ($4, $5, $6)' : ''}
				ORDER BY session, ts, id LIMIT $3`,
				after ? [since, until, PAGE_SIZE, ...after] : [since, until, PAGE_SIZE],
			);
			for (const row of rows) yield fromRow({ ...row, ts: row.ts.getTime() });
			const last = rows.at(-1);
			if (!last || rows.length < PAGE_SIZE) return;
			after = [last.session, last.ts, last.id];
		}
	}

	async countReceivedBefore(before: number): Promise<number> {
		const { rows } = await this.#pool.query<{ n: string }>(
			`SELECT count(*) AS n FROM ${this.#table} WHERE received_at < $1`,
			[new Date(before)],
		);
		return Number(rows[0]?.n ?? 0);
	}

	async deleteReceivedBefore(before: number): Promise<number> {
		// The rows' space is reclaimed by PostgreSQL's (auto)vacuum, as for any DELETE.
		const { rowCount } = await this.#pool.query(
			`DELETE FROM ${this.#table} WHERE received_at < $1`,
			[new Date(before)],
		);
		return rowCount ?? 0;
	}

	async count(): Promise<number> {
		const { rows } = await this.#pool.query<{ n: string }>(
			`SELECT count(*) AS n FROM ${this.#table}`,
		);
		return Number(rows[0]?.n ?? 0);
	}

	async close(): Promise<void> {
		await this.#committer.drain();
		await this.#pool.end();
	}
}
