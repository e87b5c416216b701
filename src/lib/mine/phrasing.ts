/**
 * Readable wording for a group of tickets, taken from its representative ticket: a label for
 * the report (the ticket's own words, usually its subject line) and a question for the draft
 * FAQ entry. The text was redacted before it gets here.
 */
import { clipAtWord } from '../labels.ts';
import { tokenize } from './text.ts';

/** The longest question a draft FAQ entry takes (the FAQ schema's limit). */
export const QUESTION_MAX = 160;
/** The longest label: one line in a table or a chart tooltip. */
export const LABEL_MAX = 80;

/** Sentences and lines of `text`, whitespace collapsed, those without a letter dropped. */
export function sentencesOf(text: string): string[] {
	return text
		.split(/\n|(?<=[.?!])\s+/)
		.map((s) => s.replace(/\s+/g, ' ').trim())
		.filter((s) => /\p{L}/u.test(s));
}

/**
 * A question for the FAQ from the representative ticket: its first sentence that asks something
 * (subject included), else its subject or first sentence, turned into a question.
 */
export function questionFrom(text: string): string {
	const sentences = sentencesOf(text);
	const asks = sentences.find((s) => s.endsWith('?') && s.length >= 10 && s.length <= QUESTION_MAX);
	let q = asks ?? sentences[0] ?? 'What do customers ask here?';
	q = q.replace(/[\s.,;:!?-]+$/, '');
	if (q.length > QUESTION_MAX - 1) q = q.slice(0, QUESTION_MAX - 1).replace(/\s+\S*$/, '');
	return `${q.charAt(0).toUpperCase()}${q.slice(1)}?`;
}

/**
 * The group's label: the first of the representative's opening sentences (its subject line,
 * where the export has one) that says something of the group's topic, in the customer's words.
 * A sentence must hold two content words and one of the group's top terms, so subjects such as
 * "Help" or "Question" are passed over; with none, the top terms joined make the label.
 */
export function labelFrom(text: string, terms: readonly string[], fallback: string): string {
	const topic = new Set(terms.slice(0, 5).flatMap((t) => tokenize(t)));
	for (const sentence of sentencesOf(text).slice(0, 4)) {
		const stems = tokenize(sentence);
		if (stems.length >= 2 && (topic.size === 0 || stems.some((s) => topic.has(s)))) {
			const label = clipAtWord(sentence.replace(/[\s.,;:-]+$/, ''), LABEL_MAX, /[\s,;:-]+$/);
			return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
		}
	}
	return fallback;
}
