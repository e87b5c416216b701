import type { AnalyticsEvent } from '../../schemas/event.ts';
import { csvRecord } from '../escape.ts';
import { ID_SOURCE, compareIds } from '../permalinks.ts';
import { wilsonInterval, wilsonLowerBound } from '../stats.ts';

/** The definitions the report states, word for word as in the README. */
export const DEFINITIONS = {
	session: 'A session is one browser tab\'s anonymous session id (sessionStorage; gone when the tab closes).',
	selfServiceSession: 'A self-service session is a session with at least one search or KB article/FAQ page view.',
	answeredSession:
		'An answered session is a self-service session that viewed a KB article or FAQ or clicked a search result, whose last helpful vote (if it voted) was not "No", and that clicked no "contact support" link.',
	unresolvedSession:
		'An unresolved session is a self-service session that found no answer and did not contact support: it only searched (zero results, or results never clicked), or its last helpful vote was "No".',
	contactedSession:
		'A contacted session is a self-service session that clicked a "contact support" link (contact_click), before or after anything else it did.',
	deflectionRate:
		'Deflection rate = answered sessions / self-service sessions, with its 95% Wilson score interval: the range the true rate lies in with 95% confidence, wide when there are few sessions.',
	zeroResultRate: 'Zero-result rate = searches with 0 results / searches.',
	clickThroughRate:
		'Click-through rate = searches followed by a result click / searches. A search is followed by a click when the same session clicks a result for the same query after it, before searching that query again.',
	abandonedSearch:
		'An abandoned search is a search typed but not followed by a result click; it still counts as a search.',
	helpfulness:
		'Helpfulness per KB article or FAQ = yes / (yes + no), counting each session\'s last vote on that entry, with the 95% Wilson lower bound of that share. Entries that fail readers are ranked by the Wilson lower bound of their "No" share, so one "No" does not outrank many.',
	queryJourney:
		'A query journey follows the sessions that searched a query: its click-through, the result clicked most often, the helpful share of those sessions\' last votes on the entries they clicked for it, and the share of those sessions that contacted support.',
	agentArrival:
		'An agent-sent arrival is a page view of a KB article or FAQ opened from a link a support agent sent (its URL carried ?src=agent).',
	day: 'Days are UTC calendar days of the event\'s time (ts); a session belongs to the day it started.',
} as const;

/** A query and how often it was searched. */
export interface QueryCount {
	query: string;
	count: number;
}

/** A visitor's "No" reason, already normalized and scrubbed by the client. */
export interface NoReason {
	/** UTC day of the vote, YYYY-MM-DD. */
	date: string;
	reason: string;
}

/** Votes on one KB article or FAQ. */
export interface HelpfulCount {
	yes: number;
	no: number;
	/** yes / (yes + no); null without votes. */
	rate: number | null;
	/** 95% Wilson lower bound of `rate`; null without votes. */
	lowerBound: number | null;
	/** 95% Wilson lower bound of the "No" share, no / (yes + no): the key that ranks failing entries. */
	noLowerBound: number | null;
	/** The "No" reasons of the counted votes, newest first, at most {@link REASONS_PER_ENTRY}. */
	reasons: NoReason[];
}

/** How searches of one query went, from the search to the answer or the contact link. */
export interface QueryJourney {
	query: string;
	searches: number;
	/** Sessions that searched the query. */
	sessions: number;
	clickedSearches: number;
	/** clickedSearches / searches. */
	clickThroughRate: number | null;
	/** The result clicked most often for this query (its path, and entry id when it is one), or null. */
	topResult: { target: string; id: string | null; clicks: number } | null;
	/** The sessions' last votes on the entries they clicked for this query. */
	votesAfterClick: { yes: number; no: number };
	/** yes / (yes + no) of votesAfterClick; null without such votes. */
	helpfulShare: number | null;
	/** Sessions that searched the query and contacted support. */
	contactedSessions: number;
	/** contactedSessions / sessions. */
	contactedShare: number | null;
}

