import fc from 'fast-check';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from 'cborg';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
	boundaryPrefixes,
	chunkNames,
	freeTag,
	chunkRanges,
	chunkUnits,
	cutChunks,
	encodedWords,
	ISOLATED_WORD_CHUNKS,
	KEPT_PREFIX,
	mayCut,
	spanningBound,
	MIN_CHUNK_UNITS,
	parseChunk,
	parseMetadata,
	rechunk,
	scanChunk,
	wordUnits,
	writeChunkFile,
	writePagefindFile,
	type ChunkRange,
	type IndexWord,
} from '../../../src/lib/search/index-chunks.ts';

/** Rust compares `&str` by UTF-8 bytes; Pagefind's search code picks chunks that way. */
function rustCompare(a: string, b: string): number {
	return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * The chunk Pagefind 1.6's search code (request_indexes) loads for a one-word search: the first
 * whose bounds hold the word; when none does, the first whose bounds hold it once word and bounds
 * are cut to the shorter length (byte slices, as Rust's `get`).
 */
function chunkFor(ranges: readonly ChunkRange[], word: string): string | undefined {
	const strict = ranges.find(([from, to]) => rustCompare(word, from) >= 0 && rustCompare(word, to) <= 0);
	if (strict) return strict[2];
	const bytes = Buffer.from(word);
	const cut = (b: Buffer, n: number) => b.subarray(0, Math.min(b.length, n));
	return ranges.find(([from, to]) => {
		const f = Buffer.from(from);
		const t = Buffer.from(to);
		return Buffer.compare(cut(bytes, f.length), cut(f, bytes.length)) >= 0 && Buffer.compare(cut(bytes, t.length), cut(t, bytes.length)) <= 0;
	})?.[2];
}

/** Whether Pagefind's strict rule alone sends the word to `hash`. */
function strictlyIn(ranges: readonly ChunkRange[], word: string, hash: string): boolean {
	return ranges.some(([from, to, h]) => h === hash && rustCompare(word, from) >= 0 && rustCompare(word, to) <= 0);
}

/** A real Pagefind 1.6 index of generated pages, big enough for several of Pagefind's chunks. */
let files: Map<string, Uint8Array>;
let metaName: string;

beforeAll(async () => {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
	// A vocabulary of made-up words (letters and digits, as in IDs and versions) over 400 pages.
	let seed = 7;
	const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
	const letters = 'abcdefghijklmnopqrstuvwxyz';
	const vocabulary = Array.from({ length: 3000 }, (_, i) => {
		const length = 3 + Math.floor(random() * 8);
		const word = Array.from({ length }, () => letters[Math.floor(random() * 26)]).join('');
		return i % 10 === 0 ? `${word}${i}` : word;
	});
	for (let page = 0; page < 400; page++) {
		const words = Array.from({ length: 120 }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]);
		await index.addCustomRecord({
			url: `/p${page}/`,
			content: words.join(' '),
			language: 'en',
			meta: { title: words.slice(0, 4).join(' ') },
		});
	}
	const written = await index.getFiles();
	if (!written.files) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
	files = new Map(written.files.map((f) => [f.path.replace(/^\/+/, ''), f.content]));
	metaName = [...files.keys()].find((path) => path.endsWith('.pf_meta'))!;
	await index.deleteIndex();
}, 60_000);

afterAll(() => pagefind.close());

const readChunk = (hash: string) => {
	const file = files.get(`index/${hash}.pf_index`);
	if (!file) throw new Error(`no chunk ${hash}`);
	return file;
};

describe('rechunk on a real Pagefind index', () => {
	it("reads and writes Pagefind's files as Pagefind does: its own cuts at 20,000 units give its files", () => {
		const meta = parseMetadata(files.get(metaName)!, metaName);
		expect(meta.ranges.length).toBeGreaterThan(2);
		const words = meta.ranges.flatMap(([, , hash]) => parseChunk(readChunk(hash), hash));
		const chunks = cutChunks(words, 20_000);
		const ranges = chunkRanges(chunks, meta.ranges.map(([, , hash]) => hash));
		expect(ranges).toEqual(meta.ranges);
		chunks.forEach((chunk, i) => {
			const ours = gunzipSync(writePagefindFile([chunk]));
			expect(ours.equals(gunzipSync(readChunk(meta.ranges[i]![2])))).toBe(true);
		});
		expect(gunzipSync(writePagefindFile(meta.body)).equals(gunzipSync(files.get(metaName)!))).toBe(true);
	});

	it("moves every word of Pagefind's chunks as its bytes, and writes what decoding and encoding would", () => {
		const meta = parseMetadata(files.get(metaName)!, metaName);
		for (const [, , hash] of meta.ranges) {
			const file = readChunk(hash);
			// The scan takes Pagefind's own bytes: nothing falls back to decoding.
			expect(scanChunk(gunzipSync(file).subarray(SIGNATURE.length))).not.toBeNull();
			const words = encodedWords(file, hash);
			const decoded = parseChunk(file, hash);
			expect(words.map((w) => [w.word, w.units, w.pages])).toEqual(decoded.map((w) => [w[0], wordUnits(w), w[1].length]));
			expect(writeChunkFile(words).equals(writePagefindFile([decoded]))).toBe(true);
			expect(gunzipSync(writeChunkFile(words)).equals(gunzipSync(file))).toBe(true);
		}
	});

	it('keeps every word, page and location, and every word is found in its own chunk', () => {
		const meta = parseMetadata(files.get(metaName)!, metaName);
		const before = meta.ranges.flatMap(([, , hash]) => parseChunk(readChunk(hash), hash));
		const result = rechunk(files.get(metaName)!, metaName, readChunk);
		const after = parseMetadata(result.metadata, 'new');
		expect(result.replaced).toEqual(meta.ranges.map(([, , hash]) => hash));
		expect(result.chunks.size).toBeGreaterThan(result.replaced.length);
		const words = after.ranges.flatMap(([, , hash]) => {
			const chunk = parseChunk(result.chunks.get(hash)!, hash);
			for (const [word] of chunk) expect(strictlyIn(after.ranges, word, hash), word).toBe(true);
			return chunk;
		});
		expect(words).toEqual(before);
		// Everything but the chunk list (version, pages, filters, sorts, meta fields) is kept.
		expect(after.body.filter((_, i) => i !== 2)).toEqual(meta.body.filter((_, i) => i !== 2));
	});

	it('refuses an index of a Pagefind version whose layout it does not know', () => {
		const meta = parseMetadata(files.get(metaName)!, metaName);
		const body = [...meta.body];
		body[0] = '2.0.0';
		expect(() => rechunk(writePagefindFile(body), 'x.pf_meta', readChunk)).toThrow(/Pagefind 2\.0\.0/);
	});
});

const SIGNATURE = 'pagefind_dcd';
/** A chunk file holding these CBOR bytes as its body. */
const chunkFile = (body: Uint8Array) => gzipSync(Buffer.concat([Buffer.from(SIGNATURE), body]));
/** What the re-cut wrote before it moved bytes: every word decoded and encoded again. */
const decodedAndEncoded = (file: Uint8Array) => writePagefindFile([parseChunk(file, 'x')]);

describe('word entries moved as bytes', () => {
	const integer = fc.oneof(fc.integer({ min: -30, max: 300 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }));
	const value = fc.oneof(integer, fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.jsonValue());
	const word = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1 }), fc.string().map((w) => `\uFEFF${w}`));
	const page = fc.tuple(integer, fc.array(value, { maxLength: 30 }), fc.option(fc.array(value), { nil: undefined }), fc.array(value, { maxLength: 2 }));
	const entry = fc.tuple(word, fc.array(page, { maxLength: 5 }), fc.array(value, { maxLength: 2 })).map(
		([w, pages, rest]): IndexWord => [
			w,
			// Locations of any kind, not only numbers: the scan must give way to decoding for them.
			pages.map(([n, locations, meta, more]) => (meta === undefined ? [n, locations] : [n, locations, meta, ...more])) as IndexWord[1],
			...rest,
		],
	);

	it('give the file decoding and encoding gives, for any words cborg can write', () => {
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 40 }), (words) => {
				const file = chunkFile(encode([words]));
				const moved = encodedWords(file, 'x');
				const decoded = parseChunk(file, 'x');
				expect(moved.map((w) => [w.word, w.units, w.pages])).toEqual(decoded.map((w) => [w[0], wordUnits(w), w[1].length]));
				expect(writeChunkFile(moved).equals(decodedAndEncoded(file))).toBe(true);
				// Cut anywhere, each chunk is still what decoding and encoding its words gives.
				cutChunks(moved, 7).forEach((chunk, i) => {
					const same = cutChunks(decoded, 7)[i]!;
					expect(writeChunkFile(chunk).equals(writePagefindFile([same]))).toBe(true);
				});
			}),
			{ numRuns: 300 },
		);
	});

	it('are decoded instead where cborg would not write the same bytes back', () => {
		const head = (...bytes: number[]) => Uint8Array.from(bytes);
		const entryWith = (location: Uint8Array) =>
			Buffer.concat([head(0x81, 0x81, 0x83, 0x61, 0x61, 0x81, 0x82, 0x01, 0x81), location, head(0x80)]);
		const cases = {
			'a small integer in two bytes': entryWith(head(0x18, 0x05)),
			'an integer in eight bytes': entryWith(head(0x1b, 0, 0, 0, 1, 0, 0, 0, 0)),
			'a float that is a whole number': entryWith(head(0xfb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0)),
			'an array of indefinite length': entryWith(head(0x9f, 0x01, 0xff)),
			'a map': entryWith(head(0xa1, 0x61, 0x62, 0x01)),
			'invalid UTF-8': head(0x81, 0x81, 0x83, 0x62, 0xc3, 0x28, 0x81, 0x82, 0x01, 0x80, 0x80),
			'a byte order mark before the word': head(0x81, 0x81, 0x83, 0x64, 0xef, 0xbb, 0xbf, 0x61, 0x81, 0x82, 0x01, 0x80, 0x80),
		};
		for (const [what, body] of Object.entries(cases)) {
			expect(scanChunk(body), what).toBeNull();
			const file = chunkFile(body);
			expect(writeChunkFile(encodedWords(file, 'x')).equals(decodedAndEncoded(file)), what).toBe(true);
		}
		// And a chunk that is no chunk is refused as before.
		expect(() => encodedWords(chunkFile(head(0x81, 0x81, 0x61, 0x61)), 'x')).toThrow(/word entry/);
	});
});

