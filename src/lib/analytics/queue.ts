import type { AnalyticsEvent } from '../../schemas/event.ts';
import { MAX_BATCH_EVENTS, MAX_BODY_BYTES } from './limits.ts';

/**
 * Hands one JSON body to the transport (`navigator.sendBeacon`). Returns false when the browser
 * refused to queue it, so the events stay for the next flush.
 */
export type SendBody = (body: string) => boolean;

/** Options of an {@link EventQueue}. */
export interface EventQueueOptions {
	/** The transport. */
	send: SendBody;
	/** Events per request, and the count at which the queue flushes by itself. Default 20. */
	maxEvents?: number;
	/** Largest request body in bytes. Default: the collector's limit (16 KB). */
	maxBytes?: number;
	/** Most events kept while the transport refuses them; the oldest are dropped. Default 200. */
	maxPending?: number;
}

/**
 * Two settled searches this close together on one page, where one query extends the other, are
 * one search being typed ("web" → "webhook retries"): only the last is kept.
 */
export const REFINEMENT_WINDOW_MS = 10_000;

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text).length;

/**
 * Adds `next` to the pending events, folding it into one that it supersedes:
 * - a search that refines the previous pending search (same session and page, one query a prefix of
 *   the other, within {@link REFINEMENT_WINDOW_MS}) replaces it, so typing counts once;
 * - a helpful vote replaces a pending vote of the same session on the same entry, so "No" followed
 *   by "No, because…" is one vote.
 * Returns a new array; `pending` is not changed.
 */
export function coalesce(pending: readonly AnalyticsEvent[], next: AnalyticsEvent): AnalyticsEvent[] {
	if (next.type === 'search') {
		const last = pending.at(-1);
		if (
			last?.type === 'search' &&
			last.session === next.session &&
			last.path === next.path &&
			(next.query.startsWith(last.query) || last.query.startsWith(next.query)) &&
			Math.abs(Date.parse(next.ts) - Date.parse(last.ts)) <= REFINEMENT_WINDOW_MS
		) {
			return [...pending.slice(0, -1), next];
		}
	}
	if (next.type === 'helpful_vote') {
		return [
			...pending.filter(
				(e) => !(e.type === 'helpful_vote' && e.session === next.session && e.id === next.id),
			),
			next,
		];
	}
	return [...pending, next];
}

/**
 * Splits events into request bodies (JSON arrays) of at most `maxEvents` events and `maxBytes`
 * bytes each, in order. An event too large for any body on its own is dropped: the collector
 * would reject it, and with it the whole batch.
 */
export function toBodies(events: readonly AnalyticsEvent[], maxEvents: number, maxBytes: number) {
	const bodies: { body: string; count: number }[] = [];
	let parts: string[] = [];
	let size = 2; // the brackets
	const close = () => {
		if (parts.length > 0) bodies.push({ body: `[${parts.join(',')}]`, count: parts.length });
		parts = [];
		size = 2;
	};
	for (const event of events) {
		const json = JSON.stringify(event);
		const eventBytes = bytes(json);
		if (eventBytes + 2 > maxBytes) continue;
		const extra = eventBytes + (parts.length > 0 ? 1 : 0);
		if (parts.length >= maxEvents || size + extra > maxBytes) close();
		size += eventBytes + (parts.length > 0 ? 1 : 0);
		parts.push(json);
	}
	close();
	return bodies;
}

/**
 * Collects events and sends them in batches: by itself when `maxEvents` are waiting, and whenever
 * {@link EventQueue.flush} is called (the client calls it when the page is hidden or left, and
 * right after clicks that navigate away). Events the transport refuses stay queued.
 */
export class EventQueue {
	#pending: AnalyticsEvent[] = [];
	readonly #send: SendBody;
	readonly #maxEvents: number;
	readonly #maxBytes: number;
	readonly #maxPending: number;

	constructor(options: EventQueueOptions) {
		this.#send = options.send;
		this.#maxEvents = Math.min(options.maxEvents ?? 20, MAX_BATCH_EVENTS);
		this.#maxBytes = Math.min(options.maxBytes ?? MAX_BODY_BYTES, MAX_BODY_BYTES);
		this.#maxPending = options.maxPending ?? 200;
	}

	/** Events waiting to be sent, oldest first. */
	get pending(): readonly AnalyticsEvent[] {
		return this.#pending;
	}

	/**
	 * Queues an event (see {@link coalesce}) and flushes when a full batch is waiting. An event too
	 * large for a request body is dropped here: the collector would reject its whole batch.
	 */
	push(event: AnalyticsEvent): void {
		if (bytes(JSON.stringify(event)) + 2 > this.#maxBytes) return;
		this.#pending = coalesce(this.#pending, event);
		if (this.#pending.length > this.#maxPending) {
			this.#pending = this.#pending.slice(-this.#maxPending);
		}
		if (this.#pending.length >= this.#maxEvents) this.flush();
	}

	/**
	 * Sends everything pending. Stops at the first body the transport refuses and keeps those
	 * events, so nothing is dropped while the browser's beacon queue is full. Returns how many
	 * events were handed over.
	 */
	flush(): number {
		let sent = 0;
		for (const { body, count } of toBodies(this.#pending, this.#maxEvents, this.#maxBytes)) {
			if (!this.#send(body)) break;
			sent += count;
		}
		this.#pending = this.#pending.slice(sent);
		return sent;
	}
}
