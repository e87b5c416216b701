import type { AnalyticsEvent } from '../../schemas/event.ts';
import { csvRecord } from '../escape.ts';

/** The definitions the report states, word for word as in the README. */
export const DEFINITIONS = {
	session: 'A session is one browser tab\'s anonymous session id (sessionStorage; gone when the tab closes).',
	selfServiceSession: 'A self-service session is a session with at least one search or KB article/FAQ page view.',
	deflectedSession: 'A deflected session is a self-service session with no contact_click (no "contact support" link clicked).',
	deflectionRate: 'Deflection rate = deflected sessions / self-service sessions.',
	zeroResultRate: 'Zero-result rate = searches with 0 results / searches.',
	clickThroughRate:
		'Click-through rate = searches followed by a result click / searches. A search is followed by a click when the same session clicks a result for the same query after it, before searching that query again.',
	abandonedSearch:
		'An abandoned search is a search typed but not followed by a result click; it still counts as a search.',
	helpfulness:
		'Helpfulness per KB article or FAQ = yes / (yes + no), counting each session\'s last vote on that entry.',
	day: 'Days are UTC calendar days of the event\'s time (ts); a session belongs to the day it started.',
} as const;

/** A query and how often it was searched. */
export interface QueryCount {
	query: string;
	count: number;
}

/** Votes on one KB article or FAQ. */
export interface HelpfulCount {
	yes: number;
	no: number;
	/** yes / (yes + no); null without votes. */
	rate: number | null;
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
	deflectedSessions: number;
}

/** What `deflection.json` holds. */
export interface DeflectionReport {
	/** Format version of this file. */
	version: 1;
	/** Reporting period: ISO timestamps, null for an open end; `until` is exclusive. */
	range: { since: string | null; until: string | null };
	definitions: typeof DEFINITIONS;
	/** Events read. */
	events: number;
	sessions: number;
	selfServiceSessions: number;
	deflectedSessions: number;
	/** Self-service sessions that clicked a contact link anyway. */
	contactedSessions: number;
	/** deflectedSessions / selfServiceSessions; null when there were no self-service sessions. */
	deflectionRate: number | null;
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
	contactClicks: number;
	contactClicksByChannel: Record<string, number>;
	/** Votes per KB article / FAQ id. */
	helpful: Record<string, HelpfulCount>;
	topQueries: QueryCount[];
	topZeroResultQueries: QueryCount[];
	topAbandonedQueries: QueryCount[];
	/** Every zero-result query with its count, most frequent first: the input of ticket mining. */
	zeroResultQueries: QueryCount[];
	/** Per UTC day, oldest first, only days with events. */
	daily: DailyFigures[];
	/** Sessions at each step of the deflection funnel, each step a subset of the one before. */
	funnel: { step: string; sessions: number }[];
}

/** How many entries the top-query lists keep. */
export const TOP_N = 20;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const day = (ts: string) => new Date(ts).toISOString().slice(0, 10);
const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

function top(counts: Map<string, number>, n = Infinity): QueryCount[] {
	return [...counts]
		.map(([query, count]) => ({ query, count }))
		.sort((a, b) => b.count - a.count || (a.query < b.query ? -1 : a.query > b.query ? 1 : 0))
		.slice(0, n);
}

interface SessionState {
	id: string;
	startDay: string;
	selfService: boolean;
	contacted: boolean;
	searched: boolean;
	clicked: boolean;
	/** Latest search per query in this session, for attributing result clicks. */
	lastSearch: Map<string, { day: string; clicked: boolean; zero: boolean }>;
	/** Each entry's last vote in this session. */
	votes: Map<string, boolean>;
	lastTs: number;
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
	#deflected = 0;
	#contacted = 0;
	#searchedSessions = 0;
	#clickedSessions = 0;
	#searches = 0;
	#zero = 0;
	#clicked = 0;
	#resultClicks = 0;
	#pageViews = new Map<string, number>();
	#contacts = new Map<string, number>();
	#votes = new Map<string, { yes: number; no: number }>();
	#queries = new Map<string, number>();
	#zeroQueries = new Map<string, number>();
	#abandoned = new Map<string, number>();
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
				deflectedSessions: 0,
			};
			this.#daily.set(date, figures);
		}
		return figures;
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
				searched: false,
				clicked: false,
				lastSearch: new Map(),
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
				s.searched = true;
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
					this.#dayFigures(search.day).clickedSearches++;
				}
				break;
			}
			case 'page_view':
				s.selfService = true;
				bump(this.#pageViews, event.id);
				break;
			case 'helpful_vote':
				s.votes.set(event.id, event.helpful);
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
		for (const [id, helpful] of s.votes) {
			const votes = this.#votes.get(id) ?? { yes: 0, no: 0 };
			if (helpful) votes.yes++;
			else votes.no++;
			this.#votes.set(id, votes);
		}
		if (s.searched) this.#searchedSessions++;
		if (!s.selfService) return;
		this.#selfService++;
		figures.selfServiceSessions++;
		if (s.contacted) {
			this.#contacted++;
		} else {
			this.#deflected++;
			figures.deflectedSessions++;
			if (s.clicked) this.#clickedSessions++;
		}
	}

	/** Closes the last session and returns the figures. */
	finish(): DeflectionReport {
		this.#endSession();
		const helpful: Record<string, HelpfulCount> = {};
		for (const [id, { yes, no }] of [...this.#votes].sort(([a], [b]) => (a < b ? -1 : 1))) {
			helpful[id] = { yes, no, rate: ratio(yes, yes + no) };
		}
		const sortedRecord = (map: Map<string, number>) =>
			Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1)));
		const abandonedSearches = this.#searches - this.#clicked;
		return {
			version: 1,
			range: this.#range,
			definitions: DEFINITIONS,
			events: this.#events,
			sessions: this.#sessions,
			selfServiceSessions: this.#selfService,
			deflectedSessions: this.#deflected,
			contactedSessions: this.#contacted,
			deflectionRate: ratio(this.#deflected, this.#selfService),
			searches: this.#searches,
			zeroResultSearches: this.#zero,
			zeroResultRate: ratio(this.#zero, this.#searches),
			clickedSearches: this.#clicked,
			clickThroughRate: ratio(this.#clicked, this.#searches),
			abandonedSearches,
			resultClicks: this.#resultClicks,
			pageViews: [...this.#pageViews.values()].reduce((a, b) => a + b, 0),
			pageViewsById: sortedRecord(this.#pageViews),
			contactClicks: [...this.#contacts.values()].reduce((a, b) => a + b, 0),
			contactClicksByChannel: sortedRecord(this.#contacts),
			helpful,
			topQueries: top(this.#queries, TOP_N),
			topZeroResultQueries: top(this.#zeroQueries, TOP_N),
			topAbandonedQueries: top(this.#abandoned, TOP_N),
			zeroResultQueries: top(this.#zeroQueries),
			daily: [...this.#daily.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
			funnel: [
				{ step: 'All sessions', sessions: this.#sessions },
				{ step: 'Self-service sessions', sessions: this.#selfService },
				{ step: 'Deflected sessions', sessions: this.#deflected },
				{ step: 'Deflected, after clicking a search result', sessions: this.#clickedSessions },
			],
		};
	}
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
 * header, then one line per query, most frequent first. Queries are what anonymous visitors typed:
 * each goes through csvCell, so one that starts like a formula is defused for a spreadsheet.
 */
export function zeroResultQueriesCsv(report: DeflectionReport): string {
	return [
		csvRecord(['query', 'count']),
		...report.zeroResultQueries.map((q) => csvRecord([q.query, q.count])),
	].join('');
}
