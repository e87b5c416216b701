import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
	excerptWords,
	splitFragment,
	TEXT_BLOCK_WORDS,
	textBlockPath,
	type Fragment,
} from '../../../src/lib/search/fragment-text.ts';
import { readFragment, splitSiteFragments, writeFragment } from '../../../src/lib/search/fragment-text-fs.ts';
import { readPagefindFile, writePagefindFile } from '../../../src/lib/search/index-chunks.ts';

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
	const dirs: string[] = [];
	function site(fragments: Record<string, Fragment>, version = '1.6.0') {
		const dir = mkdtempSync(join(tmpdir(), 'tz-fragments-'));
		dirs.push(dir);
		return pagefindRun(dir, fragments, version);
	}
	/** What Pagefind leaves in DIR when it runs (again): its full fragments and a metadata naming them. */
	function pagefindRun(dir: string, fragments: Record<string, Fragment>, version = '1.6.0') {
		mkdirSync(join(dir, 'pagefind', 'fragment'), { recursive: true });
		const pages = Object.entries(fragments).map(([name, f]) => [name, f.word_count, '']);
		writeFileSync(join(dir, 'pagefind', 'pagefind.en_meta.pf_meta'), writePagefindFile([version, pages, [], [], []]));
		writeFileSync(
			join(dir, 'pagefind', 'pagefind-entry.json'),
			JSON.stringify({ version, languages: { en: { hash: 'en_meta', wasm: 'en', page_count: pages.length } } }),
		);
		for (const [name, f] of Object.entries(fragments)) {
			writeFileSync(join(dir, 'pagefind', 'fragment', `${name}.pf_fragment`), writeFragment(f));
		}
		return dir;
	}
	/** The site's pages as its metadata lists them, with each fragment. */
	function pages(dir: string) {
		const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
		const metaPath = join(dir, 'pagefind', `pagefind.${entry.languages.en.hash}.pf_meta`);
		const body = readPagefindFile(readFileSync(metaPath), metaPath) as [string, [string, number, string][]];
		return body[1].map(([name, words]) => ({
			name,
			words,
			fragment: readFragment(readFileSync(join(dir, 'pagefind', 'fragment', `${name}.pf_fragment`)), name),
		}));
	}
	afterAll(() => {
		for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	});

	it('renames every fragment short, moves its text into blocks, and leaves no other fragment or block', () => {
		const long = Array.from({ length: TEXT_BLOCK_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
		const dir = site({ en_aaaaaaa: fragment('one two three'), en_bbbbbbb: fragment(long) });
		const lines = splitSiteFragments(dir);
		expect(lines[0]).toBe('en: 2 fragments renamed, their text moved into 3 blocks');
		const [a, b] = pages(dir);
		expect(a!.name).toMatch(/^en_[0-9a-f]{6}\.0$/);
		expect(b!.name).toBe(a!.name.replace(/0$/, '1'));
		expect(b!.words).toBe(3);
		expect(b!.fragment.tz_text).toEqual({ words: TEXT_BLOCK_WORDS + 1, blocks: 2, joiner: ' ' });
		expect(JSON.parse(readFileSync(join(dir, 'pagefind', textBlockPath(b!.name, 1)), 'utf8'))).toEqual([
			`w${TEXT_BLOCK_WORDS}`,
		]);
		// Pagefind's full fragments and the old metadata are gone.
		expect(readdirSync(join(dir, 'pagefind', 'fragment')).sort()).toEqual([`${a!.name}.pf_fragment`, `${b!.name}.pf_fragment`]);
		expect(readdirSync(join(dir, 'pagefind', 'text'))).toHaveLength(3);
		expect(readdirSync(join(dir, 'pagefind')).filter((f) => f.endsWith('.pf_meta'))).toHaveLength(1);
		// Run again over the same output: nothing changes.
		expect(splitSiteFragments(dir)).toEqual(['nothing to do: every fragment already had its text moved']);
		expect(pages(dir).map((p) => p.name)).toEqual([a!.name, b!.name]);
	});

	it('gives other fragments other names, so a cached fragment never stands for another', () => {
		const one = pages((splitSiteFragments(site({ en_aaaaaaa: fragment('one') })), dirs.at(-1)!))[0]!.name;
		const two = pages((splitSiteFragments(site({ en_ccccccc: fragment('two') })), dirs.at(-1)!))[0]!.name;
		expect(one).not.toBe(two);
	});

	it('drops the blocks of an earlier build whose pages Pagefind no longer wrote', () => {
		const dir = site({ en_aaaaaaa: fragment('one two') });
		mkdirSync(join(dir, 'pagefind', 'text'), { recursive: true });
		writeFileSync(join(dir, 'pagefind', 'text', 'en_0ld0ld.7.0.json'), '["old"]');
		splitSiteFragments(dir);
		expect(readdirSync(join(dir, 'pagefind', 'text'))).toEqual([`${pages(dir)[0]!.name}.0.json`]);
	});

	it('leaves the fragments of a Pagefind version it does not know as they are', () => {
		const dir = site({ en_aaaaaaa: fragment('one two') }, '2.0.0');
		expect(splitSiteFragments(dir)[0]).toMatch(/^Pagefind 2\.0\.0 is not a version this code knows/);
		expect(readFragment(readFileSync(join(dir, 'pagefind', 'fragment', 'en_aaaaaaa.pf_fragment')), 'a').content).toBe('one two');
	});

	it('after a Pagefind version it does not know, removes what earlier builds left: their blocks and unnamed fragments', () => {
		const dir = site({ en_aaaaaaa: fragment('one two') });
		splitSiteFragments(dir);
		// The next build's Pagefind is a version this code does not know; the build left the old files.
		pagefindRun(dir, { en_ccccccc: fragment('three') }, '2.0.0');
		expect(splitSiteFragments(dir)[1]).toBe('1 fragments of earlier builds removed');
		expect(readdirSync(join(dir, 'pagefind', 'fragment'))).toEqual(['en_ccccccc.pf_fragment']);
		expect(existsSync(join(dir, 'pagefind', 'text'))).toBe(false);
	});

	it('names the file that is not a fragment', () => {
		const dir = site({ en_aaaaaaa: fragment('one') });
		writeFileSync(join(dir, 'pagefind', 'fragment', 'en_aaaaaaa.pf_fragment'), 'plain text');
		expect(() => splitSiteFragments(dir)).toThrow(/en_aaaaaaa\.pf_fragment: not a gzip-compressed Pagefind file/);
	});

	describe('with the build cache', () => {
		const build = () => {
			const dir = mkdtempSync(join(tmpdir(), 'tz-fragments-'));
			dirs.push(dir);
			return { dir, cache: join(dir, 'cache') };
		};
		const long = Array.from({ length: TEXT_BLOCK_WORDS + 1 }, (_, i) => `w${i}`).join(' ');
		const files = (dir: string) =>
			['fragment', 'text'].flatMap((sub) => readdirSync(join(dir, 'pagefind', sub)).map((f) => `${sub}/${f}`)).sort();

		it('keeps the names and files of fragments Pagefind wrote the same again, and names only the changed one anew', () => {
			const { dir, cache } = build();
			pagefindRun(dir, { en_aaaaaaa: fragment('one two'), en_bbbbbbb: fragment(long) });
			expect(splitSiteFragments(dir, cache)[0]).toBe('en: 2 fragments renamed, their text moved into 3 blocks');
			const first = pages(dir).map((p) => p.name);
			const firstFiles = files(dir);
			const blockPath = join(dir, 'pagefind', textBlockPath(first[1]!, 1));
			writeFileSync(blockPath, '["left as it was"]');

			// The same pages again: every name and file stays; no block is written again.
			pagefindRun(dir, { en_aaaaaaa: fragment('one two'), en_bbbbbbb: fragment(long) });
			expect(splitSiteFragments(dir, cache)[0]).toBe(
				'en: 0 fragments renamed, their text moved into 0 blocks; 2 unchanged since the last build keep their names and blocks',
			);
			expect(pages(dir).map((p) => p.name)).toEqual(first);
			expect(files(dir)).toEqual(firstFiles);
			expect(readFileSync(blockPath, 'utf8')).toBe('["left as it was"]');

			// One page edited: it alone gets a new name, which no earlier build gave.
			pagefindRun(dir, { en_aaaaaaa: fragment('one two three'), en_bbbbbbb: fragment(long) });
			splitSiteFragments(dir, cache);
			const [edited, same] = pages(dir);
			expect(same!.name).toBe(first[1]);
			expect(first).not.toContain(edited!.name);
			expect(edited!.name).toMatch(/^en_[0-9a-f]{6}\.0$/);
			expect(JSON.parse(readFileSync(join(dir, 'pagefind', textBlockPath(edited!.name, 0)), 'utf8'))).toEqual(['one', 'two', 'three']);
			// The edited page's old files are gone, Pagefind's full fragments too.
			expect(files(dir)).toEqual(
				[`fragment/${edited!.name}.pf_fragment`, `fragment/${same!.name}.pf_fragment`, ...[0, 1].map((k) => textBlockPath(same!.name, k)), textBlockPath(edited!.name, 0)].sort(),
			);
		});

		it('writes a fragment afresh when a file of its kept name is gone from the output', () => {
			const { dir, cache } = build();
			pagefindRun(dir, { en_aaaaaaa: fragment(long) });
			splitSiteFragments(dir, cache);
			const [first] = pages(dir);
			rmSync(join(dir, 'pagefind', textBlockPath(first!.name, 1)));
			pagefindRun(dir, { en_aaaaaaa: fragment(long) });
			expect(splitSiteFragments(dir, cache)[0]).toBe('en: 1 fragments renamed, their text moved into 2 blocks');
			const [again] = pages(dir);
			// The same pages as that build, so the same name for the same fragment: its files are written again.
			expect(again!.name).toBe(first!.name);
			expect(JSON.parse(readFileSync(join(dir, 'pagefind', textBlockPath(again!.name, 1)), 'utf8'))).toEqual([`w${TEXT_BLOCK_WORDS}`]);
			expect(again!.fragment.tz_text).toEqual({ words: TEXT_BLOCK_WORDS + 1, blocks: 2, joiner: ' ' });
			expect(files(dir)).toHaveLength(3);
		});

		it('gives a new name a tag no kept name has, even when the pages are those of the build that named them', () => {
			const { dir, cache } = build();
			const same = { en_aaaaaaa: fragment('one two'), en_bbbbbbb: fragment(long) };
			pagefindRun(dir, same);
			splitSiteFragments(dir, cache);
			const [a, b] = pages(dir).map((p) => p.name);
			rmSync(join(dir, 'pagefind', textBlockPath(b!, 1)));
			// The same pages give the same tag, which the kept name of the first page still has.
			pagefindRun(dir, same);
			splitSiteFragments(dir, cache);
			const [a2, b2] = pages(dir).map((p) => p.name);
			expect(a2).toBe(a);
			expect(b2).not.toBe(b);
			expect(b2!.split('.')[0]).not.toBe(a!.split('.')[0]);
			expect(files(dir)).toHaveLength(5);
		});

		it('does not use names kept for another Pagefind version, a cache it cannot read, or damaged entries', () => {
			const { dir, cache } = build();
			pagefindRun(dir, { en_aaaaaaa: fragment('one two') });
			splitSiteFragments(dir, cache);
			pagefindRun(dir, { en_aaaaaaa: fragment('one two') }, '1.6.1');
			expect(splitSiteFragments(dir, cache)[0]).toBe('en: 1 fragments renamed, their text moved into 1 blocks');
			writeFileSync(join(cache, 'tierzero', 'fragment-names.json'), '{ not json');
			pagefindRun(dir, { en_aaaaaaa: fragment('one two') }, '1.6.1');
			expect(splitSiteFragments(dir, cache)[0]).toBe('en: 1 fragments renamed, their text moved into 1 blocks');
			// Damaged entries are dropped, not trusted.
			const namesPath = join(cache, 'tierzero', 'fragment-names.json');
			const kept = JSON.parse(readFileSync(namesPath, 'utf8'));
			for (const key of Object.keys(kept.names)) kept.names[key] = 5;
			writeFileSync(namesPath, JSON.stringify(kept));
			pagefindRun(dir, { en_aaaaaaa: fragment('one two') }, '1.6.1');
			expect(splitSiteFragments(dir, cache)[0]).toBe('en: 1 fragments renamed, their text moved into 1 blocks');
			expect(files(dir)).toHaveLength(2);
		});
	});
});
