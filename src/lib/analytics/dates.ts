/**
 * Reads a `--since`/`--until` bound as epoch milliseconds (UTC). A calendar date (YYYY-MM-DD)
 * means that whole UTC day: as a start, its first instant; as an end, the first instant of the
 * next day, so `--until 2026-11-30` includes the 30th. A full ISO-8601 date-time is taken as
 * written (an end is exclusive). Returns null for anything else.
 */
export function parseDateBound(text: string, side: 'start' | 'end'): number | null {
	const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
	if (day) {
		const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
		// Date.UTC rolls 2026-02-30 over into March; refuse it instead.
		if (new Date(ms).toISOString().slice(0, 10) !== text.trim()) return null;
		return side === 'start' ? ms : ms + 86_400_000;
	}
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(text.trim())) {
		return null;
	}
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? null : ms;
}
