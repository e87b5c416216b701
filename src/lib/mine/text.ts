/**
 * Text processing for ticket mining: normalisation, stop words, Porter stems, n-grams and the
 * readable surface forms that let cluster terms be shown as words rather than stems.
 *
 * Everything here is pure and deterministic; the clustering, coverage scoring and benchmark all
 * build on {@link analyze} so a ticket is tokenised the same way everywhere.
 */
import { stemmer } from 'stemmer';

/**
 * English function words that carry no question meaning. Kept short on purpose: negations
 * ("not", "no"), question words ("why", "how", "when") and modal verbs ("can") are NOT stop
 * words here, because "why was my card declined" and "my card was declined" ask different
 * things, and measuring on labelled support questions showed dropping them loses grouping quality.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'a about above after again against all am an and any are as at be because been before being ' +
		'below between both but by could did do does doing down during each few for from further ' +
		'had has have having he her here hers herself him himself his i if in into is it its itself ' +
		'just me more most my myself of off on once only or other our ours ourselves out over own ' +
		'same she should so some such than that the their theirs them themselves then there these ' +
		'they this those through to too under until up very was we were while who whom will with ' +
		'would you your yours yourself yourselves s t d ll m re ve also im ive id hi hello hey please ' +
		'thanks thank regards dear team us let lets get got go going want wanted need needed like'
	).split(' '),
);

/** One analysed word: the stem used for matching and the lower-cased word as written. */
export interface Token {
	stem: string;
	surface: string;
}

/**
 * A snake_case identifier (`load_dataset`, `err_ssl_protocol`) or an id such as `kb-0042` is one
 * word: split, its parts match everything and the whole matches nothing in the docs. Otherwise a
 * word is a run of letters and digits.
 */
const IDENTIFIER_OR_WORD = /[\p{L}\p{N}]+(?:_+[\p{L}\p{N}]+)+|\p{L}+-\p{N}+\b|[\p{L}\p{N}]+/gu;

/**
 * Lower-cases, folds accents, expands "n't" to " not" and splits on anything that is not a letter
 * or digit, keeping identifiers whole. Returns the words in order, stop words included.
 */
export function words(text: string): string[] {
	const folded = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		// "can't", "won't", "hasn't": keep the negation as its own word.
		.replace(/\b(ca|wo)n['’]t\b/g, '$1n not')
		.replace(/n['’]t\b/g, ' not')
		.replace(/['’]/g, '');
	return folded.match(IDENTIFIER_OR_WORD) ?? [];
}

/** Cache of stems: ticket vocabularies are small and Zipf-distributed, so nearly every lookup hits. */
const stemCache = new Map<string, string>();

/** The Porter stem of a lower-case word (memoised). */
export function stem(word: string): string {
	let s = stemCache.get(word);
	if (s === undefined) {
		// Digits, identifiers and very short words are kept as they are; the stemmer would only
		// mangle them.
		s = word.length <= 2 || /[\d_]/.test(word) ? word : stemmer(word);
		// Bound the cache so a million unusual tickets cannot grow it without limit.
		if (stemCache.size > 200_000) stemCache.clear();
		stemCache.set(word, s);
	}
	return s;
}

/** True when the lower-case word is a stop word. */
export function isStopWord(word: string): boolean {
	return STOP_WORDS.has(word);
}

/**
 * True for a word that carries meaning: not a stop word, and longer than one character (lone
 * letters and digits are mostly the debris of versions and amounts, "1.1.0" → 1, 1, 0).
 */
export function isContentWord(word: string): boolean {
	return word.length > 1 && !STOP_WORDS.has(word);
}

/** Stemmed content words with their surface forms, in order (see {@link isContentWord}). */
export function analyze(text: string): Token[] {
	const out: Token[] = [];
	for (const w of words(text)) if (isContentWord(w)) out.push({ stem: stem(w), surface: w });
	return out;
}

/** Lower-case, stemmed content words of `text`, stop words removed. */
export function tokenize(text: string): string[] {
	return analyze(text).map((t) => t.stem);
}

/** Word n-grams of length `n` joined by a space ("card arriv" for n = 2). */
export function ngrams(tokens: readonly string[], n: number): string[] {
	const out: string[] = [];
	for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
	return out;
}

/**
 * Character n-grams of each word, padded with a boundary mark ("<car", "card", "ard>"), which
 * match misspelt and inflected words ("recieve", "received") that word features miss.
 */
export function charNgrams(wordList: readonly string[], n: number): string[] {
	const out: string[] = [];
	for (const w of wordList) {
		const padded = `<${w}>`;
		if (padded.length <= n) {
			out.push(padded);
			continue;
		}
		for (let i = 0; i + n <= padded.length; i++) out.push(padded.slice(i, i + n));
	}
	return out;
}

/**
 * Counts surface forms per stem so a stem ("arriv") can be shown as the word people wrote most
 * ("arrived"). Phrases are keyed by their space-joined stems.
 */
export class SurfaceForms {
	private readonly counts = new Map<string, Map<string, number>>();

	/** Records every unigram and adjacent bigram of an analysed text. */
	add(tokens: readonly Token[]): void {
		for (let i = 0; i < tokens.length; i++) {
			const t = tokens[i]!;
			this.bump(t.stem, t.surface);
			const next = tokens[i + 1];
			if (next) this.bump(`${t.stem} ${next.stem}`, `${t.surface} ${next.surface}`);
		}
	}

	/** The most frequent surface form of a stem or stem phrase (ties broken alphabetically). */
	surface(key: string): string {
		const forms = this.counts.get(key);
		if (!forms) return key;
		let best = '';
		let bestCount = -1;
		for (const [form, count] of forms) {
			if (count > bestCount || (count === bestCount && form < best)) {
				best = form;
				bestCount = count;
			}
		}
		return best;
	}

	private bump(key: string, form: string): void {
		let forms = this.counts.get(key);
		if (!forms) this.counts.set(key, (forms = new Map()));
		forms.set(form, (forms.get(form) ?? 0) + 1);
	}
}
