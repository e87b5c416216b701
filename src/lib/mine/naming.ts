/**
 * How a group of tickets is named: its top terms (the words and phrases most of its tickets use,
 * weighted by how specific they are), a label for the report (the representative's own subject
 * line when it states the problem, else the terms joined) and a question for the draft FAQ entry.
 * Texts were redacted before they get here.
 */
import { clipAtWord } from '../labels.ts';
import type { Corpus } from './cluster-corpus.ts';
import { idf } from './cluster-vectors.ts';
import { isTemplateLine } from './clean-dev.ts';
import { tokenize } from './text.ts';

/** Term statistics of a group are read from at most this many distinct tickets. */
const TERM_SAMPLE = 400;
/** A term must be used by this share of a group's tickets (or by two in a tiny group). */
const TERM_MIN_SHARE = 0.15;
/** A phrase ranks this much above a single word of the same share and specificity. */
const PHRASE_BONUS = 1.15;
/** A phrase takes the place of one of its words when it is used by this share of that word's tickets. */
const PHRASE_REPLACES = 0.6;

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

/** URLs, paths and code say where or how, not what the question is. */
const NOT_WORDS =
	/https?:\/\/|www\.|[{};]|=>|\w\(.*\)|^\s*(?:import|from|def|class|const|let|var|function|return|SELECT|\$|>>>)\s/i;

/** Whether a line says something in words: two content words, no URL, code or template text. */
export function statesSomething(line: string): boolean {
	return tokenize(line).length >= 2 && !NOT_WORDS.test(line) && !isTemplateLine(line);
}

/**
 * The group's label. With `hasSubject`, the representative's first line is its subject and is
 * the label whenever it states something in words (see {@link statesSomething}): a subject is how
 * the customer named the problem. Otherwise the first of its opening sentences that states
 * something and uses one of the group's top terms, so openers such as "Help" or "Question" are
 * passed over; with none, `fallback` (the top terms joined).
 */
export function labelFrom(
	text: string,
	terms: readonly string[],
	fallback: string,
	hasSubject = false,
): string {
	const clip = (s: string): string => {
		const label = clipAtWord(s.replace(/[\s.,;:-]+$/, ''), LABEL_MAX, /[\s,;:-]+$/);
		return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
	};
	const sentences = sentencesOf(text);
	if (hasSubject) {
		const subject = text.split('\n', 1)[0]!.replace(/\s+/g, ' ').trim();
		if (statesSomething(subject)) return clip(subject);
	}
	const topic = new Set(terms.slice(0, 5).flatMap((t) => tokenize(t)));
	for (const sentence of sentences.slice(0, 4)) {
		if (!statesSomething(sentence)) continue;
		if (topic.size === 0 || tokenize(sentence).some((s) => topic.has(s))) return clip(sentence);
	}
	return fallback;
}

/**
 * Words that say what kind of question it is but not what it is about: they may appear inside a
 * phrase ("not arrived") but never as a term on their own.
 */
const WEAK_TERMS = new Set(
	'not no can cannot how why what when where which there still yet again already now one any way use'.split(
		' ',
	),
);
/** Weak words that may still open a phrase: negations and "how" (how long, how much). */
const PHRASE_OPENERS = new Set(['not', 'no', 'how']);

/** How many tickets use each stem, over the whole export: how specific a group's word is. */
export function stemDocFrequency(corpus: Corpus): Float64Array {
	const stemDf = new Float64Array(corpus.stems.length);
	const seen = new Int32Array(corpus.stems.length).fill(-1);
	for (let node = 0; node < corpus.size; node++) {
		for (let p = corpus.start[node]!; p < corpus.start[node + 1]!; p++) {
			const s = corpus.stemOf[corpus.words[p]!]!;
			if (seen[s] !== node) {
				seen[s] = node;
				stemDf[s]! += corpus.count[node]!;
			}
		}
	}
	return stemDf;
}

/**
 * Readable top terms: stems and adjacent stem pairs ranked by the share of the group's tickets
 * using them times their idf (class-based TF-IDF), shown in the group's most frequent surface form.
 */