describe('chunk ranges', () => {
	it('tell neighbours apart by their shortest differing prefixes, by character', () => {
		expect(boundaryPrefixes('apple', 'apricot')).toEqual(['app', 'apr']);
		expect(boundaryPrefixes('cath', 'cathartic')).toEqual(['cath', 'catha']);
		expect(boundaryPrefixes('naïve', 'naïvety')).toEqual(['naïve', 'naïvet']);
	});

	const vocabulary = (list: readonly string[]): IndexWord[] =>
		[...list].sort(rustCompare).map((w, i) => [w, [[i, Array.from({ length: (i % 5) + 1 }, (_, k) => k)]], []]);

	it('send every word of any sorted vocabulary to the chunk that holds it, wherever cut, when the bounds span the gaps', () => {
		const word = fc.string({ unit: fc.constantFrom(...'abcdeéz019_'.split('')), minLength: 1, maxLength: 8 });
		fc.assert(
			fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 200 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (list, units, bounded) => {
				const words = vocabulary(list);
				const chunks = cutChunks(words, units, { bounded });
				const ranges = chunkRanges(chunks, chunks.map((_, i) => `c${i}`), { spanGaps: true });
				chunks.forEach((chunk, i) => {
					for (const [w] of chunk) {
						expect(strictlyIn(ranges, w, `c${i}`)).toBe(true);
						expect(chunkFor(ranges, w)).toBe(`c${i}`);
					}
				});
				expect(chunks.flat()).toEqual(words);
			}),
			{ numRuns: 300 },
		);
	});

	it("send any other form of a word (sharing its first letters) to the word's chunk, when bounded", () => {
		const letters = fc.constantFrom(...'abeéz01'.split(''));
		const word = fc.string({ unit: letters, minLength: 1, maxLength: 7 });
		fc.assert(
			fc.property(
				fc.uniqueArray(word, { minLength: 1, maxLength: 150 }),
				fc.integer({ min: 1, max: 30 }),
				fc.nat(),
				fc.string({ unit: letters, maxLength: 4 }),
				(list, units, pick, ending) => {
					const words = vocabulary(list);
					const chunks = cutChunks(words, units, { bounded: true });
					const ranges = chunkRanges(chunks, chunks.map((_, i) => `c${i}`), { spanGaps: true });
					const i = pick % words.length;
					const stem = words[i]![0];
					if (Array.from(stem).length < KEPT_PREFIX) return;
					// "takes" for "take": a string the index need not hold, starting with the word's first letters.
					const form = Array.from(stem).slice(0, KEPT_PREFIX).join('') + ending;
					const home = chunks.findIndex((chunk) => chunk.some(([w]) => w === stem));
					expect(strictlyIn(ranges, form, `c${home}`), `${form} (${stem})`).toBe(true);
					expect(chunkFor(ranges, form)).toBe(`c${home}`);
				},
			),
			{ numRuns: 500 },
		);
	});

	it('would lose words cut where Pagefind cuts: why the bounds span the gaps', () => {
		// "aa" ends a chunk before "z": its bound becomes "a", and the search for "aa" loads the
		// first chunk, which holds only "a".
		const chunks = cutChunks(vocabulary(['a', 'aa', 'z']), 1);
		const ranges = chunkRanges(chunks, ['c0', 'c1', 'c2']);
		expect(ranges[1]).toEqual(['aa', 'a', 'c1']);
		expect(chunkFor(ranges, 'aa')).toBe('c0');
		const spanning = chunkRanges(chunks, ['c0', 'c1', 'c2'], { spanGaps: true });
		expect(spanning).toEqual([
			['', 'a`\u{10FFFF}', 'c0'],
			['aa', 'y\u{10FFFF}', 'c1'],
			['z', '\u{10FFFF}', 'c2'],
		]);
		expect(chunkFor(spanning, 'aa')).toBe('c1');
		// "takes" sorts after "takeov", which ends a chunk before "taki": still that chunk's.
		expect(spanningBound('takeov', 'taki')).toBe('takh\u{10FFFF}');
		expect(spanningBound('tab', 'tabl')).toBe('tabk\u{10FFFF}');
	});

	it('cut only between words that share fewer than their first four letters', () => {
		expect(KEPT_PREFIX).toBe(4);
		expect(mayCut('take', 'taken')).toBe(false);
		expect(mayCut('takeov', 'taki')).toBe(true);
		expect(mayCut('run', 'runbook')).toBe(true);
		expect(mayCut('naïve', 'naïvety')).toBe(false);
	});

	it('give a word that alone fills several chunks a chunk of its own, when bounded', () => {
		const word = (w: string, locations: number): IndexWord => [w, [[0, Array.from({ length: locations - 1 }, (_, k) => k)]], []];
		const huge = ISOLATED_WORD_CHUNKS * 10;
		const words = [word('a', 3), word('b', 3), word('big', huge), word('c', 3), word('d', 9), word('e', 3)];
		const names = (chunks: IndexWord[][]) => chunks.map((chunk) => chunk.map(([w]) => w));
		// Pagefind's way: "b" shares its chunk with the big word.
		expect(names(cutChunks(words, 10))).toEqual([['a', 'b', 'big'], ['c', 'd'], ['e']]);
		expect(names(cutChunks(words, 10, { bounded: true }))).toEqual([['a', 'b'], ['big'], ['c', 'd'], ['e']]);
		// A word under the multiple still closes its chunk as Pagefind does.
		const smaller = [word('a', 3), word('b', 3), word('big', huge - 1), word('c', 3)];
		expect(names(cutChunks(smaller, 10, { bounded: true }))).toEqual([['a', 'b', 'big'], ['c']]);
		// Forms of one word stay together: no cut inside "work…", however big the chunk grows.
		const forms = [word('wore', 3), word('work', huge), word('workaround', 9), word('worker', 3), word('zone', 3)];
		expect(names(cutChunks(forms, 10, { bounded: true }))).toEqual([['wore'], ['work', 'workaround', 'worker'], ['zone']]);
	});

	it('close a chunk once it reaches the size, never splitting a word', () => {
		const words: IndexWord[] = ['a', 'b', 'c', 'd'].map((w) => [w, [[0, [1, 2, 3]]], []]);
		expect(words.map(wordUnits)).toEqual([4, 4, 4, 4]);
		expect(cutChunks(words, 6).map((chunk) => chunk.map(([w]) => w))).toEqual([['a', 'b'], ['c', 'd']]);
		expect(cutChunks(words, 100)).toHaveLength(1);
	});

	it('grow with the square root of the index, never below the floor', () => {
		expect(chunkUnits(40_000)).toBe(MIN_CHUNK_UNITS);
		expect(chunkUnits(16_000_000)).toBeGreaterThan(MIN_CHUNK_UNITS);
		expect(chunkUnits(64_000_000) / chunkUnits(16_000_000)).toBeCloseTo(2, 1);
	});
});