/** One UTC day of activity. */
export interface DailyFigures {
	/** YYYY-MM-DD (UTC) */
	date: string;
	searches: number;
	zeroResultSearches: number;
	clickedSearches: number;
	/** Sessions that started this day. */
	sessions: number;
	selfServiceSessions: number;
	answeredSessions: number;
	unresolvedSessions: number;
	contactedSessions: number;
}

/** What `deflection.json` holds. */
export interface DeflectionReport {
	/** Format version of this file: 2 since sessions have outcomes (answered, unresolved, contacted). */
	version: 2;
	/** Reporting period: ISO timestamps, null for an open end; `until` is exclusive. */
	range: { since: string | null; until: string | null };
	definitions: typeof DEFINITIONS;
	/** Events read. */
	events: number;
	sessions: number;
	selfServiceSessions: number;
	/** Self-service sessions with an answer; answered + unresolved + contacted = self-service. */
	answeredSessions: number;
	/** Self-service sessions that found no answer and did not contact support. */
	unresolvedSessions: number;
	/** Self-service sessions that clicked a contact link. */
	contactedSessions: number;
	/** answeredSessions / selfServiceSessions; null when there were no self-service sessions. */
	deflectionRate: number | null;
	/** 95% Wilson score interval of deflectionRate, [low, high]; null with it. */
	deflectionInterval: [number, number] | null;
	searches: number;
	zeroResultSearches: number;
	zeroResultRate: number | null;
	clickedSearches: number;
	clickThroughRate: number | null;
	abandonedSearches: number;
	resultClicks: number;
	pageViews: number;
	/** Page views per KB article / FAQ id. */
	pageViewsById: Record<string, number>;
	/** Page views that arrived through a link an agent sent (`?src=agent`). */
	agentArrivals: number;
	/** Agent-sent arrivals per KB article / FAQ id. */
	agentArrivalsById: Record<string, number>;
	contactClicks: number;
	contactClicksByChannel: Record<string, number>;
	/** Votes per KB article / FAQ id. */
	helpful: Record<string, HelpfulCount>;
	topQueries: QueryCount[];
	topZeroResultQueries: QueryCount[];
	topAbandonedQueries: QueryCount[];
	/** Queries searched in sessions that ended unresolved, with how many such sessions, most first. */
	topUnresolvedQueries: QueryCount[];
	/** The journeys of the top queries, in the order of topQueries. */
	queryJourneys: QueryJourney[];
	/** The zero-result queries with their counts, most frequent first (at most 1,000): the input of ticket mining. */
	zeroResultQueries: QueryCount[];
	/** Per UTC day, oldest first, only days with events, at most the last 366 days. */
	daily: DailyFigures[];
	/** Sessions at each step of the deflection funnel, each step a subset of the one before. */
	funnel: { step: string; sessions: number }[];
	/**
	 * How many items each bounded list left out (see {@link REPORT_LIMITS}); the totals above
	 * still count them. All 0 in an ordinary period.
	 */
	omitted: {
		days: number;
		pageViewIds: number;
		agentArrivalIds: number;
		helpfulIds: number;
		channels: number;
		zeroResultQueries: number;
	};
}

/**
 * What the report lists at most, so its size stays bounded whatever the events hold (anyone can
 * post events: one client sending 10,000 distinct days or ids must not make a 5 MB report).
 * Totals and rates always count everything; only the lists are cut, and `omitted` says by how much.
 */
export const REPORT_LIMITS = {
	/** `daily` covers at most this many days, ending with the last day that has events. */
	days: 366,
	/** `helpful`, `pageViewsById` and `agentArrivalsById` keep the most voted / viewed entries. */
	entries: 200,
	/** `contactClicksByChannel` keeps the most clicked channels. */
	channels: 50,
	/** `zeroResultQueries` (the ticket miner's input) keeps the most frequent queries. */
	zeroResultQueries: 1000,
} as const;

/** How many entries the top-query lists and the journeys keep. */
export const TOP_N = 20;
/** How many "No" reasons each entry keeps, newest first. */
export const REASONS_PER_ENTRY = 10;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const day = (ts: string) => new Date(ts).toISOString().slice(0, 10);
const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function top(counts: Map<string, number>, n = Infinity): QueryCount[] {
	return [...counts]
		.map(([query, count]) => ({ query, count }))
		.sort((a, b) => b.count - a.count || byText(a.query, b.query))
		.slice(0, n);
}

