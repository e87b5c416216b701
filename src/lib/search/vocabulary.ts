/**
 * The search vocabulary: every word of the indexed pages with its frequency, emitted at build
 * time for the speller ({@link createSpeller}), split into shards ({@link splitVocabulary}). Pure;
 * the endpoint that reads the collections is `src/pages/search-vocabulary/[shard].json.ts`.
 */
import { SHARDS, shardOf, WORD, type Vocabulary } from './spell.ts';

/** Shorter words are never corrected, so they would only make the file bigger. */
const MIN_LENGTH = 3;
/** Longer "words" are hashes, tokens or glued identifiers nobody types. */
const MAX_LENGTH = 24;

/**
 * The readable text of an MDX body, close to what Pagefind indexes from the rendered page:
 * ESM lines, code fence lines, JSX/HTML tags and comments, URLs and link targets are dropped; text inside
 * components, code and link labels is kept (Pagefind indexes code blocks too).
 */
export function mdxText(body: string): string {
	return (
		body
			.replace(/^(?:import|export)\s.*$/gm, ' ')
			// A fence's info string (```bash) is not rendered.
			.replace(/^\s*(?:```|~~~).*$/gm, ' ')
			.replace(/<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}/g, ' ')
			.replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
			.replace(/\]\([^)]*\)/g, '] ')
			.replace(/\b(?:https?|mailto):[^\s)>\]]+/g, ' ')
	);
}

/**
 * Adds the words of `text` (lower-case letter runs of 3 to 24 letters) to `counts`, and returns it.
 */
export function countWords(text: string, counts: Map<string, number> = new Map()): Map<string, number> {
	// `match` with a global pattern gives the words alone, without a match object for each:
	// a fifth less time than `matchAll` on the text of 10,000 articles (1.1 against 1.4 s).
	for (const word of text.toLowerCase().match(WORD) ?? []) {
		if (word.length < MIN_LENGTH || word.length > MAX_LENGTH) continue;
		counts.set(word, (counts.get(word) ?? 0) + 1);
	}
	return counts;
}

/** Words and their counts, most frequent first, ties in alphabetical order so the output is reproducible. */
export function vocabularyOf(counts: ReadonlyMap<string, number>): Vocabulary {
	const entries = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	return { words: entries.map(([w]) => w), counts: entries.map(([, c]) => c) };
}

/** The vocabulary of the given texts: {@link countWords} over all, in {@link vocabularyOf}'s order. */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
	const counts = new Map<string, number>();
	for (const text of texts) countWords(text, counts);
	return vocabularyOf(counts);
}

/**
 * The vocabulary split into its {@link SHARDS} (every shard present, empty ones too), each in the
 * vocabulary's order: most frequent first.
 */
export function splitVocabulary(vocabulary: Vocabulary): Record<string, Vocabulary> {
	const shards: Record<string, Vocabulary> = Object.fromEntries(SHARDS.map((key) => [key, { words: [], counts: [] }]));
	vocabulary.words.forEach((word, i) => {
		const shard = shards[shardOf(word)]!;
		shard.words.push(word);
		shard.counts.push(vocabulary.counts[i] ?? 0);
	});
	return shards;
}

/**
 * Every string inside structured data (a policy YAML file's fields), for the pages built from
 * data rather than MDX. Keys are not text readers see, so only values count.
 */
export function dataText(data: unknown): string {
	if (typeof data === 'string') return data;
	if (Array.isArray(data)) return data.map(dataText).filter(Boolean).join('\n');
	if (data && typeof data === 'object')
		return Object.values(data).map(dataText).filter(Boolean).join('\n');
	return '';
}
