/**
 * The weekly support review as data: this week's figures beside the week before's, from the
 * deflection figures (analytics/metrics.ts), the ticket miner's groups (mine/mine.ts) and the
 * tickets' times against the priorities policy (ticket-times.ts). Pure: the command reads the
 * store, the exports and the content, and renders this with review-report.ts.
 */
import { type DeflectionReport, type QueryCount, type RankedEntry, rankFailing } from '../analytics/metrics.ts';
import type { SuggestionCluster } from '../mine/suggest.ts';
import { compareIds } from '../permalinks.ts';
import type { Level, LevelTargets } from './priority.ts';
import type { TicketWeek } from './ticket-times.ts';

/** Items in "what to write next". */
export const NEXT_ROWS = 10;
/** Entries in "entries that fail readers", each with up to REASONS_SHOWN reasons. */
export const FAILING_ROWS = 10;
export const REASONS_SHOWN = 3;
/** Stale KB articles listed, oldest first, across categories. */
export const STALE_ROWS = 50;

/** The playbooks' targets (seed 000 "Support Metrics"). */
export const PLAYBOOK_TARGETS = {
	/** Deflection rate above 60%. */
	deflection: 0.6,
	/** Median first response under 24 hours. */
	firstResponseMinutes: 24 * 60,
	/** Resolution rate above 80%. */
	resolutionRate: 0.8,
} as const;

/** One suggestion of what to write next, with its evidence. */
export interface NextItem {
	label: string;
	/** Tickets in the mined group (0 for searches alone). */
	tickets: number;
	/** Zero-result searches and unresolved sessions of its queries. */
	searches: number;
	exampleQueries: string[];
	/** The first ticket IDs of the group. */
	ticketIds: string[];
	/** Where `npm run mine` writes its draft FAQ entry, or null when it is too small for one. */
	draft: string | null;
}

/** A KB article not updated for longer than the review's limit. */
export interface StaleEntry {
	id: string;
	title: string;
	category: string;
	/** YYYY-MM-DD */
	updated: string;
	days: number;
}

/** A met / not met verdict on one playbook target. */
export interface TargetCheck {
	name: string;
	target: string;
	value: string;
	/** null when there is nothing to judge (no sessions, no tickets). */
	met: boolean | null;
	before: string;
}

export interface Review {
	siteName: string;
	generatedAt: string;
	/** This week and the week before, as ISO instants; `until` exclusive. */
	week: { since: string; until: string };
	previous: { since: string; until: string };
	deflection: { now: DeflectionReport; before: DeflectionReport };
	/** Null without --tickets. */
	tickets: { now: TicketWeek; before: TicketWeek; files: string[] } | null;
	targets: Record<Level, LevelTargets>;
	/** Whether the ticket miner ran (exports given), so the queries were joined with ticket groups. */
	mined: boolean;
	next: NextItem[];
	failing: RankedEntry[];
	/** Titles of the entries the review names, by id (from the content tree). */
	titles: Record<string, string>;
	staleDays: number;
	stale: StaleEntry[];
	/** Stale KB articles per category, all of them (the list is capped, the counts are not). */
	staleByCategory: Record<string, number>;
	checks: TargetCheck[];
}

/**
 * The queries the help center failed this week, for the miner: every zero-result query and the
 * queries of unresolved sessions, each with the larger of its two counts (a query can be both).
 */
export function queriesToMine(report: DeflectionReport): QueryCount[] {
	const counts = new Map<string, number>();
	for (const q of [...report.zeroResultQueries, ...report.topUnresolvedQueries]) {
		counts.set(q.query, Math.max(counts.get(q.query) ?? 0, q.count));
	}
	return [...counts]
		.map(([query, count]) => ({ query, count }))
		.sort((a, b) => b.count - a.count || (a.query < b.query ? -1 : 1));
}

/**
 * What to write next: the mined groups no KB article or FAQ covers, by tickets plus searches;
 * without mined groups (no exports), the failed queries alone.
 */
