import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AnalyticsEvent } from '../../schemas/event.ts';
import { type EventRow, type EventStore, fromRow, GroupCommitter, type TimeRange, toRow } from './store.ts';

/** Default SQLite file, relative to the working directory (`TIERZERO_DB` overrides it). */
export const DEFAULT_DB_PATH = 'data/analytics.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
	id INTEGER PRIMARY KEY,
	received_at INTEGER NOT NULL,
	type TEXT NOT NULL,
	session TEXT NOT NULL,
	ts INTEGER NOT NULL,
	path TEXT NOT NULL,
	query TEXT,
	results INTEGER,
	rank INTEGER,
	target TEXT,
	entry_id TEXT,
	helpful INTEGER,
	reason TEXT,
	source TEXT
);
CREATE INDEX IF NOT EXISTS events_session_ts ON events (session, ts, id);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts);
`;

const COLUMNS = 'type, session, ts, path, query, results, rank, target, entry_id, helpful, reason, source';

interface SqliteRow extends Omit<EventRow, 'helpful'> {
	helpful: number | null;
}

/**
 * Events in one SQLite file through `node:sqlite`. WAL journal with `synchronous=FULL`: a commit
 * is on disk when `append` resolves, so an acknowledged event survives the collector being killed
 * or the machine losing power. Concurrent appends share one transaction (see GroupCommitter).
 */
export class SqliteEventStore implements EventStore {
	readonly #db: DatabaseSync;
	readonly #insert;
	readonly #committer: GroupCommitter;
	readonly #now: () => number;

	/**
	 * Opens (and creates, with its folder) the database file.
	 * @param path file path, or `:memory:` for tests that do not need durability
	 */
	constructor(path: string, options: { now?: () => number } = {}) {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		this.#db = new DatabaseSync(path);
		this.#db.exec('PRAGMA journal_mode = WAL');
		this.#db.exec('PRAGMA synchronous = FULL');
		// The report may read while the collector writes; wait instead of failing on a lock.
		this.#db.exec('PRAGMA busy_timeout = 5000');
		this.#db.exec(SCHEMA);
		// Databases created before page views carried a source gain the column; old rows read as null.
		const columns = this.#db.prepare('PRAGMA table_info(events)').all() as { name: string }[];
		if (!columns.some((c) => c.name === 'source')) this.#db.exec('ALTER TABLE events ADD COLUMN source TEXT');
		this.#insert = this.#db.prepare(
			`INSERT INTO events (received_at, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		);
		this.#now = options.now ?? Date.now;
		this.#committer = new GroupCommitter((groups) => this.#write(groups));
	}

	append(events: readonly AnalyticsEvent[]): Promise<void> {
		return this.#committer.append(events);
	}

	#write(groups: readonly (readonly AnalyticsEvent[])[]): void {
		const receivedAt = this.#now();
		this.#db.exec('BEGIN IMMEDIATE');
		try {
			for (const group of groups) {
				for (const event of group) {
					const r = toRow(event);
					this.#insert.run(
						receivedAt,
						r.type,
						r.session,
						r.ts,
						r.path,
						r.query,
						r.results,
						r.rank,
						r.target,
						r.entry_id,
						r.helpful === null ? null : r.helpful ? 1 : 0,
						r.reason,
						r.source,
					);
				}
			}
			this.#db.exec('COMMIT');
		} catch (error) {
			if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
			throw error;
		}
	}

	async *read(range: TimeRange = {}): AsyncIterable<AnalyticsEvent> {
		const statement = this.#db.prepare(
			`SELECT ${COLUMNS} FROM events WHERE ts >= ? AND ts < ? ORDER BY session, ts, id`,
		);
		const rows = statement.iterate(
			range.since ?? Number.MIN_SAFE_INTEGER,
			range.until ?? Number.MAX_SAFE_INTEGER,
		);
		for (const row of rows as Iterable<SqliteRow>) {
			yield fromRow({ ...row, helpful: row.helpful === null ? null : row.helpful === 1 });
		}
	}

	async count(): Promise<number> {
		const row = this.#db.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
		return row.n;
	}

	async countReceivedBefore(before: number): Promise<number> {
		await this.#committer.drain();
		const row = this.#db
			.prepare('SELECT count(*) AS n FROM events WHERE received_at < ?')
			.get(before) as { n: number };
		return row.n;
	}

	async deleteReceivedBefore(before: number): Promise<number> {
		await this.#committer.drain();
		// Overwrite the deleted rows' bytes, and fold the WAL back into the file, so the deleted
		// events cannot be read back from free pages or old WAL frames.
		this.#db.exec('PRAGMA secure_delete = ON');
		const { changes } = this.#db.prepare('DELETE FROM events WHERE received_at < ?').run(before);
		this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
		return Number(changes);
	}

	async close(): Promise<void> {
		await this.#committer.drain();
		if (this.#db.isOpen) this.#db.close();
	}
}
