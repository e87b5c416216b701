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
