import type { AnalyticsEvent } from '../../schemas/event.ts';

/** A half-open time range `[since, until)` in epoch milliseconds; either end may be open. */
export interface TimeRange {
	since?: number;
	until?: number;
}

/**
 * Where the collector puts events and the report reads them. Two implementations:
 * `store-sqlite-fs.ts` (one file, the default) and `store-postgres.ts` (`DATABASE_URL`).
 */
export interface EventStore {
	/**
	 * Stores the events in one transaction. Resolves only once they are committed durably, so the
	 * collector may acknowledge them; rejects if nothing was stored.
	 */
	append(events: readonly AnalyticsEvent[]): Promise<void>;
	/**
	 * The events whose `ts` lies in the range, grouped by session and in time order (then arrival
	 * order) within a session: the order the deflection metrics consume them in. Streams, so a
	 * large store does not have to fit in memory. `ts` comes back in UTC (`…Z`).
	 */
	read(range?: TimeRange): AsyncIterable<AnalyticsEvent>;
	/** How many events are stored in total. */
	count(): Promise<number>;
	/**
	 * Deletes every event the collector received before `before` (epoch milliseconds, by the
	 * collector's clock, not the visitor's `ts`), for a retention period; resolves to how many.
	 */
	deleteReceivedBefore(before: number): Promise<number>;
	/** How many events {@link deleteReceivedBefore} would delete, deleting nothing. */
	countReceivedBefore(before: number): Promise<number>;
	/** Waits for pending writes, then releases the database. */
	close(): Promise<void>;
}

/** One stored event as a flat row: the shape both SQL tables share. */
export interface EventRow {
	type: string;
	session: string;
	/** epoch milliseconds, from the event's ISO-8601 `ts` */
	ts: number;
	path: string;
	query: string | null;
	results: number | null;
	rank: number | null;
	target: string | null;
	entry_id: string | null;
	helpful: boolean | null;
	reason: string | null;
	/** A page view's `source` (`agent`), else null. */
	source: string | null;
}

/** Flattens an event into the columns the stores write. */
export function toRow(event: AnalyticsEvent): EventRow {
	const row: EventRow = {
		type: event.type,
		session: event.session,
		ts: Date.parse(event.ts),
		path: event.path,
		query: null,
		results: null,
		rank: null,
		target: null,
		entry_id: null,
		helpful: null,
		reason: null,
		source: null,
	};
	switch (event.type) {
		case 'search':
			return { ...row, query: event.query, results: event.results };
		case 'result_click':
			return { ...row, query: event.query, rank: event.rank, target: event.target };
		case 'page_view':
			return { ...row, entry_id: event.id, source: event.source ?? null };
		case 'helpful_vote':
			return { ...row, entry_id: event.id, helpful: event.helpful, reason: event.reason ?? null };
		case 'contact_click':
			return { ...row, target: event.target };
	}
}

/** Rebuilds the event a row was made from, with only the fields its type has. */
export function fromRow(row: EventRow): AnalyticsEvent {
	const base = { session: row.session, ts: new Date(row.ts).toISOString(), path: row.path };
	switch (row.type) {
		case 'search':
			return { type: 'search', ...base, query: row.query ?? '', results: row.results ?? 0 };
		case 'result_click':
			return {
				type: 'result_click',
				...base,
				query: row.query ?? '',
				rank: row.rank ?? 1,
				target: row.target ?? '',
			};
		case 'page_view':
			return {
				type: 'page_view',
				...base,
				id: row.entry_id ?? '',
				...(row.source === 'agent' ? { source: 'agent' as const } : {}),
			};
		case 'helpful_vote':
			return {
				type: 'helpful_vote',
				...base,
				id: row.entry_id ?? '',
				helpful: row.helpful === true,
				...(row.reason === null ? {} : { reason: row.reason }),
			};
		case 'contact_click':
			return { type: 'contact_click', ...base, target: row.target ?? '' };
		default:
			throw new Error(`stored event has unknown type "${row.type}"`);
	}
}

/**
 * Writes several requests' events in one transaction. `write` gets the groups (one per `append`
 * call) and must commit them all or none.
 */
export type GroupWriter = (groups: readonly (readonly AnalyticsEvent[])[]) => Promise<void> | void;

/**
 * Group commit: `append` calls that arrive while a write is scheduled or running are written
 * together in the next transaction, so one durable commit (one fsync) serves many requests.
 * If a combined transaction fails, each group is retried on its own, so a group that cannot be
 * stored fails only its own request.
 */
export class GroupCommitter {
	#queue: { events: readonly AnalyticsEvent[]; resolve: () => void; reject: (e: unknown) => void }[] =
		[];
	#scheduled = false;
	readonly #inFlight = new Set<Promise<void>>();
	readonly #write: GroupWriter;
	readonly #maxInFlight: number;
	readonly #schedule: (run: () => void) => void;

	/**
	 * @param write commits groups in one transaction
	 * @param options.maxInFlight transactions running at once: 1 for SQLite (one writer anyway),
	 *   more for a server database, whose commits of separate connections overlap
	 * @param options.schedule when to start a write; the default (`setImmediate`) lets every
	 *   request already readable on the sockets join the same transaction
	 */
	constructor(
		write: GroupWriter,
		options: { maxInFlight?: number; schedule?: (run: () => void) => void } = {},
	) {
		this.#write = write;
		this.#maxInFlight = options.maxInFlight ?? 1;
		this.#schedule = options.schedule ?? ((run) => setImmediate(run));
	}

	/** Queues the events; resolves when they are committed. */
	append(events: readonly AnalyticsEvent[]): Promise<void> {
		return new Promise((resolve, reject) => {
			this.#queue.push({ events, resolve, reject });
			this.#kick();
		});
	}

	/** Resolves once everything queued so far has been written (or has failed). */
	async drain(): Promise<void> {
		while (this.#scheduled || this.#inFlight.size > 0) {
			await Promise.race([...this.#inFlight, new Promise((r) => setImmediate(r))]);
		}
	}

	#kick(): void {
		if (this.#scheduled || this.#queue.length === 0 || this.#inFlight.size >= this.#maxInFlight) {
			return;
		}
		this.#scheduled = true;
		this.#schedule(() => {
			this.#scheduled = false;
			const flush = this.#flush().finally(() => {
				this.#inFlight.delete(flush);
				this.#kick();
			});
			this.#inFlight.add(flush);
		});
	}

	async #flush(): Promise<void> {
		const batch = this.#queue;
		this.#queue = [];
		if (batch.length === 0) return;
		try {
			await this.#write(batch.map((item) => item.events));
			for (const item of batch) item.resolve();
			return;
		} catch (error) {
			if (batch.length === 1) {
				batch[0]?.reject(error);
				return;
			}
		}
		for (const item of batch) {
			try {
				await this.#write([item.events]);
				item.resolve();
			} catch (error) {
				item.reject(error);
			}
		}
	}
}
