import { z } from 'astro/zod';
import {
	CHANNEL_PATTERN,
	ENTRY_ID_PATTERN,
	MAX_BATCH_EVENTS,
	MAX_BODY_BYTES,
	MAX_CHANNEL_LENGTH,
	MAX_CLOCK_SKEW_MS,
	MAX_COUNT,
	MAX_ID_LENGTH,
	MAX_PATH_LENGTH,
	MAX_QUERY_LENGTH,
	MAX_REASON_LENGTH,
	MAX_TS,
	MIN_TS,
	NO_CONTROL,
	NO_CONTROL_EXCEPT_LINES,
	PATH_PATTERN,
	SESSION_PATTERN,
} from '../lib/analytics/limits.ts';

/** Event types the site records, in the order a visitor usually meets them. */
export const EVENT_TYPES = [
	'search',
	'result_click',
	'page_view',
	'helpful_vote',
	'contact_click',
] as const;

export { MAX_BATCH_EVENTS, MAX_BODY_BYTES, MAX_CLOCK_SKEW_MS, MAX_COUNT, MAX_QUERY_LENGTH, MAX_REASON_LENGTH };

// Both stores write text as UTF-8, which has no lone surrogates: node:sqlite and pg would both
// store U+FFFD instead, so the event read back would differ from the one accepted.
const wellFormed = (field: string) =>
	[(text: string) => text.isWellFormed(), { error: `${field} must be valid Unicode text (no lone surrogate)` }] as const;

/** A whole-number field from `min` to MAX_COUNT, the range PostgreSQL's integer column holds. */
const count = (field: string, min: number, what: string) => {
	const range = `${field} must be a whole number from ${min} to ${MAX_COUNT}${what}`;
	return z
		.number({ error: `${field} is required and must be a whole number, ${min} or more` })
		.int({ error: range, abort: true })
		.min(min, { error: range })
		.max(MAX_COUNT, { error: range });
};

/** Fields every event carries, whatever its type. */
const base = {
	/**
	 * Anonymous session id: random, kept in the visitor's sessionStorage and forgotten when the tab
	 * closes. 8 to 64 letters, digits, `-` or `_`; never derived from anything about the person.
	 */
	session: z
		.string({ error: 'session is required and must be text' })
		.regex(SESSION_PATTERN, {
			error: 'session must be 8 to 64 letters, digits, "-" or "_"',
		}),
	/** When the event happened in the browser: ISO-8601 with a time zone, e.g. 2026-11-23T09:30:00.000Z. */
	ts: z
		.iso.datetime({
			offset: true,
			error: 'ts must be an ISO-8601 date and time with a time zone, e.g. 2026-11-23T09:30:00.000Z',
		})
		// Reports key days as YYYY-MM-DD; years outside 1970-9999 would make keys like +010000-01.
		// (A malformed ts is the format check's to report, hence NaN passes here.)
		.refine(
			(ts) => {
				const ms = Date.parse(ts);
				return Number.isNaN(ms) || (ms >= MIN_TS && ms < MAX_TS);
			},
			{ error: 'ts must lie between 1970-01-01 and 9999-12-31 (UTC)' },
		),
	/** URL path of the page the event happened on (no origin, no query string), e.g. /kb/KB-0042/. */
	path: z
		.string({ error: 'path is required and must be text' })
		.max(MAX_PATH_LENGTH, { error: `path must be at most ${MAX_PATH_LENGTH} characters` })
		.regex(PATH_PATTERN, {
			error: 'path must be a URL path starting with "/", without spaces, query string or fragment',
		})
		.refine(...wellFormed('path')),
};

/** A normalized, scrubbed search query (see `normalizeQuery`): 1 to 200 characters. */
const query = z
	.string({ error: 'query is required and must be text' })
	.min(1, { error: 'query must not be empty' })
	.max(MAX_QUERY_LENGTH, { error: `query must be at most ${MAX_QUERY_LENGTH} characters` })
	.regex(NO_CONTROL, { error: 'query must not contain control characters' })
	.refine(...wellFormed('query'));

/** A KB article id (`KB-0042`) or an FAQ id (`faq/<category>/<slug>`). */
const entryId = z
	.string({ error: 'id is required and must be text' })
	.max(MAX_ID_LENGTH, { error: `id must be at most ${MAX_ID_LENGTH} characters` })
	.regex(ENTRY_ID_PATTERN, {
		error: 'id must be a KB ID such as KB-0042 or an FAQ id such as faq/billing/refunds',
	});

