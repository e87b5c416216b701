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
// Control characters have no place in a query or target, and PostgreSQL cannot store NUL at all.
export const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
// A reason comes from a textarea: line breaks and tabs are fine there.
export const NO_CONTROL_EXCEPT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
