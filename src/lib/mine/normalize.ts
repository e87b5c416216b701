/**
 * From what an adapter read to the compact ticket that is kept: every message cleaned, the subject
 * stripped of reply prefixes, personal data and secrets redacted, the text capped.
 */
import { capText, cleanMessage, cleanSubject } from './clean.ts';
import { redact, replaceWholeWords } from './redact.ts';
import type { RawTicket, Ticket } from './ticket.ts';

/** Kept text per ticket, in characters: enough for the question and its context. */
export const TEXT_LIMIT = 2000;
const SUBJECT_LIMIT = 300;
const MAX_TAGS = 20;
const NO_TAGS: readonly string[] = Object.freeze([]);

/**
 * Shares one string per distinct tag or channel across tickets. A million tickets repeat a few
 * hundred labels, and each parsed record would otherwise hold its own copy. The table is bounded so
 * free-text "tags" cannot grow it without limit.
 */
export class Interner {
	private readonly table = new Map<string, string>();
	private readonly lists = new Map<string, readonly string[]>();

	get(s: string): string {
		const known = this.table.get(s);
		if (known !== undefined) return known;
		if (this.table.size < 50_000) this.table.set(s, s);
		return s;
	}

	private readonly clean = new Map<string, boolean>();

	/**
	 * Whether a short label (tag, channel) is free of personal data and secrets. Labels repeat,
	 * so the verdict is remembered; the ticket's own personal words are checked every time.
	 */
	isClean(label: string, personal: readonly string[]): boolean {
		let verdict = this.clean.get(label);
		if (verdict === undefined) {
			verdict = redact(label) === label;
			if (this.clean.size < 50_000) this.clean.set(label, verdict);
		}
		return (
			verdict && (personal.length === 0 || replaceWholeWords(label, personal, () => '') === label)
		);
	}

	/** One shared, frozen array per distinct tag list. */
	list(items: readonly string[]): readonly string[] {
		if (items.length === 0) return NO_TAGS;
		const key = items.join('\u0000');
		const known = this.lists.get(key);
		if (known !== undefined) return known;
		const list = Object.freeze(items.map((t) => this.get(t)));
		if (this.lists.size < 50_000) this.lists.set(key, list);
		return list;
	}
}

/**
 * The words of personal values that can appear alone: "Anneliese Vogt" as a requester name also
 * hides "Anneliese". E-mail addresses and phone numbers stay whole.
 */
function personalWords(values: readonly string[]): string[] {
	const out: string[] = [];
	for (const v of values) {
		const value = v.trim();
		if (value === '') continue;
		out.push(value);
		if (/[\d@]/.test(value)) continue;
		for (const w of value.split(/[\s,]+/)) if (w.length >= 2 && w !== value) out.push(w);
	}
	return out;
}

/**
 * The ticket to keep, or null when nothing of the customer's words is left (a greeting alone, an
 * empty form).
 */
export function normalizeTicket(raw: RawTicket, interner = new Interner()): Ticket | null {
	const personal: string[] = [...raw.personal];
	const bodies: string[] = [];
	let length = 0;
	for (const message of raw.messages) {
		// Long conversations: the first messages hold the question.
		if (length > TEXT_LIMIT * 2) break;
		const cleaned = cleanMessage(message, raw.html === undefined ? {} : { html: raw.html });
		personal.push(...cleaned.names);
		if (cleaned.text !== '') {
			bodies.push(cleaned.text);
			length += cleaned.text.length;
		}
	}
	const words = personalWords(personal);
	const subject = capText(
		redact(cleanSubject(capText(raw.subject, SUBJECT_LIMIT * 2)), words),
		SUBJECT_LIMIT,
	);
	const body = redact(capText(bodies.join(' '), TEXT_LIMIT * 2), words);
	const text = capText(subject === '' ? body : `${subject}\n${body}`.trimEnd(), TEXT_LIMIT);
	if (!/[\p{L}\p{N}]/u.test(text.replace(/\[(?:email|phone|ip|secret|card|name)\]/g, '')))
		return null;
	const tags: string[] = [];
	for (const tag of raw.tags) {
		const t = tag.trim().slice(0, 60);
		// A tag holding an address or a name ("customer-anna") is dropped, not rewritten.
		if (t === '' || !interner.isClean(t, words) || tags.includes(t)) continue;
		tags.push(t);
		if (tags.length === MAX_TAGS) break;
	}
	return {
		id: raw.id,
		text,
		subjectLength: Math.min(subject.length, text.length),
		created: raw.created,
		// A mapped CSV column can hold anything; a channel that looks personal is dropped.
		channel:
			raw.channel === null || !interner.isClean(raw.channel, words)
				? null
				: interner.get(raw.channel),
		tags: interner.list(tags),
		// A mapped priority column can hold anything too: one that looks personal is dropped.
		...(raw.handling === undefined
			? {}
			: {
					handling: {
						...raw.handling,
						priority:
							raw.handling.priority === null || !interner.isClean(raw.handling.priority, words)
								? null
								: interner.get(raw.handling.priority),
					},
				}),
	};
}