/** Builds a strict object schema whose unknown-field message names the fields that are allowed. */
function eventObject<const T extends (typeof EVENT_TYPES)[number], S extends z.core.$ZodLooseShape>(
	type: T,
	shape: S,
) {
	const allowed = ['type', ...Object.keys(base), ...Object.keys(shape)].join(', ');
	return z.strictObject(
		{ type: z.literal(type), ...base, ...shape },
		{
			error: (issue) =>
				issue.code === 'unrecognized_keys'
					? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}: a ${type} event has only ${allowed}`
					: undefined,
		},
	);
}

/** A search settled in the search box (typed and paused, or Enter), whether or not it was clicked. */
export const SearchEventSchema = eventObject('search', {
	/** What the visitor searched for, normalized and scrubbed of e-mail addresses and long numbers. */
	query,
	/** How many results the search showed; 0 marks a content gap. */
	results: count('results', 0, ''),
});

/** The visitor opened one of a search's results. */
export const ResultClickEventSchema = eventObject('result_click', {
	/** The query whose result was clicked, normalized like the search's. */
	query,
	/** Position of the clicked result in the list, 1 for the first. */
	rank: count('rank', 1, ' (1 is the first result)'),
	/** URL path of the clicked result, e.g. /kb/KB-0042/. */
	target: z
		.string({ error: 'target is required and must be the URL path of the clicked result' })
		.min(1, { error: 'target must not be empty' })
		.max(MAX_PATH_LENGTH, { error: `target must be at most ${MAX_PATH_LENGTH} characters` })
		.regex(NO_CONTROL, { error: 'target must not contain control characters' })
		.refine(...wellFormed('target')),
});

/** A KB article or FAQ page was shown. */
export const PageViewEventSchema = eventObject('page_view', {
	/** The KB article or FAQ that was shown. */
	id: entryId,
	/**
	 * `agent` when the visitor arrived through a link a support agent sent (the page URL carried
	 * `?src=agent`); absent for every other arrival.
	 */
	source: z
		.literal('agent', { error: 'source must be "agent" (a link a support agent sent) or left out' })
		.optional(),
});

/** The visitor answered "Was this helpful?" at the end of a KB article or FAQ. */
export const HelpfulVoteEventSchema = eventObject('helpful_vote', {
	/** The KB article or FAQ the vote is about. */
	id: entryId,
	/** true for "Yes", false for "No". */
	helpful: z.boolean({ error: 'helpful is required and must be true (Yes) or false (No)' }),
	/** Optional free-text reason given with a "No", scrubbed of e-mail addresses and long numbers. */
	reason: z
		.string({ error: 'reason must be text' })
		.max(MAX_REASON_LENGTH, { error: `reason must be at most ${MAX_REASON_LENGTH} characters` })
		.regex(NO_CONTROL_EXCEPT_LINES, {
			error: 'reason must not contain control characters other than line breaks and tabs',
		})
		.refine(...wellFormed('reason'))
		.optional(),
});

/** The visitor clicked a "contact support" channel link: the signal that self-service failed. */
export const ContactClickEventSchema = eventObject('contact_click', {
	/** The channel's id from content/policy/channels.yaml, e.g. email or support-portal. */
	target: z
		.string({ error: 'target is required and must be a support channel id such as email' })
		.max(MAX_CHANNEL_LENGTH, { error: `target must be at most ${MAX_CHANNEL_LENGTH} characters` })
		.regex(CHANNEL_PATTERN, {
			error: 'target must be a support channel id of lower-case letters, digits and dashes, e.g. email',
		}),
});

/**
 * One analytics event (format v1). Each type has its own required fields; unknown types and
 * unknown fields are rejected.
 */
export const AnalyticsEventSchema = z.discriminatedUnion(
	'type',
	[
		SearchEventSchema,
		ResultClickEventSchema,
		PageViewEventSchema,
		HelpfulVoteEventSchema,
		ContactClickEventSchema,
	],
	{
		error: (issue) =>
			issue.code === 'invalid_union'
				? `type must be one of: ${EVENT_TYPES.join(', ')}`
				: issue.code === 'invalid_type'
					? 'each event must be a JSON object with a "type" field'
					: undefined,
	},
);

/** A sendBeacon batch: an array of 1 to 50 events. */
export const EventArraySchema = z
	.array(AnalyticsEventSchema, { error: 'a batch must be an array of events' })
	.min(1, { error: 'a batch must hold at least one event' })
	.max(MAX_BATCH_EVENTS, { error: `a batch may hold at most ${MAX_BATCH_EVENTS} events` });

/** A problem found in a request body, with where it is (`events[3].query`). */
export interface EventProblem {
	/** `event` for a single-event body, `events[i]` for a batch, then the field, e.g. `events[3].query`. */
	where: string;
	/** What is allowed, e.g. "query must be at most 200 characters". */
	message: string;
}

/**
 * Validates the body of `POST /api/events`: one event object, or an array of 1 to 50 events.
 * Either every event is valid and all are returned, or none is (a batch with one bad event is
 * rejected whole) and the problems say why. On top of the schema, no `ts` may lie more than
 * {@link MAX_CLOCK_SKEW_MS} (24 hours) after `receivedAt`, the collector's clock.
 */
export function parseEventBatch(
	body: unknown,
	receivedAt: number = Date.now(),
): { ok: true; events: AnalyticsEvent[] } | { ok: false; problems: EventProblem[] } {
	const isBatch = Array.isArray(body);
	const result = isBatch ? EventArraySchema.safeParse(body) : AnalyticsEventSchema.safeParse(body);
	if (result.success) {
		const events = Array.isArray(result.data) ? result.data : [result.data];
		const latest = receivedAt + MAX_CLOCK_SKEW_MS;
		const problems = events.flatMap((event, i) =>
			Date.parse(event.ts) > latest
				? [
						{
							where: isBatch ? `events[${i}].ts` : 'event.ts',
							message: `ts must not be more than 24 hours after the collector received the event (${new Date(receivedAt).toISOString()})`,
						},
					]
				: [],
		);
		return problems.length === 0 ? { ok: true, events } : { ok: false, problems };
	}
	const problems = result.error.issues.map((issue) => {
		const [first, ...rest] = issue.path;
		const head = isBatch
			? typeof first === 'number'
				? `events[${first}]`
				: 'events'
			: first === undefined
				? 'event'
				: `event.${String(first)}`;
		const where = [head, ...rest].map(String).join('.');
		return { where, message: issue.message };
	});
	return { ok: false, problems };
}

export type AnalyticsEvent = z.output<typeof AnalyticsEventSchema>;
export type EventType = AnalyticsEvent['type'];
export type SearchEvent = z.output<typeof SearchEventSchema>;
export type ResultClickEvent = z.output<typeof ResultClickEventSchema>;
export type PageViewEvent = z.output<typeof PageViewEventSchema>;
export type HelpfulVoteEvent = z.output<typeof HelpfulVoteEventSchema>;
export type ContactClickEvent = z.output<typeof ContactClickEventSchema>;