/**
 * The KB article or FAQ id a result path points at (`/kb/KB-0042/` → `KB-0042`,
 * `/faq/billing/refunds/` → `faq/billing/refunds`), also under a base path; null for other pages.
 */
const KB_RESULT_PATH = new RegExp(`/kb/(${ID_SOURCE.kb})/?$`);

export function entryIdOfPath(path: string): string | null {
	const kb = KB_RESULT_PATH.exec(path);
	if (kb) return kb[1]!;
	const faq = /\/(faq\/[a-z0-9]+(?:[-/][a-z0-9]+)*)\/?$/.exec(path);
	return faq ? faq[1]! : null;
}

/** A session's outcome; see DEFINITIONS. */
export type Outcome = 'answered' | 'unresolved' | 'contacted';

interface Vote {
	helpful: boolean;
	reason: string | undefined;
	ts: number;
}

/** A reason with its exact time, for ordering; the report keeps only the day. */
interface TimedReason {
	ts: number;
	reason: string;
}

interface SessionState {
	id: string;
	startDay: string;
	selfService: boolean;
	contacted: boolean;
	viewed: boolean;
	clicked: boolean;
	/** The session's last vote on any entry, in time order. */
	lastVote: boolean | undefined;
	/** Latest search per query in this session, for attributing result clicks. */
	lastSearch: Map<string, { day: string; clicked: boolean; zero: boolean }>;
	/** Entries clicked per query, for the journeys. */
	clickedFor: Map<string, Set<string>>;
	/** Each entry's last vote in this session. */
	votes: Map<string, Vote>;
	lastTs: number;
}

interface JourneyCounts {
	sessions: number;
	contacted: number;
	clicks: Map<string, number>;
	yes: number;
	no: number;
}

/**
 * Computes the deflection figures from a stream of events that arrives grouped by session and in
 * time order within each session, which is the order `EventStore.read` yields. Memory grows with
 * the number of distinct queries, entries and days, not with the number of events.
 */
export class DeflectionAccumulator {
	#events = 0;
	#sessions = 0;
	#selfService = 0;
	#outcomes = { answered: 0, unresolved: 0, contacted: 0 };
	#answeredAfterClick = 0;
	#searches = 0;
	#zero = 0;
	#clicked = 0;
	#clickedByQuery = new Map<string, number>();
	#resultClicks = 0;
	#pageViews = new Map<string, number>();
	#agentArrivals = new Map<string, number>();
	#contacts = new Map<string, number>();
	#votes = new Map<string, { yes: number; no: number; reasons: TimedReason[] }>();
	#queries = new Map<string, number>();
	#zeroQueries = new Map<string, number>();
	#abandoned = new Map<string, number>();
	#unresolvedQueries = new Map<string, number>();
	#journeys = new Map<string, JourneyCounts>();
	#daily = new Map<string, DailyFigures>();
	#seen = new Set<string>();
	#current: SessionState | undefined;
	readonly #range: { since: string | null; until: string | null };

