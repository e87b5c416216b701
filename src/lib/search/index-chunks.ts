/**
 * Finer chunks for Pagefind's word index. Pagefind cuts the index into chunks of about 20,000
 * word locations (a constant in its indexer, not an option), sorted by word; the browser fetches
 * the chunk of every word it searches. A question's four or five content words land in different
 * chunks, so on the starter site the first query fetched the whole 63 KB index, and on a
 * 5,000-article site a 20 KB chunk per word. This module re-cuts the same sorted words into
 * smaller chunks and writes the chunk list Pagefind's metadata holds, by Pagefind's own rules
 * (chunk_index and chunk_meta in its indexer), so its search code reads them unchanged: the same
 * words, pages and locations, in more files. How small is a trade: every chunk adds an entry to
 * the metadata each session loads first, so the size grows with the square root of the index
 * ({@link chunkUnits}).
 *
 * The words are moved as the bytes Pagefind wrote ({@link scanChunk}): the re-cut decodes no
 * location, so its cost is mostly gzip's.
 *
 * Pure: buffers in, buffers out. `scripts/after-pagefind.ts` reads and writes the built site.
 */
import { createHash } from 'node:crypto';
import { decode, encode } from 'cborg';
import { gunzipSync, gzipSync } from 'node:zlib';

/** Every Pagefind file starts with this, before its CBOR body (gzip-compressed on disk). */
const SIGNATURE = 'pagefind_dcd';

/** The Pagefind versions whose file layout this module knows; any other is left alone. */
export const KNOWN_VERSIONS = /^1\.6\./;

/**
 * One word of the index (Pagefind's PackedWord): the word and, per page, its locations in the
 * body and in the metadata fields (weight markers included).
 */
export type IndexWord = [
	word: string,
	pages: [page: number, locations: number[], metaLocations?: number[], ...rest: unknown[]][],
	...rest: unknown[],
];

/**
 * One word of the index as the re-cut moves it: the word, its size in units ({@link wordUnits})
 * and its CBOR bytes, which go into the new chunk as they are.
 */
export interface EncodedWord {
	word: string;
	units: number;
	/** How many pages hold it. */
	pages: number;
	bytes: Uint8Array;
}

/** One entry of the metadata's chunk list: words from `from` to `to` are in chunk `hash`. */
export type ChunkRange = [from: string, to: string, hash: string];

/** Pagefind's size of a word in a chunk: one per page holding it plus one per location. */
export function wordUnits(word: IndexWord): number {
	return word[1].reduce((sum, [, locations, meta = []]) => sum + locations.length + meta.length + 1, 0);
}

/** Smallest chunk, in units: smaller chunks would mostly add requests. */
export const MIN_CHUNK_UNITS = 2000;
/**
 * How the size grows with the index: as its square root, since each chunk adds an entry (about
 * 10 compressed bytes) to the metadata every session loads, and a bigger chunk costs each query
 * word that loads it. The factor is measured: over the golden questions' words on the
 * 5,000-article site (6.2 million units; common words left out, a word's forms kept in one
 * chunk), the metadata plus the chunks a question loads averaged 45.9 KB at 2,000 units a chunk,
 * 47.9 KB at 2,800 and 51.3 KB at 3,800 (what an earlier model of four chunks a query chose).
 * At 0.65 that site gets 2,000.
 */
const SIZE_FACTOR = 0.65;

/** Units per chunk for an index of `totalUnits`: see {@link SIZE_FACTOR}. */
export function chunkUnits(totalUnits: number): number {
	const best = Math.sqrt(totalUnits * SIZE_FACTOR);
	return Math.max(MIN_CHUNK_UNITS, Math.round(best));
}

const wordOf = (w: IndexWord | EncodedWord): string => (Array.isArray(w) ? w[0] : w.word);
const unitsOf = (w: IndexWord | EncodedWord): number => (Array.isArray(w) ? wordUnits(w) : w.units);

