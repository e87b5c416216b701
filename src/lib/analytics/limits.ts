import { ID_SOURCE } from '../permalinks.ts';

// Kept apart from src/schemas/event.ts so the browser client can use the limits without pulling
// zod into the page bundle.

/** Most events one `POST /api/events` may carry. */
export const MAX_BATCH_EVENTS = 50;
/** Largest request body the collector reads, in bytes. */
export const MAX_BODY_BYTES = 16 * 1024;
/** Longest stored search query, in characters (after scrubbing). */
export const MAX_QUERY_LENGTH = 200;
/** Longest "No" reason of a helpful vote, in characters. */
export const MAX_REASON_LENGTH = 500;

/** An anonymous session id: 8 to 64 letters, digits, `-` or `_`. */
export const SESSION_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** A KB article id (`KB-0042`) or an FAQ id (`faq/<category>/<slug>`). */
export const ENTRY_ID_PATTERN = new RegExp(`^(?:${ID_SOURCE.kb}|faq/[a-z0-9]+(?:[-/][a-z0-9]+)*)$`);
/** A support channel id from content/policy/channels.yaml (`email`, `support-portal`). */
export const CHANNEL_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A URL path as `location.pathname` gives it: starts with `/`, no spaces, query or fragment. */
export const PATH_PATTERN = /^\/[^\s?#\u0000-\u001f\u007f]*$/;
/** Longest path or target, in characters. */
export const MAX_PATH_LENGTH = 2048;
/** Longest KB article / FAQ id, in characters: a report lists ids, so they cannot be unbounded. */
export const MAX_ID_LENGTH = 200;
/** Longest support channel id, in characters. */
export const MAX_CHANNEL_LENGTH = 64;
/**
 * Largest `results` or `rank`: PostgreSQL's `integer` column, so both stores keep exactly what
 * the schema accepts.
 */
export const MAX_COUNT = 2_147_483_647;
/** Earliest accepted `ts` (1970-01-01T00:00:00Z), epoch milliseconds. */
export const MIN_TS = 0;
/** First instant no longer accepted as a `ts` (10000-01-01T00:00:00Z): day keys stay YYYY-MM-DD. */
export const MAX_TS = Date.UTC(10_000, 0, 1);
/**
 * How far after the collector received it an event's `ts` may lie: a visitor's clock may run
 * fast, but not by more than a day. Later events would land on days that have not happened yet.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
// Control characters have no place in a query or target, and PostgreSQL cannot store NUL at all.
export const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
// A reason comes from a textarea: line breaks and tabs are fine there.
export const NO_CONTROL_EXCEPT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