describe('chunk names', () => {
	it('count in base 36 under a tag of every chunk, so a name never stands for two contents', () => {
		const files = Array.from({ length: 40 }, (_, i) => Buffer.from(`chunk ${i}`));
		const names = chunkNames('en', files);
		expect(names[0]).toMatch(/^en_[0-9a-f]{6}\.0$/);
		expect(names[37]).toMatch(/\.11$/);
		expect(new Set(names).size).toBe(40);
		expect(chunkNames('en', files)).toEqual(names);
		// One chunk changed: every name changes, so no cached file is taken for the new one.
		const changed = chunkNames('en', files.map((f, i) => (i === 39 ? Buffer.from('other') : f)));
		changed.forEach((name, i) => expect(name).not.toBe(names[i]));
		// Chunks split differently but with the same bytes in all: another tag.
		expect(chunkNames('en', [Buffer.from('ab'), Buffer.from('c')])[0]).not.toBe(chunkNames('en', [Buffer.from('a'), Buffer.from('bc')])[0]);
	});

	it('keep the names an earlier build gave the same bytes, and give the rest a tag no kept name has', () => {
		const files = Array.from({ length: 5 }, (_, i) => Buffer.from(`chunk ${i}`));
		const names = chunkNames('en', files);
		const tag = names[0]!.slice(0, names[0]!.indexOf('.'));
		// Chunks 0 and 1 keep the names of the last build; the same bytes in all would give its tag again.
		const kept = (file: Uint8Array) => (Buffer.from(file).toString() === 'chunk 0' ? names[0] : Buffer.from(file).toString() === 'chunk 1' ? names[1] : undefined);
		const again = chunkNames('en', files, kept);
		expect(again.slice(0, 2)).toEqual(names.slice(0, 2));
		for (const name of again.slice(2)) expect(name.startsWith(`${tag}.`)).toBe(false);
		expect(new Set(again).size).toBe(5);
		expect(freeTag('en', 'abcdef', ['en_abcdef.0', undefined])).not.toBe('abcdef');
		expect(freeTag('en', 'abcdef', ['de_abcdef.0', 'en_123456.3'])).toBe('abcdef');
	});
});