/**
 * A word of this many chunks' units or more gets a chunk of its own ({@link cutChunks}). Each
 * extra chunk costs every session about 14 bytes of metadata; a word this large (on the
 * 5,000-article site, over about 7,600 locations: 5 KB or more compressed) costs each query of a
 * rarer neighbour more. Measured there over the golden questions' words (common words left out,
 * src/lib/search/common-words.ts; 3,800 units a chunk, cut anywhere): at 2, 176 more chunks
 * (2.2 KB more metadata) and 4.6 KB less of chunks per question on average, 55 → 43 KB for the
 * heaviest; at 4, 1.0 KB more and 1.7 KB less; at 1, 4.4 KB more and 6.6 KB less.
 */
export const ISOLATED_WORD_CHUNKS = 2;

/**
 * Words sharing this many first characters stay in one chunk ({@link mayCut}). Pagefind loads
 * the chunk of the word as typed and of its stem ("takes" and "take"), and matches a word's
 * longer forms ("take" → "taken", "takeover") only within the chunk it loaded: so a word, its
 * stem and its other forms, which share their first four letters, are best read from one chunk.
 * On the 5,000-article site "takes" cost a second chunk of 8.7 KB before.
 */
export const KEPT_PREFIX = 4;

/** Whether a chunk may end between `last` and `next`: they share fewer than {@link KEPT_PREFIX} characters. */
export function mayCut(last: string, next: string): boolean {
	const a = Array.from(last);
	const b = Array.from(next);
	let common = 0;
	while (common < KEPT_PREFIX && common < a.length && common < b.length && a[common] === b[common]) common++;
	return common < KEPT_PREFIX;
}

/**
 * Pagefind's chunk_index: words in order, a chunk closed as soon as its units reach `units`,
 * so a word is never split and a chunk may exceed `units` by its last word. With `bounded`, a
 * chunk ends only where {@link mayCut} allows (so a word's forms share its chunk), and a word
 * of {@link ISOLATED_WORD_CHUNKS} chunks' units or more (a common word on thousands of pages)
 * starts a chunk of its own where it may: a rarer word then never pays for such a neighbour (on
 * the 5,000-article site "merging" shared a chunk with "messag", 24 KB). Such chunks need the
 * bounds {@link chunkRanges} writes with `spanGaps`.
 */
export function cutChunks<W extends IndexWord | EncodedWord>(words: readonly W[], units: number, { bounded = false } = {}): W[][] {
	const chunks: W[][] = [];
	let chunk: W[] = [];
	let size = 0;
	const close = () => {
		chunks.push(chunk);
		chunk = [];
		size = 0;
	};
	words.forEach((word, i) => {
		const wordSize = unitsOf(word);
		const last = chunk.at(-1);
		if (bounded && last && wordSize >= ISOLATED_WORD_CHUNKS * units && mayCut(wordOf(last), wordOf(word))) close();
		size += wordSize;
		chunk.push(word);
		const next = words[i + 1];
		if (size >= units && (!bounded || !next || mayCut(wordOf(word), wordOf(next)))) close();
	});
	if (chunk.length > 0) chunks.push(chunk);
	return chunks;
}

/**
 * Pagefind's get_prefixes: the shortest starts of two neighbouring chunks' last and first words
 * that tell them apart, compared by character as Rust's `chars()` does.
 */
export function boundaryPrefixes(last: string, first: string): [string, string] {
	const a = Array.from(last);
	const b = Array.from(first);
	let common = 0;
	while (common < a.length && common < b.length && a[common] === b[common]) common++;
	return [a.slice(0, common + 1).join(''), b.slice(0, common + 1).join('')];
}

/** The last Unicode scalar value (a noncharacter: no text holds it). */
const LAST_CHAR = '\u{10FFFF}';

/**
 * An upper bound for a chunk ending with `last` before a chunk whose lower bound is `from` (a
 * start of its first word, as {@link boundaryPrefixes} cuts it): the greatest short string below
 * `from`, so that every string between the two words, a form of `last` not in the index
 * included ("takes" after "takeover"), is within this chunk's bounds. `last` itself when no
 * such string is shorter.
 */
export function spanningBound(last: string, from: string): string {
	const a = Array.from(last);
	const b = Array.from(from);
	let common = 0;
	while (common < a.length && common < b.length && a[common] === b[common]) common++;
	if (common >= b.length) return last;
	let below = b[common]!.codePointAt(0)! - 1;
	if (below >= 0xd800 && below <= 0xdfff) below = 0xd7ff;
	if (below < 0) return last;
	return [...b.slice(0, common), String.fromCodePoint(below), LAST_CHAR].join('');
}

