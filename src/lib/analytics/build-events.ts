import type {
	ContactClickEvent,
	HelpfulVoteEvent,
	PageViewEvent,
	ResultClickEvent,
	SearchEvent,
} from '../../schemas/event.ts';
import {
	CHANNEL_PATTERN,
	ENTRY_ID_PATTERN,
	MAX_CHANNEL_LENGTH,
	MAX_ID_LENGTH,
	MAX_COUNT,
	MAX_PATH_LENGTH,
	NO_CONTROL,
	PATH_PATTERN,
	SESSION_PATTERN,
} from './limits.ts';
import { normalizeQuery, normalizeReason } from './normalize.ts';
import { AGENT_SOURCE } from '../permalinks.ts';

// The browser builds events from DOM data it does not control (CustomEvent details, data-*
// attributes, odd URLs). One invalid event would make the collector reject its whole batch, so
// each builder returns undefined for anything the schema would refuse, and the event is skipped.
// tests/unit/analytics/build-events.test.ts checks every built event against the zod schema.

/** What every event shares: the tab's session, the time and the page. */
export interface EventBase {
	session: string;
	ts: string;
	path: string;
}

const record = (value: unknown): Record<string, unknown> =>
	typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

const validBase = (base: EventBase) =>
	SESSION_PATTERN.test(base.session) &&
	base.path.length <= MAX_PATH_LENGTH &&
	PATH_PATTERN.test(base.path) &&
	base.path.isWellFormed() &&
	!Number.isNaN(Date.parse(base.ts));

const wholeNumber = (value: unknown, min: number) =>
	typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_COUNT
		? value
		: undefined;

const validId = (id: unknown): id is string =>
	typeof id === 'string' && id.length <= MAX_ID_LENGTH && ENTRY_ID_PATTERN.test(id);

/** A settled search from the search UI's `tierzero:search` detail. */
export function buildSearch(base: EventBase, detail: unknown): SearchEvent | undefined {
	const d = record(detail);
	const query = typeof d.query === 'string' ? normalizeQuery(d.query) : '';
	const results = wholeNumber(d.results, 0);
	if (!validBase(base) || !query || results === undefined) return undefined;
	return { type: 'search', ...base, query, results };
}

/**
 * The URL path of a clicked result: absolute URLs are reduced to their path, and query string
 * and fragment dropped (they can carry what the visitor typed).
 */
export function resultPath(target: string, origin = 'http://localhost'): string | undefined {
	let path: string;
	try {
		path = new URL(target, origin).pathname;
	} catch {
		return undefined;
	}
	return path.length <= MAX_PATH_LENGTH && NO_CONTROL.test(path) && path.isWellFormed() ? path : undefined;
}

/** A result click from the search UI's `tierzero:result-click` detail. */
export function buildResultClick(base: EventBase, detail: unknown): ResultClickEvent | undefined {
	const d = record(detail);
	const query = typeof d.query === 'string' ? normalizeQuery(d.query) : '';
	const rank = wholeNumber(d.rank, 1);
	const target = typeof d.target === 'string' ? resultPath(d.target) : undefined;
	if (!validBase(base) || !query || rank === undefined || !target) return undefined;
	return { type: 'result_click', ...base, query, rank, target };
}

/**
 * Whether the page was opened from a link a support agent sent: its query string carries
 * `src=agent` (the agents' copy buttons add it). Only that one value is read; the rest of the
 * query string never leaves the page.
 */
export function arrivedFromAgent(search: string): boolean {
	return new URLSearchParams(search).getAll(AGENT_SOURCE.param).includes(AGENT_SOURCE.value);
}

/**
 * A page view of the KB article or FAQ named by `<body data-entry-id>`; `fromAgent` marks an
 * arrival through an agent's link (see {@link arrivedFromAgent}).
 */
export function buildPageView(
	base: EventBase,
	id: string | undefined,
	fromAgent = false,
): PageViewEvent | undefined {
	if (!validBase(base) || !validId(id)) return undefined;
	return { type: 'page_view', ...base, id, ...(fromAgent ? { source: 'agent' as const } : {}) };
}

/** A helpful vote from HelpfulVote's `tierzero:helpful-vote` detail; the reason is scrubbed. */
export function buildHelpfulVote(base: EventBase, detail: unknown): HelpfulVoteEvent | undefined {
	const d = record(detail);
	if (!validBase(base) || !validId(d.id)) return undefined;
	if (typeof d.helpful !== 'boolean') return undefined;
	// A reason only belongs to a "No".
	const reason = !d.helpful && typeof d.reason === 'string' ? normalizeReason(d.reason) : undefined;
	return {
		type: 'helpful_vote',
		...base,
		id: d.id,
		helpful: d.helpful,
		...(reason === undefined ? {} : { reason }),
	};
}

/** A click on a link with `data-contact="<channel id>"`. */
export function buildContactClick(base: EventBase, channel: string | undefined): ContactClickEvent | undefined {
	if (!validBase(base) || !channel || channel.length > MAX_CHANNEL_LENGTH || !CHANNEL_PATTERN.test(channel)) {
		return undefined;
	}
	return { type: 'contact_click', ...base, target: channel };
}
