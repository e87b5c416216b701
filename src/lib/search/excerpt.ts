/**
 * Pagefind excerpts are HTML: page text with `<`, `>` and `&` escaped and the matched words
 * wrapped in `<mark>`. Before they reach `innerHTML` this keeps exactly that and nothing else, so
 * a page that slipped raw markup into the index cannot inject it into the search UI.
 */
import type { FragmentAnchor } from './fragment-text.ts';

/** A character reference as Pagefind writes it (`&lt;`, `&amp;`, `&#39;`, `&#x27;`). */
const ENTITY = /^&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i;

/** Escapes `<`, `>` and every `&` that does not already start a character reference. */
function escapeText(text: string): string {
	return text.replace(/[<>]|&/g, (ch, offset: number) => {
		if (ch === '<') return '&lt;';
		if (ch === '>') return '&gt;';
		return ENTITY.test(text.slice(offset)) ? '&' : '&amp;';
	});
}

/**
 * The excerpt with its `<mark>` highlights kept and anything else that looks like markup escaped;
 * safe to assign to `innerHTML`. Unbalanced marks are closed so one cannot swallow the rest.
 */
export function safeExcerpt(html: string): string {
	let open = false;
	const out = html
		.split(/(<\/?mark>)/i)
		.map((part) => {
			const tag = part.toLowerCase();
			if (tag === '<mark>' && !open) {
				open = true;
				return '<mark>';
			}
			if (tag === '</mark>' && open) {
				open = false;
				return '</mark>';
			}
			return tag === '<mark>' || tag === '</mark>' ? '' : escapeText(part);
		})
		.join('');
	return open ? `${out}</mark>` : out;
}

/*
 * Excerpts cut from text blocks (src/lib/search/fragment-text.ts): the search UI loads only the
 * words an excerpt shows, so it chooses and cuts excerpts itself, by Pagefind 1.6's own rules
 * (`calculate_excerpt_region`, `build_excerpt` and the ranges of `calculate_sub_results` in its
 * pagefind.js, ported here; a build test holds the two to the same output). Excerpt ellipses are
 * off, as in Pagefind's default.
 */

/** A matched word's position in the page's words and Pagefind's score for it. */
export interface WeightedLocation {
	location: number;
	balanced_score: number;
}

/** Where the excerpt starts: the middle of the densest windows of `length` words (by score). */
export function excerptRegion(positions: readonly WeightedLocation[], length: number): number {
	if (positions.length === 0) return 0;
	const words: number[] = [];
	for (const { location, balanced_score } of positions) words[location] = (words[location] ?? 0) + balanced_score;
	if (words.length <= length) return 0;
	let densest = 0;
	for (let i = 0; i < length; i++) densest += words[i] ?? 0;
	let sum = densest;
	let densestAt = [0];
	for (let i = 0; i < words.length; i++) {
		sum += (words[i + length] ?? 0) - (words[i] ?? 0);
		if (sum > densest) {
			densest = sum;
			densestAt = [i];
		} else if (sum === densest && densestAt[densestAt.length - 1] === i - 1) {
			densestAt.push(i);
		}
	}
	return densestAt[Math.floor(densestAt.length / 2)]!;
}

/** The words an excerpt shows, `[start, start + length)`, kept within `[notBefore, notFrom)`. */
export function excerptSpan(
	totalWords: number,
	start: number,
	length: number,
	notBefore?: number,
	notFrom?: number,
): { start: number; length: number } {
	const endcap = notFrom ?? totalWords;
	const startcap = notBefore ?? 0;
	if (endcap - startcap < length) length = endcap - startcap;
	if (start + length > endcap) start = endcap - length;
	if (start < startcap) start = startcap;
	return { start, length: Math.max(0, length) };
}

/**
 * The excerpt's HTML: `words` are the page's words from `start` on (at least the span's), the
 * matched ones wrapped in `<mark>`.
 */
export function markedExcerpt(
	words: readonly string[],
	start: number,
	length: number,
	locations: readonly number[],
	joiner: string,
): string {
	const shown = words.slice(0, length);
	const marked = new Set(locations);
	return shown
		.map((word, i) => (marked.has(start + i) && !word.startsWith('<mark>') ? `<mark>${word}</mark>` : word))
		.join(joiner)
		.trim();
}

/** A page part as Pagefind's `calculate_sub_results` makes it (the fields read here). */
export interface PartSource {
	weighted_locations: WeightedLocation[];
	locations: number[];
	/** The heading a section starts at; none for the page's opening. */
	anchor?: { location: number };
}

/** The headings Pagefind splits a page at: titled, or h1–h6 with text; by position. */
function partAnchors(anchors: readonly FragmentAnchor[]): FragmentAnchor[] {
	return anchors
		.filter(
			(a) =>
				(a.title?.length && /\S/.test(a.title)) ||
				(/h\d/i.test(a.element) && a.text?.length && /\S/.test(a.text)),
		)
		.sort((a, b) => a.location - b.location);
}

/**
 * The words of one part's excerpt, as Pagefind cuts it: its start, its length and the range it
 * must stay in. `part` undefined stands for the whole page.
 */
export function partExcerptSpan(
	totalWords: number,
	excerptLength: number,
	anchors: readonly FragmentAnchor[],
	whole: { weighted_locations: WeightedLocation[] },
	part?: PartSource,
): { start: number; length: number } {
	if (!part) return excerptSpan(totalWords, excerptRegion(whole.weighted_locations, excerptLength), excerptLength);
	const position = part.anchor?.location ?? 0;
	const starts = partAnchors(anchors).map((a) => a.location);
	const end = part.anchor ? starts.find((at) => at > position) : starts[0];
	const relative = part.weighted_locations.map((l) => ({ ...l, location: l.location - position }));
	const start = excerptRegion(relative, excerptLength) + position;
	const length = end ? Math.min(end - start, excerptLength) : excerptLength;
	return excerptSpan(totalWords, start, length, position, end);
}
