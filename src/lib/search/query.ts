/**
 * What a typed query asks for: its content terms (each with the synonyms writers listed in
 * `content/search/synonyms.yaml`), the words left out because they carry no topic (question
 * words, pronouns, fillers), and whether the whole query is an entry ID. Pure, for the browser.
 */
import { formatId, type IdKind } from '../permalinks.ts';

/**
 * Words that say how a question is asked, not what it is about. Pagefind would require each of
 * them on a page ("why", "my", "on"), so a natural question found nothing.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'a about after again all am an and any anyone anything are as at be been before being but by ' +
		'can cannot could did do does doing done dont during each even ever for from get gets getting ' +
		'got had has have having he her here hers him his how i if im in into is isnt it its itself ' +
		'ive just keep keeps kind let lets me might mine more most much must my myself need needs no ' +
		'nor not now of off ok okay on once only or other our ours out over own please possible ' +
		'really same seem seems she should so some someone something still such than that thats the ' +
		'their them then there these they thing things this those through to too try trying under ' +
		'until up us use using very via want wants was wasnt way we were what whats when where which ' +
		'while who whom why will with without wont would you your yours yourself anymore since ' +
		'also already always every getting help hi hello thanks thank around sure'
	).split(' '),
);

/** Groups of interchangeable words and phrases, as writers list them (lower case). */
export type SynonymGroups = readonly (readonly string[])[];

/** One content term of a query and the words that may stand in for it. */
export interface QueryTerm {
	/** The word as it appears in the (lower-cased) query, or the phrase a synonym group matched. */
	text: string;
	/** `text` first, then its synonyms: a page holding any of them holds the term. */
	alternatives: string[];
}

/** A parsed query. */
export interface ParsedQuery {
	terms: QueryTerm[];
	/** Words of the query left out as carrying no topic, in query order, without repeats. */
	ignored: string[];
}

/** Words as the query splits them: letters and digits, keeping inner `-`, `_`, `.` (`1.1.0`). */
export function queryWords(query: string): string[] {
	return (query.toLowerCase().match(/[\p{L}\p{N}]+(?:[-_.'’][\p{L}\p{N}]+)*/gu) ?? []).map((w) =>
		w.replace(/['’]/g, ''),
	);
}

/**
 * The content terms and the ignored words of `query`. A synonym phrase of several words
 * ("not responding") is matched before single words, so its words are not dropped as fillers.
 * A query of nothing but fillers keeps its words: searching them beats finding nothing.
 */
export function parseQuery(query: string, synonyms: SynonymGroups = []): ParsedQuery {
	const words = queryWords(query);
	const phrases = synonyms.flatMap((group) =>
		group.map((phrase) => ({ words: phrase.split(/\s+/), group })),
	);
	// Longest phrases first, so "not responding" wins over "responding".
	phrases.sort((a, b) => b.words.length - a.words.length);
	const terms: QueryTerm[] = [];
	const ignored: string[] = [];
	const seen = new Set<string>();
	const add = (text: string, group: readonly string[] | undefined) => {
		if (seen.has(text)) return;
		seen.add(text);
		const alternatives = [text, ...(group ?? []).filter((w) => w !== text)];
		terms.push({ text, alternatives });
	};
	for (let i = 0; i < words.length; ) {
		const phrase = phrases.find(
			(p) => p.words.length > 1 && p.words.every((w, k) => words[i + k] === w),
		);
		if (phrase) {
			add(phrase.words.join(' '), phrase.group);
			i += phrase.words.length;
			continue;
		}
		const word = words[i++]!;
		if (STOP_WORDS.has(word)) {
			if (!ignored.includes(word)) ignored.push(word);
			continue;
		}
		add(word, phrases.find((p) => p.words.length === 1 && p.words[0] === word)?.group);
	}
	if (terms.length === 0 && ignored.length > 0) {
		for (const word of ignored) add(word, undefined);
		return { terms, ignored: [] };
	}
	return { terms, ignored };
}

/** An entry a query names by its ID. */
export interface EntryRef {
	/** The ID as the site writes it: `KB-0026`, `RB-001`, `TPL-004`. */
	id: string;
}

const KIND_OF_PREFIX: Record<string, IdKind> = { KB: 'kb', RB: 'runbook', TPL: 'template' };

/**
 * The entry a query names when the query is nothing but an entry ID, written in any case, with
 * or without the dash and the leading zeros (`kb-26`, `KB0026`, `KB-12345`, `tpl 4`); otherwise
 * null, also for a number the kind's IDs have no room for (`rb 1000`).
 */
export function entryIdOf(query: string): EntryRef | null {
	const m = /^\s*(kb|rb|tpl)[\s_-]*(\d+)\s*$/i.exec(query);
	if (!m) return null;
	const number = Number(m[2]);
	if (number === 0) return null;
	const id = formatId(KIND_OF_PREFIX[m[1]!.toUpperCase()]!, number);
	// No permalink here: the page comes from the index, so the public edition's script never
	// carries the internal sections' paths.
	return id ? { id } : null;
}
