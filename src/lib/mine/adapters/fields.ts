import type { TicketHandling } from '../ticket.ts';

/**
 * Small, forgiving readers for fields of parsed export records. Exports from different tool
 * versions disagree on types (IDs as numbers or strings, tags as strings or objects), so every
 * reader accepts the shapes seen in the wild and returns a plain value or null.
 */

/** A plain object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a dotted path of nested objects, or undefined. */
export function at(v: unknown, path: string): unknown {
	let cur = v;
	for (const key of path.split('.')) {
		if (!isObject(cur)) return undefined;
		cur = cur[key];
	}
	return cur;
}

/** A string field, or '' when absent or null; null when it has another type. */
export function text(v: unknown): string | null {
	if (v === undefined || v === null) return '';
	return typeof v === 'string' ? v : null;
}

/** An ID: a non-empty string or a finite number, as a string; null otherwise. */
export function idOf(v: unknown): string | null {
	if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	if (typeof v === 'string' && v.trim() !== '') return v.trim();
	return null;
}

/** Tags as strings, from `["a"]`, `[{name:"a"}]`, `[{tag:"a"}]` or a comma-separated string. */
export function tagsOf(v: unknown): string[] {
	if (typeof v === 'string')
		return v
			.split(/[,;]/)
			.map((t) => t.trim())
			.filter((t) => t !== '');
	if (!Array.isArray(v)) return [];
	const out: string[] = [];
	for (const t of v) {
		if (typeof t === 'string') out.push(t);
		else if (isObject(t)) {
			const name = t.name ?? t.tag ?? t.title;
			if (typeof name === 'string') out.push(name);
		}
	}
	return out.filter((t) => t.trim() !== '');
}

/** Non-empty strings among the values, for the `personal` list. */
export function strings(...values: unknown[]): string[] {
	return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** `Channel::WebWidget` → `web_widget`, `Feedback Widget` → `feedback_widget`. */
export function channelName(v: unknown): string | null {
	if (typeof v !== 'string' || v.trim() === '') return null;
	return v
		.replace(/^Channel::/, '')
		.replace(/([a-z])([A-Z])/g, '$1_$2')
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_|_$/g, '');
}

/** First instant after the dates a ticket may carry (10000-01-01T00:00:00Z). */
const YEAR_10000 = Date.UTC(10_000, 0, 1);

/**
 * Whether a time from {@link timeOf} is a date a ticket can have: from 1970 through 9999. Others
 * (`created_at: 1e20`, year 0000) would print as `+275760-09-13` or not at all.
 */
export function plausibleTime(t: number): boolean {
	return t >= 0 && t < YEAR_10000;
}

/**
 * Epoch milliseconds from an ISO string, a `YYYY-MM-DD HH:MM:SS` export time (read as UTC, so a
 * run does not depend on the machine's time zone), or unix seconds/milliseconds; null otherwise.
 */
export function timeOf(v: unknown): number | null {
	if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v < 1e12 ? v * 1000 : v;
	if (typeof v !== 'string' || v.trim() === '') return null;
	let s = v.trim();
	if (/^\d{9,13}$/.test(s)) return timeOf(Number(s));
	if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(s))
		s = `${s.replace(' ', 'T')}Z`;
	else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s = `${s}T00:00:00Z`;
	const t = Date.parse(s);
	return Number.isNaN(t) ? null : t;
}

/** Minutes from `from` to `to` (epoch ms), or null when either is missing or `to` comes first. */
export function minutesBetween(from: number | null, to: number | null): number | null {
	if (from === null || to === null || to < from) return null;
	return (to - from) / 60_000;
}

/** A count of minutes as exported (a number, or digits as text), or null. */
export function minutesOf(v: unknown): number | null {
	const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
	return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
}

/**
 * Hours as a spreadsheet export writes them (`2.5`, or `02:30` / `02:30:00` as hours:minutes),
 * in minutes; null for anything else.
 */
export function hoursAsMinutes(v: unknown): number | null {
	if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v * 60 : null;
	if (typeof v !== 'string' || v.trim() === '') return null;
	const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
	if (clock) return Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60;
	const n = Number(v.trim());
	return Number.isFinite(n) && n >= 0 ? n * 60 : null;
}

/**
 * `{ handling }` to spread into a raw ticket, or `{}` when the export said nothing about priority
 * or times, so tickets from exports without them carry no empty record.
 */
export function handlingOf(h: {
	priority: unknown;
	firstResponseMinutes: number | null;
	resolutionMinutes: number | null;
	resolved: boolean | null;
}): { handling?: TicketHandling } {
	const priority =
		typeof h.priority === 'string' && h.priority.trim() !== '' ? h.priority.trim().slice(0, 40) : null;
	if (priority === null && h.firstResponseMinutes === null && h.resolutionMinutes === null && h.resolved === null) {
		return {};
	}
	return { handling: { priority, firstResponseMinutes: h.firstResponseMinutes, resolutionMinutes: h.resolutionMinutes, resolved: h.resolved } };
}
