/**
 * Names of people written anywhere in a sentence ("ask Maria", "my colleague John Smith"), which
 * the patterns of redact.ts only catch in greetings, sign-offs and the export's requester fields.
 * compromise tags them from a lexicon of first and last names and the words around them.
 *
 * It takes about a millisecond per text, too slow for every ticket of a million-ticket export,
 * so it runs on what leaves the miner (representatives, example wordings and search queries),
 * and only on texts holding a word its lexicon knows as a name or title: it tags no one without
 * one, and most support questions have none.
 */
import nlp from 'compromise';
import { MARK } from './redact.ts';
import { words } from './text.ts';

const NAME_TAGS = new Set([
	'Honorific',
	'MaleName',
	'FemaleName',
	'FirstName',
	'LastName',
	'Person',
]);

// compromise types its model as a plain object; the lexicon maps a word to its tag or tags.
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one
	.lexicon;
/** Lower-case words compromise's lexicon tags as a name or title ("maria", "smith", "mr"). */
const NAME_WORDS: ReadonlySet<string> = new Set(
	Object.entries(lexicon)
		.filter(([, tags]) => [tags].flat().some((tag) => NAME_TAGS.has(tag)))
		.map(([word]) => word),
);

/** Whether compromise could find a name in `text` at all. */
export function mayNamePeople(text: string): boolean {
	return words(text).some((w) => NAME_WORDS.has(w));
}

/** `text` with every name compromise finds replaced by [name]; the rest is kept as written. */
export function redactPeople(text: string): string {
	if (!mayNamePeople(text)) return text;
	const found = nlp(text).people().json({ offset: true }) as {
		offset: { start: number; length: number };
	}[];
	if (found.length === 0) return text;
	let out = '';
	let at = 0;
	for (const { offset } of found) {
		// A match carries the punctuation after it ("Li Wei,"): that stays in the text.
		const span = text.slice(offset.start, offset.start + offset.length);
		const name = span.replace(/[^\p{L}.]+$/u, '');
		// Sentence-final "Smith." keeps its full stop too, but "Mr." stays part of the name.
		const end = offset.start + (/\p{L}{2,}\.$/u.test(name) ? name.length - 1 : name.length);
		if (offset.start < at || name.length === 0) continue;
		// Product names the lexicon mistakes for people: "Wolfram Alpha" (a capitalised word
		// follows the "name"), "DistilBERT" (capitals inside a word).
		if (/\p{Ll}{2}\p{Lu}|\p{Lu}{2,}\p{Ll}*\p{Lu}/u.test(name)) continue;
		if (/^\s+\p{Lu}\p{Ll}/u.test(text.slice(offset.start + name.length))) continue;
		out += text.slice(at, offset.start) + MARK.name;
		at = end;
	}
	return out + text.slice(at);
}
