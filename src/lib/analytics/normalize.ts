import { MAX_QUERY_LENGTH, MAX_REASON_LENGTH } from './limits.ts';

/** What an e-mail address in a query or reason is replaced with. */
export const EMAIL_PLACEHOLDER = '[email]';
/** What a long run of digits (phone, card, order or account number) is replaced with. */
export const NUMBER_PLACEHOLDER = '[number]';

// Local part and domain as people type them; deliberately broad, since a false positive only
// costs one query its address-like word.
const EMAIL = /[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]+/gu;
// Six or more digits, where up to two spaces, dots, dashes, slashes or brackets between digits do
// not break the run: 555-123-4567, 4111 1111 1111 1111, (030) 1234567, 12345678. Version numbers
// (1.1.0), KB IDs (KB-0042), years and error codes stay, which is what search analysis needs.
const LONG_DIGITS = /\+?\d(?:[\s./()-]{0,2}\d){5,}/gu;

/**
 * Removes what could identify a person from free text: e-mail addresses become `[email]`, runs
 * of six or more digits become `[number]`. Case and spacing are kept.
 */
export function scrubText(text: string): string {
	return text.replace(EMAIL, EMAIL_PLACEHOLDER).replace(LONG_DIGITS, NUMBER_PLACEHOLDER);
}

/**
 * Turns what a visitor typed into the query that is stored: Unicode-normalized (NFKC), scrubbed,
 * lone surrogates replaced, lower-cased, whitespace collapsed, trimmed and cut to 200 characters, so "Webhook  Retries" and
 * "webhook retries" count as one query. Returns '' when nothing is left to record.
 */
export function normalizeQuery(raw: string): string {
	// A lone surrogate (a pasted half emoji) would make the collector refuse the whole batch.
	const text = scrubText(raw.toWellFormed().normalize('NFKC'))
		.toLowerCase()
		.replace(/[\p{Cc}\p{Cf}]/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
	return truncate(text, MAX_QUERY_LENGTH).trim();
}

/**
 * Prepares the optional reason of a "No" vote: scrubbed, control characters other than line
 * breaks removed, trimmed and cut to 500 characters. Returns undefined when it is empty.
 */
export function normalizeReason(raw: string | undefined): string | undefined {
	if (raw === undefined) return undefined;
	const text = scrubText(raw.toWellFormed().normalize('NFKC'))
		.replace(/\r\n?/g, '\n')
		.replace(/[^\P{Cc}\n\t]/gu, '')
		.trim();
	const cut = truncate(text, MAX_REASON_LENGTH).trim();
	return cut === '' ? undefined : cut;
}

/** Cuts to at most `max` UTF-16 code units without splitting a surrogate pair. */
function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	const code = text.charCodeAt(max - 1);
	return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
