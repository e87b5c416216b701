/**
 * How every report writes its numbers, so 0.4567 reads "45.7%" in the deflection report, the
 * mining report and the weekly review alike.
 */

/** 1234 → "1,234". */
export const count = (n: number) => n.toLocaleString('en-US');

/** 0.4567 → "45.7%"; null (nothing measured) → "n/a". */
export const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`);

/** A 95% interval [0.21, 0.79] → "21.0–79.0%"; null → "n/a". */
export const interval = (range: readonly [number, number] | null) =>
	range === null ? 'n/a' : `${(range[0] * 100).toFixed(1)}–${(range[1] * 100).toFixed(1)}%`;

/** A rate with its interval: "66.7% (95% CI 20.8–93.9%)". */
export const percentWithInterval = (rate: number | null, range: readonly [number, number] | null) =>
	rate === null ? 'n/a' : `${percent(rate)} (95% CI ${interval(range)})`;

/**
 * A duration in minutes as a person reads it: "45 min", "3 h 20 min", "2 d 4 h"; null → "n/a".
 * Rounded to the minute; durations of days drop the minutes.
 */
export function duration(minutes: number | null): string {
	if (minutes === null) return 'n/a';
	const m = Math.round(minutes);
	if (m < 60) return `${m} min`;
	if (m < 24 * 60) return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
	const hours = Math.round(m / 60);
	return hours % 24 === 0 ? `${hours / 24} d` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/**
 * A change from the week before: "+3", "−2", "±0" for counts; for rates, percentage points
 * ("+4.2 pp"). Null when either side is unknown.
 */
export function change(now: number | null, before: number | null, kind: 'count' | 'rate'): string | null {
	if (now === null || before === null) return null;
	const diff = kind === 'rate' ? (now - before) * 100 : now - before;
	const text = kind === 'rate' ? Math.abs(diff).toFixed(1) : count(Math.abs(diff));
	const sign = diff > 0 ? '+' : diff < 0 ? '−' : '±';
	return `${sign}${text}${kind === 'rate' ? ' pp' : ''}`;
}

/** "2026-11-01 to 2026-11-30 (UTC)" for whole days, exact instants otherwise. */
export function describePeriod(range: { since: string | null; until: string | null }): string {
	const midnight = (iso: string) => iso.endsWith('T00:00:00.000Z');
	const since = range.since === null ? 'the first event' : midnight(range.since) ? range.since.slice(0, 10) : range.since;
	const until =
		range.until === null
			? 'the last event'
			: midnight(range.until)
				? new Date(Date.parse(range.until) - 1).toISOString().slice(0, 10)
				: `${range.until} (exclusive)`;
	return `${since} to ${until}${[range.since, range.until].some((v) => v !== null) ? ' (UTC)' : ''}`;
}
