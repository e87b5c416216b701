/**
 * Pagefind result fragments without their text. Each indexed page has a fragment: its URL,
 * metadata, headings and its whole text, which Pagefind's `data()` loads for every result shown,
 * only to cut a 24-word excerpt from it. On a site of long articles the text is most of a first
 * query's bytes (five results of 10 KB each on the 5,000-article benchmark site). After
 * Pagefind, the build rewrites each fragment with its text left out and writes the text apart, in
 * blocks of {@link TEXT_BLOCK_WORDS} words, so the search UI fetches only the block its excerpt
 * comes from (src/scripts/search-engine.ts).
 *
 * The words are Pagefind's own: its excerpt code escapes `<` and `>` in the text and splits it at
 * whitespace (or at zero-width spaces, for text it segmented that way), and word positions in a
 * search result count those words. The blocks hold exactly that split.
 */
/** Words per text block: a long article's excerpt comes from one or two blocks of about 1 KB. */
export const TEXT_BLOCK_WORDS = 400;

/** Pagefind's word separator for its excerpts (whitespace, but not U+FEFF). */
const WORD_SEPARATORS = /[^\S\uFEFF]+/g;

/** A heading of a page as its fragment lists it (Pagefind's `anchors`), by word position. */
export interface FragmentAnchor {
	element: string;
	id: string;
	text: string;
	/** Pagefind's excerpt code also splits at an anchor with a title; the build's pages set none. */
	title?: string;
	location: number;
}

/** A Pagefind 1.6 result fragment, as its JSON holds it. */
export interface Fragment {
	url: string;
	content: string;
	word_count: number;
	filters: Record<string, string[]>;
	meta: Record<string, string>;
	anchors: FragmentAnchor[];
	/** Set on a fragment whose text was moved to blocks: how to read them. */
	tz_text?: TextInfo;
}

/** Where a fragment's text went. */
export interface TextInfo {
	/** Words in the text, as Pagefind's excerpt code counts them. */
	words: number;
	/** Blocks of {@link TEXT_BLOCK_WORDS} words: `text/<fragment name>.<k>.json`, k from 0. */
	blocks: number;
	/** What joins two words of an excerpt: a space, or nothing in zero-width-space text. */
	joiner: ' ' | '';
}

/** The text as Pagefind's excerpt code reads it: escaped, split into words. */
export function excerptWords(content: string): { words: string[]; joiner: ' ' | '' } {
	const raw = content.replace(/</g, '&lt;').replace(/>/g, '&gt;');
	return raw.includes('\u200B')
		? { words: raw.split('\u200B'), joiner: '' }
		: { words: raw.split(WORD_SEPARATORS), joiner: ' ' };
}

/** A fragment without its text, and the text's blocks (each a JSON array of words). */
export function splitFragment(fragment: Fragment): { fragment: Fragment; blocks: string[][] } {
	const { words, joiner } = excerptWords(fragment.content);
	const blocks: string[][] = [];
	for (let at = 0; at < words.length; at += TEXT_BLOCK_WORDS) blocks.push(words.slice(at, at + TEXT_BLOCK_WORDS));
	return {
		fragment: { ...fragment, content: '', tz_text: { words: words.length, blocks: blocks.length, joiner } },
		blocks,
	};
}

/** The block file of word `k` of a fragment's text, relative to the Pagefind folder. */
export function textBlockPath(fragmentName: string, block: number): string {
	return `text/${fragmentName}.${block}.json`;
}
