import { describe, expect, it } from 'vitest';
import type { Level, LevelTargets } from '../../../src/lib/review/priority.ts';
import { type TimedTicket, ticketWeek } from '../../../src/lib/review/ticket-times.ts';

const target = (first: number | null, resolution: number | null): LevelTargets => ({
	name: 'x',
	firstResponse: { text: '', minutes: first },
	resolution: { text: '', minutes: resolution },
});
const targets: Record<Level, LevelTargets> = {
	P0: target(60, 1440),
	P1: target(240, 4320),
	P2: target(1440, 10080),
	P3: target(10080, null),
};

const day = Date.parse('2026-11-16T00:00:00Z');
const week = { since: day, until: day + 7 * 86_400_000 };
let n = 0;
const ticket = (priority: string | null, first: number | null, resolution: number | null, resolved: boolean | null, at = day + 3_600_000): TimedTicket => ({
	id: String(++n),
	created: at,
	priority,
	firstResponseMinutes: first,
	resolutionMinutes: resolution,
	resolved,
});

describe('a week of tickets against the policy', () => {
	const tickets = [
		// Three urgent tickets: first responses 30, 90 and 45 minutes; two resolved in 600 and 2000.
		ticket('urgent', 30, 600, true),
		ticket('urgent', 90, 2000, true),
		ticket('urgent', 45, null, false),
		// One normal ticket answered in a day and a half.
		ticket('normal', 2160, null, false),
		// Priorities off the scale, and none: counted, not placed.
		ticket('blocker', 10, 20, true),
		ticket(null, null, null, null),
		// Outside the week (the week before), and without a date.
		ticket('urgent', 5, 5, true, day - 1),
		{ ...ticket('urgent', 5, 5, true), created: null },
	];
	const w = ticketWeek(tickets, week, targets);

	it('counts the week’s tickets, the resolved share, and the unmapped priorities', () => {
		expect(w.tickets).toBe(6);
		// Resolved known for 5 of the 6 (one says nothing): 3 of 5 resolved.
		expect([w.resolved, w.resolvedKnown, w.resolutionRate]).toEqual([3, 5, 0.6]);
		expect(w.unmapped).toEqual({ count: 2, values: { '(none)': 1, blocker: 1 } });
		expect(w.undated).toBe(1);
	});

	it('gives each level the median, 90th percentile and share within target', () => {
		const p0 = w.levels[0]!;
		expect(p0.tickets).toBe(3);
		// Sorted 30, 45, 90: median the 2nd, 90th percentile the 3rd (nearest rank); 2 of 3 ≤ 60.
		expect(p0.firstResponse).toEqual({ measured: 3, median: 45, p90: 90, target: 60, withinTarget: 2, withinShare: 2 / 3 });
		// Resolutions 600 and 2000 against 1440: one within.
		expect(p0.resolution).toEqual({ measured: 2, median: 600, p90: 2000, target: 1440, withinTarget: 1, withinShare: 0.5 });
		const p2 = w.levels[2]!;
		expect(p2.firstResponse).toMatchObject({ measured: 1, median: 2160, withinTarget: 0, withinShare: 0 });
		expect(w.levels[3]).toMatchObject({ tickets: 0, resolution: { target: null, withinShare: null } });
	});

	it('takes the median first response over every ticket with one: 30, 45, 90, 2160, 10 → 45', () => {
		expect(w.medianFirstResponse).toBe(45);
	});
});