/**
 * Pagefind's chunk_meta: each chunk's word range, neighbours' bounds cut to their prefixes.
 * Pagefind's search code loads the chunk whose bounds hold the searched word; when the upper
 * bound is cut shorter than the chunk's last word ("aa" before "z" becomes "a"), that word and
 * its neighbours fall outside and are found only through a looser fallback that can load the
 * wrong chunk. With `spanGaps`, an upper bound reaches up to the next chunk's lower bound
 * instead ({@link spanningBound}): every word is within its own chunk's bounds wherever the
 * chunks were cut, and so is any string between two chunks' words, such as a form of a word the
 * index holds only by its stem; the first and last chunks reach to either end.
 */
export function chunkRanges(
	chunks: readonly (readonly (IndexWord | EncodedWord)[])[],
	hashes: readonly string[],
	{ spanGaps = false } = {},
): ChunkRange[] {
	const ranges: ChunkRange[] = chunks.map((chunk, i) => {
		const first = chunk[0];
		const last = chunk.at(-1);
		return [first ? wordOf(first) : '', last ? wordOf(last) : '', hashes[i]!];
	});
	for (let i = 0; i + 1 < ranges.length; i++) {
		const [to, from] = boundaryPrefixes(ranges[i]![1], ranges[i + 1]![0]);
		ranges[i]![1] = spanGaps ? spanningBound(ranges[i]![1], from) : to;
		ranges[i + 1]![0] = from;
	}
	if (spanGaps && ranges.length > 0) {
		// The first and last chunks reach to either end: a form sorting before the first word or
		// after the last one is theirs too.
		ranges[0]![0] = '';
		ranges.at(-1)![1] = LAST_CHAR;
	}
	return ranges;
}

/** A Pagefind file's body: the CBOR after the signature, from the gzip-compressed file. */
export function readPagefindFile(file: Uint8Array, name: string): unknown {
	return decode(readPagefindBytes(file, name));
}

/** A Pagefind file's body bytes (CBOR, or a fragment's JSON), after the signature, from the gzip-compressed file. */
export function readPagefindBytes(file: Uint8Array, name: string): Buffer {
	let raw: Buffer;
	try {
		raw = gunzipSync(file);
	} catch (cause) {
		throw new Error(`${name}: not a gzip-compressed Pagefind file`, { cause });
	}
	if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
		throw new Error(`${name}: does not start with Pagefind's signature "${SIGNATURE}"`);
	}
	return raw.subarray(SIGNATURE.length);
}

/** A Pagefind file from its body, as Pagefind writes it. */
export function writePagefindFile(body: unknown): Buffer {
	return wrapPagefind(encode(body));
}

/** A Pagefind file from its body bytes: the signature, then the body, gzip-compressed. */
export function wrapPagefind(body: Uint8Array): Buffer {
	return gzipPagefind(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), body]));
}

/**
 * A name for a file from its content, as Pagefind names its own: the language, an underscore
 * and the first `length` hex digits of a hash, longer while it collides with a taken name.
 */
export function contentName(
	language: string,
	content: Uint8Array,
	length: number,
	taken: { has(name: string): boolean },
): string {
	const hash = createHash('sha256').update(content).digest('hex');
	for (let n = length; n <= hash.length; n++) {
		const name = `${language}_${hash.slice(0, n)}`;
		if (!taken.has(name)) return name;
	}
	throw new Error(`two chunks of language ${language} have the same content`);
}

/** The metadata's fields this module reads: its version and chunk list (the rest is kept). */
interface Metadata {
	body: unknown[];
	version: string;
	ranges: ChunkRange[];
}

/**
 * Where Pagefind's metadata keeps what (an array): its version, its pages ([fragment name, word
 * count, group name] each), its chunk list, its filters ([name, file] each), its sort orders and
 * the names of the metadata fields its words' locations number. Every module that reads or
 * writes the metadata takes the places from here.
 */
export const META_VERSION = 0;
export const META_PAGES = 1;
export const META_CHUNKS = 2;
export const META_FILTERS = 3;
export const META_SORTS = 4;
export const META_FIELDS = 5;

