/**
 * Volume, response and resolution times of a week's tickets against the priorities policy: per
 * level P0–P3, the median and 90th percentile of the first response and of the resolution, and the
 * share within the level's target. Tickets whose priority cannot be mapped are counted apart.
 */
import { quantile } from '../stats.ts';
import { LEVELS, type Level, type LevelTargets, mapPriority } from './priority.ts';

/** What the review needs of a ticket; the miner's adapters read it from each export. */
export interface TimedTicket {
	id: string;
	/** Creation time, epoch ms; null when the export has none (the ticket cannot be placed in a week). */
	created: number | null;
	/** The priority as the export wrote it, or null. */
	priority: string | null;
	/** Minutes to the first agent reply, or null when there was none (yet) or the export lacks it. */
	firstResponseMinutes: number | null;
	/** Minutes to resolution, or null when unresolved or unknown. */
	resolutionMinutes: number | null;
	/** Whether the ticket is solved or closed; null when the export does not say. */
	resolved: boolean | null;
}

/** One duration measure of one level. */
export interface TimeFigures {
	/** Tickets with this time measured. */
	measured: number;
	median: number | null;
	p90: number | null;
	/** The target in minutes, or null when the policy sets none. */
	target: number | null;
	/** Tickets measured within the target. */
	withinTarget: number;
	/** withinTarget / measured; null without a target or a measured ticket. */
	withinShare: number | null;
}

/** One level's week. */
export interface LevelFigures {
	level: Level;
	tickets: number;
	firstResponse: TimeFigures;
	resolution: TimeFigures;
}

/** A week of tickets. */
export interface TicketWeek {
	/** Tickets created in the week. */
	tickets: number;
	/** Of those, solved or closed by the time of the export. */
	resolved: number;
	/** Of those, how many the export says anything about (resolved known). */
	resolvedKnown: number;
	/** resolved / resolvedKnown; null when the export never says. */
	resolutionRate: number | null;
	/** Median minutes to first response over every ticket of the week with one. */
	medianFirstResponse: number | null;
	levels: LevelFigures[];
	/** Tickets whose priority is missing or not on a P0–P3 scale, by the value the export gave. */
	unmapped: { count: number; values: Record<string, number> };
	/** Tickets without a creation time, which no week can hold (counted once, not per week). */
	undated: number;
}

function times(values: number[], target: number | null): TimeFigures {
	const within = target === null ? 0 : values.filter((v) => v <= target).length;
	return {
		measured: values.length,
		median: quantile(values, 0.5),
		p90: quantile(values, 0.9),
		target,
		withinTarget: within,
		withinShare: target === null || values.length === 0 ? null : within / values.length,
	};
}

/** The figures of the tickets created in `[since, until)`. */
export function ticketWeek(
	tickets: readonly TimedTicket[],
	range: { since: number; until: number },
	targets: Record<Level, LevelTargets>,
): TicketWeek {
	const week = tickets.filter((t) => t.created !== null && t.created >= range.since && t.created < range.until);
	const unmapped = new Map<string, number>();
	const byLevel = new Map<Level, TimedTicket[]>(LEVELS.map((l) => [l, []]));
	for (const t of week) {
		const level = mapPriority(t.priority);
		if (level === null) {
			const key = t.priority === null || t.priority.trim() === '' ? '(none)' : t.priority.trim();
			unmapped.set(key, (unmapped.get(key) ?? 0) + 1);
		} else byLevel.get(level)!.push(t);
	}
	const known = week.filter((t) => t.resolved !== null);
	const resolved = known.filter((t) => t.resolved).length;
	const responses = week.flatMap((t) => (t.firstResponseMinutes === null ? [] : [t.firstResponseMinutes]));
	return {
		tickets: week.length,
		resolved,
		resolvedKnown: known.length,
		resolutionRate: known.length === 0 ? null : resolved / known.length,
		medianFirstResponse: quantile(responses, 0.5),
		levels: LEVELS.map((level) => {
			const list = byLevel.get(level)!;
			const pick = (f: (t: TimedTicket) => number | null) => list.flatMap((t) => { const v = f(t); return v === null ? [] : [v]; });
			return {
				level,
				tickets: list.length,
				firstResponse: times(pick((t) => t.firstResponseMinutes), targets[level].firstResponse.minutes),
				resolution: times(pick((t) => t.resolutionMinutes), targets[level].resolution.minutes),
			};
		}),
		unmapped: {
			count: [...unmapped.values()].reduce((a, b) => a + b, 0),
			values: Object.fromEntries([...unmapped].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20)),
		},
		undated: tickets.filter((t) => t.created === null).length,
	};
}