export function topTerms(
	corpus: Corpus,
	nodes: readonly number[],
	stemDf: Float64Array,
	nDocs: number,
	max = 6,
): string[] {
	const sampleNodes = [...nodes]
		.sort((a, b) => corpus.hash[a]! - corpus.hash[b]!)
		.slice(0, TERM_SAMPLE);
	const share = new Map<string, number>();
	const surfaceCounts = new Map<string, Map<string, number>>();
	let total = 0;
	for (const node of sampleNodes) {
		const w = corpus.count[node]!;
		total += w;
		const present = new Set<string>();
		const end = corpus.start[node + 1]!;
		for (let p = corpus.start[node]!; p < end; p++) {
			const a = corpus.words[p]!;
			const keys: Array<[string, string]> = [[String(corpus.stemOf[a]), corpus.surfaces[a]!]];
			if (p + 1 < end) {
				const b = corpus.words[p + 1]!;
				keys.push([
					`${corpus.stemOf[a]} ${corpus.stemOf[b]}`,
					`${corpus.surfaces[a]} ${corpus.surfaces[b]}`,
				]);
			}
			for (const [key, surface] of keys) {
				present.add(key);
				let forms = surfaceCounts.get(key);
				if (!forms) surfaceCounts.set(key, (forms = new Map()));
				forms.set(surface, (forms.get(surface) ?? 0) + w);
			}
		}
		for (const key of present) share.set(key, (share.get(key) ?? 0) + w);
	}
	if (total === 0) return [];
	const idfOf = (key: string): number => {
		const parts = key.split(' ').map(Number);
		let sum = 0;
		for (const s of parts) sum += idf(stemDf[s]!, nDocs);
		return sum / parts.length;
	};
	// A term must be used by a fair share of the group, or by two tickets in a tiny one.
	const minShare = Math.max(2, total * TERM_MIN_SHARE);
	const readable = (key: string): boolean => {
		const form = surfaceOf(surfaceCounts, key).split(' ');
		// "not", "why"... say nothing alone; a phrase may start with a negation or "how" ("not
		// working", "how long") but not end with a weak word ("payment not") or open on another one.
		if (form.length === 1) return !WEAK_TERMS.has(form[0]!);
		return (
			!WEAK_TERMS.has(form[form.length - 1]!) &&
			(!WEAK_TERMS.has(form[0]!) || PHRASE_OPENERS.has(form[0]!))
		);
	};
	const ranked = [...share]
		.filter(([key, c]) => c >= Math.min(minShare, total) && readable(key))
		.map(([key, c]) => ({
			key,
			share: c,
			score: (c / total) * idfOf(key) * (isSingle(key) ? 1 : PHRASE_BONUS),
		}))
		.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
	const chosen: Array<{ key: string; share: number }> = [];
	const used = new Set<string>();
	for (const term of ranked) {
		if (chosen.length >= max) break;
		const parts = term.key.split(' ');
		// A phrase whose words are all shown, or a word already shown in a phrase, adds nothing.
		if (parts.every((p) => used.has(p))) continue;
		for (const p of parts) used.add(p);
		// A phrase used by most of the tickets that use one of its words reads better than that
		// word alone ("exchange rate" rather than "rate"): it takes the word's place.
		const replaced = isSingle(term.key)
			? -1
			: chosen.findIndex(
					(c) =>
						isSingle(c.key) && parts.includes(c.key) && term.share >= PHRASE_REPLACES * c.share,
				);
		if (replaced >= 0) chosen[replaced] = term;
		else chosen.push(term);
	}
	const out = chosen.map((c) => surfaceOf(surfaceCounts, c.key));
	return out;
}

function isSingle(key: string): boolean {
	return !key.includes(' ');
}

function surfaceOf(counts: ReadonlyMap<string, ReadonlyMap<string, number>>, key: string): string {
	let bestForm = '';
	let bestCount = -1;
	for (const [form, c] of counts.get(key) ?? []) {
		if (c > bestCount || (c === bestCount && form < bestForm)) {
			bestForm = form;
			bestCount = c;
		}
	}
	return bestForm;
}

/** The top two or three terms, joined: short enough for a list, specific enough to tell groups apart. */
export function labelOf(terms: readonly string[]): string {
	if (terms.length === 0) return '(no common terms)';
	const picked: string[] = [];
	let words = 0;
	for (const t of terms) {
		const n = t.split(' ').length;
		if (picked.length > 0 && (words + n > 4 || picked.length >= 3)) break;
		picked.push(t);
		words += n;
	}
	return picked.join(' · ');
}