export function whatToWriteNext(clusters: readonly SuggestionCluster[] | null, queries: readonly QueryCount[]): NextItem[] {
	if (clusters === null) {
		return queries.slice(0, NEXT_ROWS).map((q) => ({
			label: q.query,
			tickets: 0,
			searches: q.count,
			exampleQueries: [q.query],
			ticketIds: [],
			draft: null,
		}));
	}
	return clusters
		.filter((c) => c.coveredBy === null)
		.map((c, i) => ({ c, i }))
		.sort((a, b) => b.c.size + b.c.searches - (a.c.size + a.c.searches) || a.i - b.i)
		.slice(0, NEXT_ROWS)
		.map(({ c }) => ({
			label: c.label,
			tickets: c.size,
			searches: c.searches,
			exampleQueries: c.queries.slice(0, 3).map((q) => q.text),
			ticketIds: c.ticketIds.slice(0, 5),
			draft: c.draft,
		}));
}

/** KB articles whose `updated` date is more than `days` days before `now`, oldest first. */
export function staleEntries(
	kb: readonly { id: string; title: string; category: string; updated: Date }[],
	now: number,
	days: number,
): { stale: StaleEntry[]; byCategory: Record<string, number> } {
	const all = kb
		.map((e) => ({ ...e, age: Math.floor((now - e.updated.getTime()) / 86_400_000) }))
		.filter((e) => e.age > days)
		.sort((a, b) => b.age - a.age || compareIds(a.id, b.id));
	const byCategory: Record<string, number> = {};
	for (const e of all) byCategory[e.category] = (byCategory[e.category] ?? 0) + 1;
	return {
		stale: all.slice(0, STALE_ROWS).map((e) => ({
			id: e.id,
			title: e.title,
			category: e.category,
			updated: e.updated.toISOString().slice(0, 10),
			days: e.age,
		})),
		byCategory: Object.fromEntries(Object.entries(byCategory).sort(([a], [b]) => (a < b ? -1 : 1))),
	};
}

const pct = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`);
const hours = (minutes: number | null) => (minutes === null ? 'n/a' : `${(minutes / 60).toFixed(1)} h`);

/** The playbooks' three targets, met or not, this week (and the week before's value). */
export function checkTargets(
	deflection: { now: DeflectionReport; before: DeflectionReport },
	tickets: { now: TicketWeek; before: TicketWeek } | null,
): TargetCheck[] {
	const d = deflection.now.deflectionRate;
	const fr = tickets?.now.medianFirstResponse ?? null;
	const rr = tickets?.now.resolutionRate ?? null;
	return [
		{
			name: 'Deflection rate',
			target: `above ${pct(PLAYBOOK_TARGETS.deflection)}`,
			value: pct(d),
			met: d === null ? null : d > PLAYBOOK_TARGETS.deflection,
			before: pct(deflection.before.deflectionRate),
		},
		{
			name: 'First response (median)',
			target: `under ${PLAYBOOK_TARGETS.firstResponseMinutes / 60} h`,
			value: hours(fr),
			met: fr === null ? null : fr < PLAYBOOK_TARGETS.firstResponseMinutes,
			before: hours(tickets?.before.medianFirstResponse ?? null),
		},
		{
			name: 'Resolution rate',
			target: `above ${pct(PLAYBOOK_TARGETS.resolutionRate)}`,
			value: pct(rr),
			met: rr === null ? null : rr > PLAYBOOK_TARGETS.resolutionRate,
			before: pct(tickets?.before.resolutionRate ?? null),
		},
	];
}

/** The entries that fail readers most surely, with their newest reasons. */
export function failingEntries(report: DeflectionReport): RankedEntry[] {
	return rankFailing(report.helpful)
		.filter((e) => e.no > 0)
		.slice(0, FAILING_ROWS)
		.map((e) => ({ ...e, reasons: e.reasons.slice(0, REASONS_SHOWN) }));
}
