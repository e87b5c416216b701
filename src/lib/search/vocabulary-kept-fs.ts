/**
 * The search vocabulary (vocabulary.ts) counted again only where texts changed: the build keeps
 * each text's word counts and the totals in its cache folder, and the next build takes back out
 * the counts of texts that are gone, counts the texts that are new, and reuses the rest. Counting
 * every word of a 5,000-article site takes about a second on every build, while a rebuild after
 * one edit changes one text. The totals are the same as a count from scratch (a unit test proves
 * it against buildVocabulary). A cache is only ever a saving: one that is missing, unreadable, of
 * other code or inconsistent is ignored, and every text is counted afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { codeFingerprint } from '../code-fingerprint-fs.ts';
import { writeFileAtomic } from '../files-fs.ts';
import type { Vocabulary } from './spell.ts';
import { countWords, vocabularyOf } from './vocabulary.ts';

/** The file, in the build's cache folder. */
export const VOCABULARY_CACHE_FILE = join('tierzero', 'search-vocabulary.bin');

/** One indexed text: its parts as written (what the cache is keyed by) and the text to count. */
export interface VocabularyText {
	parts: readonly string[];
	text(): string;
}

interface Kept {
	code: string;
	/** Per distinct text (by hash): how many texts have it, and its words as "word count word count". */
	texts: Map<string, { n: number; words: string }>;
	totals: Map<string, number>;
}

/**
 * The hash of the code that makes the vocabulary from texts (the search modules and the
 * lockfile) in the project at `root`; null when `root` does not hold it, and then nothing is
 * kept, since a change to that code could not be told.
 */
export function vocabularyCodeFingerprint(root: string): string | null {
	const search = join(root, 'src', 'lib', 'search');
	if (!existsSync(join(search, 'vocabulary.ts'))) return null;
	return codeFingerprint([search, join(root, 'package-lock.json')]);
}

/** A hash of a text's parts, each kept apart from the next. */
export function textKey(parts: readonly string[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(part).update('\u0001');
	return hash.digest('base64url');
}

// Words are letter runs, so a space never occurs in one.
const encode = (counts: ReadonlyMap<string, number>) => [...counts].map(([w, c]) => `${w} ${c}`).join(' ');
function* decode(words: string): Generator<[string, number]> {
	if (!words) return;
	const items = words.split(' ');
	for (let i = 0; i + 1 < items.length; i += 2) yield [items[i]!, Number(items[i + 1])];
}

function readKept(cacheFile: string, code: string): Kept | null {
	try {
		const kept = deserialize(readFileSync(cacheFile)) as Kept;
		if (kept?.code !== code || !(kept.texts instanceof Map) || !(kept.totals instanceof Map)) return null;
		// Every kept text has its counts, or none is used: a text kept without them would be
		// neither counted again nor in the totals.
		for (const text of kept.texts.values()) if (typeof text?.words !== 'string' || !Number.isInteger(text.n) || text.n < 1) return null;
		return kept;
	} catch {
		return null;
	}
}

/**
 * Adds `times` × `words` (word and count pairs) into `totals` (`times` may be negative); false
 * when a total would fall below zero, which only a damaged cache could make happen.
 */
function add(totals: Map<string, number>, words: Iterable<[string, number]>, times: number): boolean {
	for (const [word, count] of words) {
		const total = (totals.get(word) ?? 0) + times * count;
		if (total < 0 || !Number.isInteger(total)) return false;
		if (total === 0) totals.delete(word);
		else totals.set(word, total);
	}
	return true;
}

/**
 * The vocabulary of `texts`, from the counts kept at `cacheFile` by the same `code` where a text
 * is unchanged, and the counts kept there for the next build (`code` null: nothing is read or
 * kept). `counted`: how many texts were counted afresh.
 */
export function keptVocabulary(cacheFile: string, code: string | null, texts: readonly VocabularyText[]): { vocabulary: Vocabulary; counted: number } {
	const wanted = new Map<string, { n: number; text: VocabularyText }>();
	for (const text of texts) {
		const key = textKey(text.parts);
		const seen = wanted.get(key);
		if (seen) seen.n++;
		else wanted.set(key, { n: 1, text });
	}
	const update = (from: Kept | null) => {
		const totals = new Map(from?.totals);
		const next = new Map<string, { n: number; words: string }>();
		let counted = 0;
		for (const [key, before] of from?.texts ?? []) {
			const now = wanted.get(key)?.n ?? 0;
			if (now < before.n && !add(totals, decode(before.words), now - before.n)) return null;
		}
		for (const [key, { n, text }] of wanted) {
			const before = from?.texts.get(key);
			// A text counted now adds its counts as they are; only the cache needs them as text.
			const counts = before === undefined ? countWords(text.text()) : null;
			if (counts) counted++;
			const words = counts ? encode(counts) : before!.words;
			if (n > (before?.n ?? 0) && !add(totals, counts ?? decode(words), n - (before?.n ?? 0))) return null;
			next.set(key, { n, words });
		}
		return { totals, next, counted };
	};
	const kept = code === null ? null : readKept(cacheFile, code);
	// A kept cache that does not add up is dropped, and everything counted afresh.
	const result = update(kept) ?? update(null)!;
	if (code !== null) writeFileAtomic(cacheFile, serialize({ code, texts: result.next, totals: result.totals } satisfies Kept));
	return { vocabulary: vocabularyOf(result.totals), counted: result.counted };
}
