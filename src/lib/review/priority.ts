/**
 * Helpdesk priorities onto the help center's P0–P3 (content/policy/priorities.yaml), and the
 * policy's targets as minutes. A priority is mapped only when the helpdesk's scale says what it
 * is: Zendesk, Freshdesk and Chatwoot use urgent / high / normal or medium / low, four levels like
 * P0–P3. Anything else (no priority, a custom one) is left unmapped and counted as such, never
 * guessed.
 */
import type { PrioritiesPolicy } from '../../schemas/policy.ts';

/** The four priority levels, most urgent first. */
export const LEVELS = ['P0', 'P1', 'P2', 'P3'] as const;
export type Level = (typeof LEVELS)[number];

const NAMES: Record<string, Level> = {
	p0: 'P0',
	p1: 'P1',
	p2: 'P2',
	p3: 'P3',
	urgent: 'P0',
	critical: 'P0',
	high: 'P1',
	normal: 'P2',
	medium: 'P2',
	low: 'P3',
};

/** A ticket's priority as the export wrote it (`urgent`, `High`, `P2`) → P0–P3, or null. */
export function mapPriority(raw: string | null): Level | null {
	if (raw === null) return null;
	return NAMES[raw.trim().toLowerCase()] ?? null;
}

const UNITS: Record<string, number> = { minute: 1, hour: 60, day: 24 * 60, 'business day': 24 * 60, week: 7 * 24 * 60 };
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/**
 * The time a target such as "Within 4 hours, publicly" or "Within 1 week, in the next patch
 * release" allows, in minutes; null for one without a time ("Scheduled for a future release").
 * A business day counts as a calendar day: the exports' times are calendar times.
 */
export function targetMinutes(text: string): number | null {
	const match = /\bwithin\s+(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven)\s+(minute|hour|business day|day|week)s?\b/i.exec(text);
	if (!match) return null;
	const n = Number(match[1]) || NUMBERS[match[1]!.toLowerCase()]!;
	return n * UNITS[match[2]!.toLowerCase()]!;
}

/** Per level: the first-response (acknowledgement) and resolution targets, as text and minutes. */
export interface LevelTargets {
	name: string;
	firstResponse: { text: string; minutes: number | null };
	resolution: { text: string; minutes: number | null };
}

/** The targets of each level from the priorities policy. */
export function policyTargets(policy: Omit<PrioritiesPolicy, 'audience'>): Record<Level, LevelTargets> {
	const out = {} as Record<Level, LevelTargets>;
	for (const level of policy.levels) {
		out[level.id] = {
			name: level.name,
			firstResponse: { text: level.acknowledgement, minutes: targetMinutes(level.acknowledgement) },
			resolution: { text: level.resolution, minutes: targetMinutes(level.resolution) },
		};
	}
	return out;
}
