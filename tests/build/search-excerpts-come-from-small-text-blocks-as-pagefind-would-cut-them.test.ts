import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import {
	markedExcerpt,
	partExcerptSpan,
	type WeightedLocation,
} from '../../src/lib/search/excerpt.ts';
import { TEXT_BLOCK_WORDS, textBlockPath, type Fragment } from '../../src/lib/search/fragment-text.ts';
import { readFragment } from '../../src/lib/search/fragment-text-fs.ts';
import { siteDir } from '../e2e/support/server.ts';

// Reads the built site in dist/: `npm run build` moves each fragment's text into blocks
// (src/lib/search/fragment-text.ts), and the search UI cuts excerpts from them with a port of
// Pagefind's excerpt code (src/lib/search/excerpt.ts). Here the port meets the original: the
// functions are taken from the pagefind.js the build shipped and run on the same pages.

const EXCERPT_WORDS = 24;
const pagefindDir = join(siteDir('public'), 'pagefind');

interface PagefindPart {
	title: string;
	url: string;
	anchor?: { location: number };
	weighted_locations: WeightedLocation[];
	locations: number[];
	excerpt: string;
}
interface PagefindExcerptCode {
	calculate_excerpt_region(positions: WeightedLocation[], length: number): number;
	build_excerpt(
		content: string,
		start: number,
		length: number,
		locations: number[],
		notBefore?: number,
		notFrom?: number,
		ellipsis?: string,
	): { excerpt: string };
	calculate_sub_results(fragment: object, length: number, ellipsis: string): PagefindPart[];
}

/** Pagefind's own excerpt functions, from the shipped pagefind.js (between two of its declarations). */
function pagefindExcerptCode(): PagefindExcerptCode {
	const source = readFileSync(join(pagefindDir, 'pagefind.js'), 'utf8');
	const from = source.indexOf('var word_separators=');
	const to = source.indexOf('var asyncSleep=');
	expect(from, 'pagefind.js declares word_separators').toBeGreaterThan(0);
	expect(to, 'pagefind.js declares asyncSleep after its excerpt code').toBeGreaterThan(from);
	return new Function(
		`${source.slice(from, to)}; return { calculate_excerpt_region, build_excerpt, calculate_sub_results };`,
	)() as PagefindExcerptCode;
}

/** Every fragment of the built site with its words, read back from its blocks. */
function builtPages() {
	return readdirSync(join(pagefindDir, 'fragment')).map((file) => {
		const name = file.replace(/\.pf_fragment$/, '');
		const fragment = readFragment(readFileSync(join(pagefindDir, 'fragment', file)), file);
		const info = fragment.tz_text!;
		const words = Array.from({ length: info.blocks }, (_, k) =>
			JSON.parse(readFileSync(join(pagefindDir, textBlockPath(name, k)), 'utf8')) as string[],
		).flat();
		return { name, fragment, info, words };
	});
}

it('every fragment of the built site has its text in blocks, and only there', () => {
	const pages = builtPages();
	expect(pages.length).toBeGreaterThan(20);
	let blocks = 0;
	for (const { fragment, info, words } of pages) {
		expect(fragment.content, fragment.url).toBe('');
		expect(words.length, fragment.url).toBe(info.words);
		// Every block but the last is full.
		expect(info.blocks, fragment.url).toBe(Math.max(1, Math.ceil(info.words / TEXT_BLOCK_WORDS)));
		blocks += info.blocks;
	}
	// No stale block of a fragment Pagefind did not write this time.
	expect(readdirSync(join(pagefindDir, 'text'))).toHaveLength(blocks);
});

it('excerpts cut from the blocks are the ones Pagefind cuts from the whole text, for any matched words', () => {
	const pagefind = pagefindExcerptCode();
	const pages = builtPages().filter(({ info }) => info.words > 1);
	fc.assert(
		fc.property(
			fc.constantFrom(...pages),
			fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 2400 })), { minLength: 1, maxLength: 12 }),
			({ fragment, info, words }, picks) => {
				// Matched words as Pagefind reports them: positions in order, each with its score.
				const weighted = [...new Set(picks.map(([at]) => at % info.words))]
					.sort((a, b) => a - b)
					.map((location, i) => ({ location, balanced_score: picks[i]![1], weight: 1 }));
				const locations = weighted.map((l) => l.location);
				const raw = words.join(info.joiner);
				const anchors = fragment.anchors;
				const pageSpan = partExcerptSpan(info.words, EXCERPT_WORDS, anchors, { weighted_locations: weighted });
				const ours = (span: { start: number; length: number }, marked: number[]) =>
					markedExcerpt(words.slice(span.start, span.start + span.length), span.start, span.length, marked, info.joiner);
				const theirs = pagefind.build_excerpt(
					raw,
					pagefind.calculate_excerpt_region(weighted, EXCERPT_WORDS),
					EXCERPT_WORDS,
					locations,
					undefined,
					undefined,
					'',
				).excerpt;
				expect(ours(pageSpan, locations)).toBe(theirs);
				const parts = pagefind.calculate_sub_results(
					{ ...(fragment as Fragment), raw_content: raw, weighted_locations: weighted, locations },
					EXCERPT_WORDS,
					'',
				);
				for (const part of parts) {
					const span = partExcerptSpan(info.words, EXCERPT_WORDS, anchors, { weighted_locations: weighted }, part);
					expect(ours(span, part.locations), part.url).toBe(part.excerpt);
				}
			},
		),
		{ numRuns: 400 },
	);
});