	constructor(range: { since?: number | undefined; until?: number | undefined } = {}) {
		this.#range = {
			since: range.since === undefined ? null : new Date(range.since).toISOString(),
			until: range.until === undefined ? null : new Date(range.until).toISOString(),
		};
	}

	#dayFigures(date: string): DailyFigures {
		let figures = this.#daily.get(date);
		if (!figures) {
			figures = {
				date,
				searches: 0,
				zeroResultSearches: 0,
				clickedSearches: 0,
				sessions: 0,
				selfServiceSessions: 0,
				answeredSessions: 0,
				unresolvedSessions: 0,
				contactedSessions: 0,
			};
			this.#daily.set(date, figures);
		}
		return figures;
	}

	#journey(query: string): JourneyCounts {
		let journey = this.#journeys.get(query);
		if (!journey) {
			journey = { sessions: 0, contacted: 0, clicks: new Map(), yes: 0, no: 0 };
			this.#journeys.set(query, journey);
		}
		return journey;
	}

	/** Adds one event; throws if the stream is not grouped by session and ordered by time. */
	add(event: AnalyticsEvent): void {
		const ts = Date.parse(event.ts);
		if (this.#current?.id !== event.session) {
			this.#endSession();
			if (this.#seen.has(event.session)) {
				throw new Error(`events of session ${event.session} are not contiguous; sort by session, then time`);
			}
			this.#seen.add(event.session);
			this.#current = {
				id: event.session,
				startDay: day(event.ts),
				selfService: false,
				contacted: false,
				viewed: false,
				clicked: false,
				lastVote: undefined,
				lastSearch: new Map(),
				clickedFor: new Map(),
				votes: new Map(),
				lastTs: ts,
			};
		}
		const s = this.#current;
		if (!s) return;
		if (ts < s.lastTs) {
			throw new Error(`events of session ${event.session} are not in time order`);
		}
		s.lastTs = ts;
		this.#events++;
		switch (event.type) {
			case 'search': {
				s.selfService = true;
				this.#searches++;
				bump(this.#queries, event.query);
				const figures = this.#dayFigures(day(event.ts));
				figures.searches++;
				const zero = event.results === 0;
				if (zero) {
					this.#zero++;
					figures.zeroResultSearches++;
					bump(this.#zeroQueries, event.query);
				}
				// A repeated search of the same query replaces the earlier one as the click target;
				// the earlier one, if unclicked, stays abandoned.
				const earlier = s.lastSearch.get(event.query);
				if (earlier && !earlier.clicked) bump(this.#abandoned, event.query);
				s.lastSearch.set(event.query, { day: day(event.ts), clicked: false, zero });
				break;
			}
			case 'result_click': {
				this.#resultClicks++;
				s.clicked = true;
				const search = s.lastSearch.get(event.query);
				if (search && !search.clicked) {
					search.clicked = true;
					this.#clicked++;
					bump(this.#clickedByQuery, event.query);
					this.#dayFigures(search.day).clickedSearches++;
				}
				bump(this.#journey(event.query).clicks, event.target);
				const targets = s.clickedFor.get(event.query) ?? new Set<string>();
				targets.add(event.target);
				s.clickedFor.set(event.query, targets);
				break;
			}
			case 'page_view':
				s.selfService = true;
				s.viewed = true;
				bump(this.#pageViews, event.id);
				if (event.source === 'agent') bump(this.#agentArrivals, event.id);
				break;
			case 'helpful_vote':
				s.votes.set(event.id, { helpful: event.helpful, reason: event.reason, ts });
				s.lastVote = event.helpful;
				break;
			case 'contact_click':
				s.contacted = true;
				bump(this.#contacts, event.target);
				break;
		}
	}

	#endSession(): void {
		const s = this.#current;
		if (!s) return;
		this.#current = undefined;
		this.#sessions++;
		const figures = this.#dayFigures(s.startDay);
		figures.sessions++;
		for (const [query, search] of s.lastSearch) {
			if (!search.clicked) bump(this.#abandoned, query);
		}
		for (const [id, vote] of s.votes) {
			const votes = this.#votes.get(id) ?? { yes: 0, no: 0, reasons: [] };
			if (vote.helpful) votes.yes++;
			else {
				votes.no++;
				if (vote.reason) keepNewest(votes.reasons, { ts: vote.ts, reason: vote.reason });
			}
			this.#votes.set(id, votes);
		}
		const outcome = sessionOutcome(s);
		for (const query of s.lastSearch.keys()) {
			const journey = this.#journey(query);
			journey.sessions++;
			if (outcome === 'contacted') journey.contacted++;
			if (outcome === 'unresolved') bump(this.#unresolvedQueries, query);
			for (const target of s.clickedFor.get(query) ?? []) {
				const id = entryIdOfPath(target);
				const vote = id === null ? undefined : s.votes.get(id);
				if (vote?.helpful === true) journey.yes++;
				else if (vote?.helpful === false) journey.no++;
			}
		}
		if (outcome === null) return;
		this.#selfService++;
		figures.selfServiceSessions++;
		this.#outcomes[outcome]++;
		figures[`${outcome}Sessions`]++;
		if (outcome === 'answered' && s.clicked) this.#answeredAfterClick++;
	}

	/** Closes the last session and returns the figures. */
	finish(): DeflectionReport {
		this.#endSession();
		const voted = [...this.#votes]
			.sort(([a, x], [b, y]) => y.yes + y.no - (x.yes + x.no) || byText(a, b))
			.slice(0, REPORT_LIMITS.entries);
		const helpful: Record<string, HelpfulCount> = {};
		for (const [id, { yes, no, reasons }] of voted.sort(([a], [b]) => compareIds(a, b))) {
			helpful[id] = {
				yes,
				no,
				rate: ratio(yes, yes + no),
				lowerBound: wilsonLowerBound(yes, yes + no),
				noLowerBound: wilsonLowerBound(no, yes + no),
				reasons: reasons.map((r) => ({ date: new Date(r.ts).toISOString().slice(0, 10), reason: r.reason })),
			};
		}
		// The most counted keys (plus `also`, where counted), sorted by key: entry ids as
		// people count (KB-10000 after KB-9999), which for channel ids is text order.
		const boundedRecord = (map: Map<string, number>, n: number, also: Iterable<string> = []) => {
			const keep = new Set(top(map, n).map((q) => q.query));
			for (const key of also) if (map.has(key)) keep.add(key);
			return Object.fromEntries([...map].filter(([key]) => keep.has(key)).sort(([a], [b]) => compareIds(a, b)));
		};
		const votedIds = voted.map(([id]) => id);
		const pageViewsById = boundedRecord(this.#pageViews, REPORT_LIMITS.entries, votedIds);
		const agentArrivalsById = boundedRecord(this.#agentArrivals, REPORT_LIMITS.entries);
		const contactClicksByChannel = boundedRecord(this.#contacts, REPORT_LIMITS.channels);
		const allDays = [...this.#daily.values()].sort((a, b) => byText(a.date, b.date));
		const lastDay = allDays.at(-1)?.date;
		const firstDay =
			lastDay === undefined
				? ''
				: new Date(Date.parse(lastDay) - (REPORT_LIMITS.days - 1) * 86_400_000).toISOString().slice(0, 10);
		const daily = allDays.filter((d) => d.date >= firstDay);
		const zeroResultQueries = top(this.#zeroQueries, REPORT_LIMITS.zeroResultQueries);
		const abandonedSearches = this.#searches - this.#clicked;
		const topQueries = top(this.#queries, TOP_N);
		const { answered, unresolved, contacted } = this.#outcomes;
		return {
			version: 2,
			range: this.#range,
			definitions: DEFINITIONS,
			events: this.#events,
			sessions: this.#sessions,
			selfServiceSessions: this.#selfService,
			answeredSessions: answered,
			unresolvedSessions: unresolved,
			contactedSessions: contacted,
			deflectionRate: ratio(answered, this.#selfService),
			deflectionInterval: wilsonInterval(answered, this.#selfService),
			searches: this.#searches,
			zeroResultSearches: this.#zero,
			zeroResultRate: ratio(this.#zero, this.#searches),
			clickedSearches: this.#clicked,
			clickThroughRate: ratio(this.#clicked, this.#searches),
			abandonedSearches,
			resultClicks: this.#resultClicks,
			pageViews: [...this.#pageViews.values()].reduce((a, b) => a + b, 0),
			pageViewsById,
			agentArrivals: [...this.#agentArrivals.values()].reduce((a, b) => a + b, 0),
			agentArrivalsById,
			contactClicks: [...this.#contacts.values()].reduce((a, b) => a + b, 0),
			contactClicksByChannel,
			helpful,
			topQueries,
			topZeroResultQueries: top(this.#zeroQueries, TOP_N),
			topAbandonedQueries: top(this.#abandoned, TOP_N),
			topUnresolvedQueries: top(this.#unresolvedQueries, TOP_N),
			queryJourneys: topQueries.map(({ query, count }) => this.#journeyOf(query, count)),
			zeroResultQueries,
			daily,
			funnel: [
				{ step: 'All sessions', sessions: this.#sessions },
				{ step: 'Self-service sessions', sessions: this.#selfService },
				{ step: 'Answered sessions', sessions: answered },
				{ step: 'Answered, after clicking a search result', sessions: this.#answeredAfterClick },
			],
			omitted: {
				days: allDays.length - daily.length,
				pageViewIds: this.#pageViews.size - Object.keys(pageViewsById).length,
				agentArrivalIds: this.#agentArrivals.size - Object.keys(agentArrivalsById).length,
				helpfulIds: this.#votes.size - voted.length,
				channels: this.#contacts.size - Object.keys(contactClicksByChannel).length,
				zeroResultQueries: this.#zeroQueries.size - zeroResultQueries.length,
			},
		};
	}

	#journeyOf(query: string, searches: number): QueryJourney {
		const j = this.#journey(query);
		const clicked = this.#clickedByQuery.get(query) ?? 0;
		const best = top(j.clicks, 1)[0];
		return {
			query,
			searches,
			sessions: j.sessions,
			clickedSearches: clicked,
			clickThroughRate: ratio(clicked, searches),
			topResult: best ? { target: best.query, id: entryIdOfPath(best.query), clicks: best.count } : null,
			votesAfterClick: { yes: j.yes, no: j.no },
			helpfulShare: ratio(j.yes, j.yes + j.no),
			contactedSessions: j.contacted,
			contactedShare: ratio(j.contacted, j.sessions),
		};
	}
}

/** An entry's votes with its id, as {@link rankFailing} lists them. */
export interface RankedEntry extends HelpfulCount {
	id: string;
}

/**
 * The voted entries worst first: by the Wilson lower bound of their "No" share (how sure it is
 * that the entry fails readers), then by more "No" votes, then by id. One "No" out of one vote has
 * a lower bound of 21%, so six "No" out of ten (31%) rank above it.
 */
export function rankFailing(helpful: Record<string, HelpfulCount>): RankedEntry[] {
	return Object.entries(helpful)
		.map(([id, counts]) => ({ id, ...counts }))
		.filter((e) => e.yes + e.no > 0)
		.sort((a, b) => (b.noLowerBound ?? 0) - (a.noLowerBound ?? 0) || b.no - a.no || compareIds(a.id, b.id));
}

/** Keeps the newest reasons, newest first, at most REASONS_PER_ENTRY. */
function keepNewest(reasons: TimedReason[], reason: TimedReason): void {
	let i = reasons.findIndex((r) => r.ts < reason.ts);
	if (i < 0) i = reasons.length;
	if (i >= REASONS_PER_ENTRY) return;
	reasons.splice(i, 0, reason);
	if (reasons.length > REASONS_PER_ENTRY) reasons.pop();
}

/**
 * The outcome of one session by the definitions; null for a session that is not self-service
 * (it neither searched nor viewed an entry).
 */
function sessionOutcome(s: SessionState): Outcome | null {
	if (!s.selfService) return null;
	if (s.contacted) return 'contacted';
	if ((s.viewed || s.clicked) && s.lastVote !== false) return 'answered';
	return 'unresolved';
}

/**
 * The deflection figures of a list of events in any order (hand-built logs, tests): sorts them by
 * session and time, keeping the given order for ties, then runs {@link DeflectionAccumulator}.
 */
export function computeDeflection(
	events: readonly AnalyticsEvent[],
	range: { since?: number; until?: number } = {},
): DeflectionReport {
	const sorted = events
		.map((event, index) => ({ event, index, ts: Date.parse(event.ts) }))
		.sort(
			(a, b) =>
				(a.event.session < b.event.session ? -1 : a.event.session > b.event.session ? 1 : 0) ||
				a.ts - b.ts ||
				a.index - b.index,
		);
	const accumulator = new DeflectionAccumulator(range);
	for (const { event } of sorted) accumulator.add(event);
	return accumulator.finish();
}

/**
 * The zero-result queries as the CSV that `npm run mine -- --queries` reads: a `query,count`
 * header, then one line per query, most frequent first, each cell through csvRecord.
 */
export function zeroResultQueriesCsv(report: DeflectionReport): string {
	return csvRecord(['query', 'count']) + report.zeroResultQueries.map((q) => csvRecord([q.query, q.count])).join('');
}