export function parseMetadata(file: Uint8Array, name: string): Metadata {
	const body = readPagefindFile(file, name);
	if (!Array.isArray(body)) throw new Error(`${name}: not Pagefind metadata as this version of Tier Zero knows it`);
	const version: unknown = body[META_VERSION];
	const ranges: unknown = body[META_CHUNKS];
	if (typeof version !== 'string' || !Array.isArray(ranges)) {
		throw new Error(`${name}: not Pagefind metadata as this version of Tier Zero knows it`);
	}
	if (!ranges.every((r) => Array.isArray(r) && r.length === 3 && r.every((part: unknown) => typeof part === 'string'))) {
		throw new Error(`${name}: its chunk list is not [from, to, hash] entries`);
	}
	return { body, version, ranges: ranges as ChunkRange[] };
}

/** The words of one index chunk, checked for the shape {@link IndexWord} describes. */
export function parseChunk(file: Uint8Array, name: string): IndexWord[] {
	return chunkWords(decode(readPagefindBytes(file, name)), name);
}

function chunkWords(body: unknown, name: string): IndexWord[] {
	const words = Array.isArray(body) ? body[0] : undefined;
	if (!Array.isArray(body) || body.length !== 1 || !Array.isArray(words)) {
		throw new Error(`${name}: not a Pagefind index chunk as this version of Tier Zero knows it`);
	}
	for (const word of words) {
		const ok =
			Array.isArray(word) &&
			typeof word[0] === 'string' &&
			Array.isArray(word[1]) &&
			word[1].every(
				(page: unknown) =>
					Array.isArray(page) &&
					typeof page[0] === 'number' &&
					Array.isArray(page[1]) &&
					(page[2] === undefined || Array.isArray(page[2])),
			);
		if (!ok) throw new Error(`${name}: a word entry is not [word, [[page, locations, …], …], …]`);
	}
	return words as IndexWord[];
}

/**
 * The words of one index chunk as their encoded bytes: {@link scanChunk}'s, or, for a chunk it
 * does not take, each word decoded and encoded again, which is what cborg would write for it.
 */
export function encodedWords(file: Uint8Array, name: string): EncodedWord[] {
	const body = readPagefindBytes(file, name);
	return (
		scanChunk(body) ??
		chunkWords(decode(body), name).map((word) => ({ word: word[0], units: wordUnits(word), pages: word[1].length, bytes: encode(word) }))
	);
}

/** Compresses a Pagefind file's bytes, or gives those kept from before. */
export type Compress = (raw: Buffer) => Buffer;

/**
 * gzip as the build writes Pagefind's files: level 6 with zlib's largest memory level, not the
 * level 9 Pagefind uses. On the 10,000-article index (1,146 chunks, 28.9 MB raw) level 9 took
 * 2.84 s for 11.235 MB, this 0.89 s for 11.343 MB (+1 %, under 1 KB of a first query); the
 * fragments come out within 0.2 % of level 9's size at half its time.
 */
export const GZIP_OPTIONS = { level: 6, memLevel: 9 } as const;
export const gzipPagefind: Compress = (raw) => gzipSync(raw, GZIP_OPTIONS);

/** A chunk file of these words, byte for byte what `writePagefindFile([words decoded])` writes. */
export function writeChunkFile(words: readonly EncodedWord[], compress: Compress = gzipPagefind): Buffer {
	const parts: Uint8Array[] = [Buffer.from(SIGNATURE, 'latin1'), arrayHead(1), arrayHead(words.length)];
	for (const w of words) parts.push(w.bytes);
	return compress(Buffer.concat(parts));
}

