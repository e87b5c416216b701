import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	excerptWords,
	splitFragment,
	TEXT_BLOCK_WORDS,
	textBlockPath,
	type Fragment,
} from '../../../src/lib/search/fragment-text.ts';
import { readFragment, splitSiteFragments, writeFragment } from '../../../src/lib/search/fragment-text-fs.ts';

const fragment = (content: string): Fragment => ({
	url: '/kb/KB-0001/',
	content,
	word_count: 3,
	filters: { type: ['KB article'] },
	meta: { title: 'Retries <b>' },
	anchors: [{ element: 'h2', id: 'fix', text: 'Fix', location: 1 }],
});

describe('excerptWords', () => {
	it('escapes markup and splits at whitespace, as Pagefind’s excerpt code does', () => {
		expect(excerptWords('Use <code>\n\t x  &amp; y\u00a0z')).toEqual({
			words: ['Use', '&lt;code&gt;', 'x', '&amp;', 'y', 'z'],
			joiner: ' ',
		});
		// U+FEFF is not a separator for Pagefind.
		expect(excerptWords('a\uFEFFb c').words).toEqual(['a\uFEFFb', 'c']);
	});

	it('splits text Pagefind segmented with zero-width spaces at those, joined by nothing', () => {
		expect(excerptWords('日本\u200B語 の')).toEqual({ words: ['日本', '語 の'], joiner: '' });
	});
});

describe('splitFragment', () => {
	it('keeps all but the text, and the blocks hold every word in order', () => {
		fc.assert(
			fc.property(fc.array(fc.stringMatching(/^[a-z<>&]{1,6}$/), { maxLength: 3 * TEXT_BLOCK_WORDS }), (words) => {
				const { fragment: slim, blocks } = splitFragment(fragment(words.join(' ')));
				expect(slim.content).toBe('');
				expect({ ...slim, content: 'x', tz_text: undefined }).toEqual({ ...fragment('x'), tz_text: undefined });
				expect(blocks.flat()).toEqual(excerptWords(words.join(' ')).words);
				expect(blocks.every((b, k) => k === blocks.length - 1 || b.length === TEXT_BLOCK_WORDS)).toBe(true);
				expect(slim.tz_text).toEqual({ words: blocks.flat().length, blocks: blocks.length, joiner: ' ' });
			}),
		);
	});
});

describe('splitSiteFragments', () => {
	function site(fragments: Record<string, Fragment>, version = '1.6.0') {
		const dir = mkdtempSync(join(tmpdir(), 'tz-fragments-'));
		mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
		writeFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), JSON.stringify({ version, languages: {} }));
		for (const [name, f] of Object.entries(fragments)) {
			writeFileSync(join(dir, 'pagefind', 'fragment', `${name}.pf_fragment`), writeFragment(f));
		}
		return dir;
	}
	const read = (dir: string, name: string) =>
		readFragment(readFileSync(join(dir, 'pagefind', 'fragment', `${name}.pf_fragment`)), name);

	it('moves every fragment’s text into blocks once, and drops blocks of fragments gone', () => {
		const long = Array.from({ length: TEXT_BLOCK_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
		const dir = site({ en_a: fragment('one two three'), en_b: fragment(long) });
		expect(splitSiteFragments(dir)).toEqual(["2 fragments' text moved into 3 blocks"]);
		expect(read(dir, 'en_b').tz_text).toEqual({ words: TEXT_BLOCK_WORDS + 1, blocks: 2, joiner: ' ' });
		expect(JSON.parse(readFileSync(join(dir, 'pagefind', textBlockPath('en_b', 1)), 'utf8'))).toEqual([
			`w${TEXT_BLOCK_WORDS}`,
		]);
		// A kept output folder: the next run leaves moved fragments alone.
		expect(splitSiteFragments(dir)).toEqual(["0 fragments' text moved into 0 blocks"]);
		// Pagefind rewrote the site without en_b: its blocks go.
		rmSync(join(dir, 'pagefind', 'fragment', 'en_b.pf_fragment'));
		expect(splitSiteFragments(dir)).toEqual(["0 fragments' text moved into 0 blocks; 2 stale blocks removed"]);
		expect(readdirSync(join(dir, 'pagefind', 'text'))).toEqual(['en_a.0.json']);
	});

	it('leaves the fragments of a Pagefind version it does not know as they are', () => {
		const dir = site({ en_a: fragment('one two') }, '2.0.0');
		expect(splitSiteFragments(dir)[0]).toMatch(/^Pagefind 2\.0\.0 is not a version this code knows/);
		expect(read(dir, 'en_a').content).toBe('one two');
	});

	it('names the file that is not a fragment', () => {
		const dir = site({});
		writeFileSync(join(dir, 'pagefind', 'fragment', 'en_x.pf_fragment'), 'plain text');
		expect(() => splitSiteFragments(dir)).toThrow(/en_x\.pf_fragment: not a gzip-compressed Pagefind fragment/);
	});
});