/** The shortest CBOR head of a major type and value (below 2^32), as cborg writes it. */
function cborHead(major: number, value: number): Uint8Array {
	const m = major << 5;
	if (value < 24) return Uint8Array.of(m | value);
	if (value < 0x100) return Uint8Array.of(m | 24, value);
	if (value < 0x10000) return Uint8Array.of(m | 25, value >> 8, value & 0xff);
	return Uint8Array.of(m | 26, value >>> 24, (value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff);
}

/** The shortest head of a CBOR array of `length` items, as cborg writes it. */
const arrayHead = (length: number): Uint8Array => cborHead(4, length);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads the CBOR of a chunk's body item by item without building it: where each word entry
 * starts and ends, its word, and its units from the lengths of its location arrays. It takes
 * only bytes that decoding and encoding again with cborg would give back unchanged: every head in
 * its shortest form, definite lengths, integers below 2^32, valid UTF-8 without a leading byte
 * order mark, no maps, tags or floats. Anything else (Pagefind writes none of it) gives null,
 * and the caller decodes the chunk instead.
 */
export function scanChunk(body: Uint8Array): EncodedWord[] | null {
	const r = new CborScan(body);
	if (r.head() !== ARRAY || r.value !== 1 || r.head() !== ARRAY) return null;
	const count = r.value;
	const words: EncodedWord[] = [];
	for (let i = 0; i < count; i++) {
		const start = r.pos;
		// [word, [[page, locations, metaLocations?, …], …], …]
		if (r.head() !== ARRAY || r.value < 2) return null;
		const fields = r.value;
		if (r.head() !== TEXT) return null;
		const word = r.text();
		if (word === null || r.head() !== ARRAY) return null;
		const pages = r.value;
		let units = 0;
		for (let p = 0; p < pages; p++) {
			if (r.head() !== ARRAY || r.value < 2) return null;
			const pageFields = r.value;
			const number = r.head();
			if ((number !== UINT && number !== NEGINT) || r.head() !== ARRAY) return null;
			const locations = r.value;
			for (let l = 0; l < locations; l++) if (!r.skip()) return null;
			units += locations + 1;
			if (pageFields > 2) {
				if (r.head() !== ARRAY) return null;
				const meta = r.value;
				for (let l = 0; l < meta; l++) if (!r.skip()) return null;
				units += meta;
				for (let f = 3; f < pageFields; f++) if (!r.skip()) return null;
			}
		}
		for (let f = 2; f < fields; f++) if (!r.skip()) return null;
		words.push({ word, units, pages, bytes: body.subarray(start, r.pos) });
	}
	return r.pos === body.length ? words : null;
}

/**
 * Whether a word entry's bytes list a page that `has` holds, in its pages or its variants' (the
 * numbers as Pagefind writes them, each the difference to the previous page's), read without
 * building the entry; null for bytes {@link scanChunk} would not take. It allocates nothing,
 * unlike {@link scanEntry}: a splice asks it of every word of the index.
 */
export function entryHasPage(bytes: Uint8Array, has: (page: number) => boolean): boolean | null {
	const r = new CborScan(bytes);
	// [word, [[page, …], …], [[form, [[page, …], …]], …]?, …]
	const skipText = () => r.head() === TEXT && ((r.pos += r.value), true);
	let found = false;
	const pages = () => scanPages(r, (page) => (found ||= has(page)));
	if (r.head() !== ARRAY || r.value < 2) return null;
	const fields = r.value;
	if (!skipText() || !pages()) return null;
	if (fields > 2) {
		if (r.head() !== ARRAY) return null;
		const variants = r.value;
		for (let v = 0; v < variants; v++) {
			if (r.head() !== ARRAY || r.value < 2) return null;
			const variantFields = r.value;
			if (!skipText() || !pages()) return null;
			for (let f = 2; f < variantFields; f++) if (!r.skip()) return null;
		}
		for (let f = 3; f < fields; f++) if (!r.skip()) return null;
	}
	return r.pos === bytes.length ? found : null;
}

/**
 * Reads the page list of a word entry (or of a variant) at the cursor: for each page, `onPage`
 * gets its number (absolute), the difference it was written with, where its entry starts, where
 * the number starts and ends, and its units (its locations in the body and metadata fields, plus
 * one); the entry ends at the cursor. False for bytes {@link scanChunk} would not take.
 */
function scanPages(r: CborScan, onPage: (page: number, delta: number, start: number, numberAt: number, tailAt: number, units: number) => void): boolean {
	if (r.head() !== ARRAY) return false;
	const count = r.value;
	let page = 0;
	for (let p = 0; p < count; p++) {
		const start = r.pos;
		if (r.head() !== ARRAY || r.value < 1) return false;
		const fields = r.value;
		const numberAt = r.pos;
		if (r.head() !== UINT) return false;
		const delta = r.value;
		page += delta;
		const tailAt = r.pos;
		let units = 1;
		for (let f = 1; f < fields; f++) {
			if (f <= 2) {
				// The locations, then the metadata locations: arrays of integers.
				if (r.head() !== ARRAY) return false;
				const n = r.value;
				units += n;
				for (let l = 0; l < n; l++) if (!r.skip()) return false;
			} else if (!r.skip()) return false;
		}
		onPage(page, delta, start, numberAt, tailAt, units);
	}
	return true;
}

/**
 * A page of a word entry as bytes: its number (absolute), and the bytes of its entry before and
 * after the number, which Pagefind writes as the difference to the previous page's.
 */
export interface EntryPage {
	page: number;
	/** The difference to the previous page's number the entry was written with. */
	delta: number;
	head: Uint8Array;
	tail: Uint8Array;
	/** Its locations, in the body and metadata fields, plus one: its part of the word's units. */
	units: number;
}

/** A word entry as bytes, taken apart where its page numbers are ({@link scanEntry}). */
export interface ScannedEntry {
	word: string;
	/** The CBOR item of the word. */
	wordItem: Uint8Array;
	pages: EntryPage[];
	/** The variants' forms (as items) and pages; null when the entry has no variant list. */
	variants: { formItem: Uint8Array; form: string; pages: EntryPage[]; rest: Uint8Array; fields: number }[] | null;
	/** The entry's fields after the variant list, as bytes, and how many fields it has in all. */
	rest: Uint8Array;
	fields: number;
}

/**
 * Takes a word entry apart as bytes: each page's entry around its number, so pages can be
 * dropped, renumbered and added ({@link writeEntry}) without decoding a location. Null for bytes
 * {@link scanChunk} would not take.
 */
export function scanEntry(bytes: Uint8Array): ScannedEntry | null {
	const r = new CborScan(bytes);
	const item = (from: number) => bytes.subarray(from, r.pos);
	const pages = (): EntryPage[] | null => {
		const list: EntryPage[] = [];
		const ok = scanPages(r, (page, delta, start, numberAt, tailAt, units) =>
			list.push({ page, delta, head: bytes.subarray(start, numberAt), tail: item(tailAt), units }),
		);
		return ok ? list : null;
	};
	if (r.head() !== ARRAY || r.value < 2) return null;
	const fields = r.value;
	const wordAt = r.pos;
	if (r.head() !== TEXT) return null;
	const word = r.text();
	if (word === null) return null;
	const wordItem = item(wordAt);
	const wordPages = pages();
	if (!wordPages) return null;
	let variants: ScannedEntry['variants'] = null;
	if (fields > 2) {
		if (r.head() !== ARRAY) return null;
		const count = r.value;
		variants = [];
		for (let v = 0; v < count; v++) {
			if (r.head() !== ARRAY || r.value < 2) return null;
			const variantFields = r.value;
			const formAt = r.pos;
			if (r.head() !== TEXT) return null;
			const form = r.text();
			if (form === null) return null;
			const formItem = item(formAt);
			const formPages = pages();
			if (!formPages) return null;
			const restAt = r.pos;
			for (let f = 2; f < variantFields; f++) if (!r.skip()) return null;
			variants.push({ formItem, form, pages: formPages, rest: item(restAt), fields: variantFields });
		}
	}
	const restAt = r.pos;
	for (let f = 3; f < fields; f++) if (!r.skip()) return null;
	if (r.pos !== bytes.length) return null;
	return { word, wordItem, pages: wordPages, variants, rest: item(restAt), fields };
}

/** A word entry's bytes from its parts, pages in order of number, each number written as the difference to the previous one. */
export function writeEntry(entry: ScannedEntry): EncodedWord {
	// The bytes go out as views of the entries they came from: where a page follows the page it
	// followed before, with the same difference, its bytes are where they were, and runs of such
	// pages (most of a common word's thousands) are copied as one range.
	const out: Uint8Array[] = [];
	let run: Uint8Array | null = null;
	let runEnd = 0;
	const emit = (bytes: Uint8Array, start = 0, end = bytes.length) => {
		if (run && run.buffer === bytes.buffer && runEnd === bytes.byteOffset + start) {
			runEnd = bytes.byteOffset + end;
			return;
		}
		if (run) out.push(new Uint8Array(run.buffer, run.byteOffset, runEnd - run.byteOffset));
		run = bytes.subarray(start, start);
		runEnd = bytes.byteOffset + end;
	};
	const pages = (list: EntryPage[]) => {
		list.sort((a, b) => a.page - b.page);
		emit(arrayHead(list.length));
		let last = 0;
		for (const p of list) {
			if (p.delta === p.page - last && p.head.buffer === p.tail.buffer) {
				// Head, number and tail as they were: one range of the source.
				const whole = new Uint8Array(p.head.buffer, p.head.byteOffset, p.tail.byteOffset + p.tail.length - p.head.byteOffset);
				emit(whole);
			} else {
				emit(p.head);
				emit(cborHead(UINT, p.page - last));
				emit(p.tail);
			}
			last = p.page;
		}
	};
	emit(arrayHead(entry.fields));
	emit(entry.wordItem);
	pages(entry.pages);
	if (entry.variants) {
		emit(arrayHead(entry.variants.length));
		for (const v of entry.variants) {
			emit(arrayHead(v.fields));
			emit(v.formItem);
			pages(v.pages);
			emit(v.rest);
		}
	}
	emit(entry.rest);
	if (run) out.push(new Uint8Array((run as Uint8Array).buffer, (run as Uint8Array).byteOffset, runEnd - (run as Uint8Array).byteOffset));
	return {
		word: entry.word,
		units: entry.pages.reduce((sum, p) => sum + p.units, 0),
		pages: entry.pages.length,
		bytes: Buffer.concat(out),
	};
}

/** CBOR major types, as {@link CborScan.head} returns them. */
const UINT = 0;
const NEGINT = 1;
const BYTES = 2;
const TEXT = 3;
const ARRAY = 4;
const SIMPLE = 7;
/** What {@link CborScan.head} returns for a head cborg would not write back as it stands. */
const UNTAKEN = -1;

/** A cursor over CBOR bytes for {@link scanChunk}. */
class CborScan {
	pos = 0;
	/** The value of the last head read: a length, or an integer's magnitude. */
	value = 0;
	private readonly bytes: Uint8Array;
	constructor(bytes: Uint8Array) {
		this.bytes = bytes;
	}

	/**
	 * Reads one head: its major type, with {@link value} set, or {@link UNTAKEN} for a head in a
	 * longer form than needed, of indefinite length, past the end, or of a type not taken.
	 */
	head(): number {
		const b = this.bytes;
		if (this.pos >= b.length) return UNTAKEN;
		const initial = b[this.pos++]!;
		const major = initial >> 5;
		const info = initial & 31;
		if (major === SIMPLE) {
			// false, true, null, undefined: decoded and encoded again as the same byte.
			this.value = info;
			return info >= 20 && info <= 23 ? SIMPLE : UNTAKEN;
		}
		if (major > ARRAY) return UNTAKEN;
		if (info < 24) {
			this.value = info;
		} else if (info === 24) {
			if (this.pos + 1 > b.length) return UNTAKEN;
			this.value = b[this.pos++]!;
			if (this.value < 24) return UNTAKEN;
		} else if (info === 25) {
			if (this.pos + 2 > b.length) return UNTAKEN;
			this.value = (b[this.pos]! << 8) | b[this.pos + 1]!;
			this.pos += 2;
			if (this.value < 0x100) return UNTAKEN;
		} else if (info === 26) {
			if (this.pos + 4 > b.length) return UNTAKEN;
			this.value = b[this.pos]! * 0x1000000 + ((b[this.pos + 1]! << 16) | (b[this.pos + 2]! << 8) | b[this.pos + 3]!);
			this.pos += 4;
			if (this.value < 0x10000) return UNTAKEN;
		} else {
			// 64-bit values (cborg may decode them as BigInt), reserved values, indefinite lengths.
			return UNTAKEN;
		}
		if ((major === BYTES || major === TEXT) && this.pos + this.value > b.length) return UNTAKEN;
		return major;
	}

	/** The text of a TEXT head just read, or null when cborg would not give its bytes back. */
	text(): string | null {
		const end = this.pos + this.value;
		let text: string;
		try {
			text = strictUtf8.decode(this.bytes.subarray(this.pos, end));
		} catch {
			return null;
		}
		// cborg's decoder drops a leading byte order mark, so it would not write it back.
		if (text.startsWith('\uFEFF')) return null;
		this.pos = end;
		return text;
	}

	/** Skips one whole item; false when it or anything in it is not taken. */
	skip(): boolean {
		switch (this.head()) {
			case UINT:
			case NEGINT:
			case SIMPLE:
				return true;
			case BYTES:
				this.pos += this.value;
				return true;
			case TEXT:
				return this.text() !== null;
			case ARRAY: {
				const n = this.value;
				for (let i = 0; i < n; i++) if (!this.skip()) return false;
				return true;
			}
			default:
				return false;
		}
	}
}

/**
 * A tag for this build's new names: `tag`, or, when a name kept from an earlier build already has
 * it (another state of the site with the same 24-bit tag), a hash of it until none has.
 */
export function freeTag(language: string, tag: string, keptNames: Iterable<string | undefined>): string {
	const taken = new Set<string>();
	for (const name of keptNames) if (name) taken.add(name.slice(0, name.indexOf('.')));
	let free = tag;
	while (taken.has(`${language}_${free}`)) free = createHash('sha256').update(free).digest('hex').slice(0, 6);
	return free;
}

/**
 * Names for the chunk files, as the metadata lists them. Pagefind names a chunk by a 7-digit
 * content hash, random digits that do not compress: 2.7 KB of the 33.6 KB of metadata every
 * session loads on the 5,000-article site, once cut into 822 chunks. Here they are
 * `<language>_<tag>.<n>`, n counting in base 36 and the tag hashed from every chunk's bytes, so a
 * name still never stands for two different chunks (a browser may cache them for good), as the
 * fragments are named (fragment-text-fs.ts). `kept` gives the name an earlier build gave a
 * chunk of the same bytes, which it keeps; the others get this build's tag.
 */
export function chunkNames(language: string, files: readonly Uint8Array[], kept: (file: Uint8Array) => string | undefined = () => undefined): string[] {
	const all = createHash('sha256');
	for (const file of files) all.update(createHash('sha256').update(file).digest());
	const keptNames = files.map(kept);
	const tag = freeTag(language, all.digest('hex').slice(0, 6), keptNames);
	return keptNames.map((name, n) => name ?? `${language}_${tag}.${n.toString(36)}`);
}

/** The re-cut index of one language: its new metadata and chunk files by name. */
export interface Rechunked {
	metadata: Buffer;
	chunks: Map<string, Buffer>;
	/** The hashes of the chunks the metadata listed before, which the new ones replace. */
	replaced: string[];
	/** Units per chunk used. */
	units: number;
	/** The index's words, in order. */
	words: EncodedWord[];
}

/**
 * Re-cuts one language's index. `readChunk` returns a chunk file by its hash (as listed in the
 * metadata). The words are taken in the metadata's chunk order, which Pagefind sorted.
 * `keptName` gives a chunk's name from an earlier build (see {@link chunkNames}).
 */
export function rechunk(
	metadataFile: Uint8Array,
	metadataName: string,
	readChunk: (hash: string) => Uint8Array,
	units?: number,
	compress: Compress = gzipPagefind,
	keptName?: (file: Uint8Array) => string | undefined,
): Rechunked {
	const meta = parseMetadata(metadataFile, metadataName);
	if (!KNOWN_VERSIONS.test(meta.version)) {
		throw new Error(`${metadataName}: Pagefind ${meta.version}, whose index layout this code does not know (it knows ${KNOWN_VERSIONS.source})`);
	}
	const words = meta.ranges.flatMap(([, , hash]) => encodedWords(readChunk(hash), `${hash}.pf_index`));
	const total = words.reduce((sum, word) => sum + word.units, 0);
	const size = units ?? chunkUnits(total);
	const cut = cutChunks(words, size, { bounded: true });
	const language = meta.ranges[0]?.[2].split('_')[0] ?? 'unknown';
	const files = cut.map((chunk) => writeChunkFile(chunk, compress));
	const hashes = chunkNames(language, files, keptName);
	const chunks = new Map(hashes.map((name, i) => [name, files[i]!]));
	const body = [...meta.body];
	body[META_CHUNKS] = chunkRanges(cut, hashes, { spanGaps: true });
	const replaced = meta.ranges.map(([, , hash]) => hash);
	return { metadata: writePagefindFile(body), chunks, replaced, units: size, words };
}
