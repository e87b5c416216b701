/**
 * A Pagefind index brought up to date by splicing, instead of indexing the whole site again.
 * Pagefind has no incremental mode: after one edit it parses every page once more (20 s of CPU on
 * a 5,000-article site, the largest part of a rebuild). But everything it writes is per page
 * except how the pages are numbered: a word's entry lists, per page, where the word is; a
 * filter's value lists pages; the metadata lists each page's fragment. So the pages that changed
 * are indexed alone, by Pagefind itself (its own tokenizer, stemmer and weights), and their
 * entries replace those of the pages they were in the last index; unchanged words are moved as
 * the bytes Pagefind wrote.
 *
 * The result is the index a full run gives, up to the order of the pages: an edited page keeps
 * its number, a new page takes the number of a removed one or comes last, and a removed page's
 * number is taken by the last page. Pagefind itself numbers the pages in the order it found them.
 * Anything this code cannot splice exactly (sort orders, a metadata field no page had before,
 * another language, a fragment whose name is taken) is reported, and the caller runs Pagefind in
 * full.
 *
 * Pure: files in, files out. `pagefind-incremental-fs.ts` reads and writes the site and cache.
 */
import { decode, encode } from 'cborg';
import { gzipSync } from 'node:zlib';
import {
	chunkRanges,
	contentName,
	cutChunks,
	encodedWords,
	entryHasPage,
	KNOWN_VERSIONS,
	META_CHUNKS,
	META_FIELDS,
	META_FILTERS,
	META_PAGES,
	META_SORTS,
	META_VERSION,
	readPagefindFile,
	scanEntry,
	wrapPagefind,
	writeChunkFile,
	writeEntry,
	type Compress,
	type EncodedWord,
	type EntryPage,
	type ScannedEntry,
} from './index-chunks.ts';

/** Pagefind's chunk size in units (its indexer's `index_chunk_size`); the step after Pagefind re-cuts the chunks anyway. */
export const PAGEFIND_CHUNK_UNITS = 20_000;

/**
 * The spliced chunks are read once more by the step after Pagefind, which re-cuts them, and by
 * the next splice: stored, not compressed (gzip level 0), they cost neither a compression nor an
 * inflation, for twice the bytes in the build cache.
 */
const gzipStored: Compress = (raw) => gzipSync(raw, { level: 0 });

/** One language's index as Pagefind wrote it: the metadata file and its chunk and filter files by hash. */
export interface LanguageIndex {
	language: string;
	meta: Uint8Array;
	metaName: string;
	chunk(hash: string): Uint8Array;
	filter(hash: string): Uint8Array;
}

/** Which pages of the patch (the changed pages, indexed alone) replace or join which pages of the base. */
export interface SplicePlan {
	/** Base page number → the patch page that replaces it. */
	replaced: ReadonlyMap<number, number>;
	/** Base pages that are gone (their file was removed or is no longer indexed). */
	removed: ReadonlySet<number>;
	/** Patch pages that are new to the site. */
	added: readonly number[];
	/**
	 * A base page indexed again in the patch although it did not change (base and patch number):
	 * both must give it the same fragment, which shows the patch was indexed as the base was. The
	 * base's entries for it stand.
	 */
	anchor?: readonly [base: number, patch: number];
}

/** Where each page of the spliced index comes from: its fragment's name and which index holds the fragment. */
export interface SplicedPage {
	from: 'base' | 'patch';
	/** Its number in the index it comes from. */
	source: number;
	fragment: string;
}

export interface Spliced {
	metaName: string;
	meta: Buffer;
	/** The chunks written anew, by hash. */
	chunks: Map<string, Buffer>;
	/** The base's chunks that are kept as they are (none of their words changed). */
	keptChunks: Set<string>;
	filters: Map<string, Buffer>;
	pages: SplicedPage[];
	/** Words whose entry was rebuilt (the rest were moved as bytes). */
	rebuiltWords: number;
}

/** Why an index cannot be spliced exactly: the caller runs Pagefind in full. */
export class CannotSplice extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CannotSplice';
	}
}


type Meta = unknown[];
type PageEntry = [hash: string, words: number, ...rest: unknown[]];
/** A page of a word entry: its number (as the difference to the previous page's), locations in the body and in metadata fields. */
type WordPage = [page: number, locations: number[], metaLocations: number[], ...rest: unknown[]];
type Variant = [form: string, pages: WordPage[], ...rest: unknown[]];

function readMeta(index: LanguageIndex): Meta {
	const body = readPagefindFile(index.meta, index.metaName);
	const ok =
		Array.isArray(body) &&
		body.length === 6 &&
		typeof body[META_VERSION] === 'string' &&
		[META_PAGES, META_CHUNKS, META_FILTERS, META_SORTS, META_FIELDS].every((i) => Array.isArray(body[i])) &&
		(body[META_PAGES] as unknown[]).every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number');
	if (!ok) throw new CannotSplice(`${index.metaName}: not Pagefind metadata as this code knows it`);
	if (!KNOWN_VERSIONS.test(body[META_VERSION] as string)) {
		throw new CannotSplice(`Pagefind ${String(body[META_VERSION])}, whose index layout this code does not know`);
	}
	return body;
}

/** Compares as Rust compares strings (by UTF-8 bytes, that is by code point), which is how Pagefind sorts its words. */
export function compareWords(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x === y) continue;
		// A surrogate (a code point past U+FFFF) sorts after every other UTF-16 unit.
		const xs = x >= 0xd800 && x <= 0xdfff;
		const ys = y >= 0xd800 && y <= 0xdfff;
		if (xs !== ys) return xs ? 1 : -1;
		return x - y;
	}
	return a.length - b.length;
}

/** The words of an index in order, as bytes. */
function indexWords(index: LanguageIndex, meta: Meta): EncodedWord[] {
	return (meta[META_CHUNKS] as [string, string, string][]).flatMap(([, , hash]) => encodedWords(index.chunk(hash), `${hash}.pf_index`));
}

/** Whether a word entry lists one of the pages `has` holds, read as bytes. */
function entryHas(word: EncodedWord, has: (page: number) => boolean): boolean {
	const found = entryHasPage(word.bytes, has);
	if (found === null) throw new CannotSplice(`the entry of "${word.word}" is in a form this code does not read`);
	return found;
}

/**
 * The numbers of the spliced index: base pages keep theirs, but the last ones, which move into
 * the numbers of removed pages that no new page takes; new pages take removed pages' numbers
 * first, then come last. A replaced page's successor takes its number, wherever that moved.
 */
export function numbering(baseCount: number, plan: SplicePlan): { patchTo: Map<number, number>; moved: Map<number, number>; count: number } {
	const holes = [...plan.removed].sort((a, b) => a - b);
	const added = [...plan.added];
	const patchTo = new Map<number, number>();
	const moved = new Map<number, number>();
	let last = baseCount - 1;
	let count = baseCount;
	for (const hole of holes) {
		if (added.length) {
			patchTo.set(added.shift()!, hole);
			continue;
		}
		while (last > hole && plan.removed.has(last)) last--;
		if (last > hole) moved.set(last--, hole);
		count--;
	}
	for (const patch of added) patchTo.set(patch, count++);
	for (const [base, patch] of plan.replaced) patchTo.set(patch, moved.get(base) ?? base);
	return { patchTo, moved, count };
}

/**
 * The base index with the plan's pages replaced, removed and added from the patch, which is the
 * index Pagefind wrote for the changed pages alone (with the same options). `anchor`, a base page
 * also indexed in the patch unchanged, must come out of both with the same fragment: it proves
 * the patch was indexed as the base was. Its entries in the base stand; the patch's are dropped.
 */
export function spliceIndex(base: LanguageIndex, patch: LanguageIndex, plan: SplicePlan): Spliced {
	if (base.language !== patch.language) throw new CannotSplice(`the changed pages are in ${patch.language}, the site in ${base.language}`);
	const baseMeta = readMeta(base);
	const patchMeta = readMeta(patch);
	if (baseMeta[META_VERSION] !== patchMeta[META_VERSION]) throw new CannotSplice('the changed pages were indexed by another Pagefind version');
	if ((baseMeta[META_SORTS] as unknown[]).length || (patchMeta[META_SORTS] as unknown[]).length) {
		throw new CannotSplice('the site sorts its results (data-pagefind-sort), which depends on every page');
	}
	const basePages = baseMeta[META_PAGES] as PageEntry[];
	const patchPages = patchMeta[META_PAGES] as PageEntry[];
	const baseFields = baseMeta[META_FIELDS] as string[];
	const fieldMap = (patchMeta[META_FIELDS] as string[]).map((field) => {
		const at = baseFields.indexOf(field);
		if (at < 0) throw new CannotSplice(`a changed page has the metadata field "${field}", which no page had before`);
		return at;
	});
	if (plan.anchor) {
		const [baseAnchor, patchAnchor] = plan.anchor;
		if (basePages[baseAnchor]?.[0] !== patchPages[patchAnchor]?.[0]) {
			throw new CannotSplice(`an unchanged page indexed again came out different (fragment ${patchPages[patchAnchor]?.[0]}, before ${basePages[baseAnchor]?.[0]})`);
		}
	}
	const { patchTo, moved, count } = numbering(basePages.length, plan);
	for (const patchPage of patchTo.keys()) {
		if (!patchPages[patchPage]) throw new CannotSplice(`the plan names page ${patchPage} of the changed pages, which has ${patchPages.length}`);
	}
	const gone = new Set<number>([...plan.replaced.keys(), ...plan.removed]);
	const touched = new Set<number>([...gone, ...moved.keys()]);
	const baseTo = (page: number) => moved.get(page) ?? page;

	// A patch word's entry with its metadata field ids in the base's list (decoded only then).
	const sameFields = fieldMap.every((to, from) => to === from);
	const remapFields = (locations: number[]) => locations.map((n) => (n < 0 ? -(fieldMap[-n - 1]! + 1) : n));
	const patchEntry = (word: EncodedWord): ScannedEntry => {
		let bytes = word.bytes;
		if (!sameFields) {
			const [w, pages, variants, ...rest] = decode(bytes) as [string, WordPage[], Variant[] | undefined, ...unknown[]];
			const remap = (list: WordPage[]) => list.map(([page, locations, metaLocations = [], ...more]) => [page, locations, remapFields(metaLocations), ...more]);
			bytes = encode([w, remap(pages), ...(variants ? [variants.map(([form, list, ...more]) => [form, remap(list), ...more])] : []), ...rest]);
		}
		return scanned(bytes);
	};
	const scanned = (bytes: Uint8Array): ScannedEntry => {
		const entry = scanEntry(bytes);
		if (!entry) throw new CannotSplice('a word entry in a form this code does not take apart');
		return entry;
	};

	/** A word's entry from the base's (its gone pages dropped, moved ones renumbered) and the patch's (renumbered). */
	const rebuild = (baseWord: EncodedWord | undefined, patchWord: EncodedWord | undefined): EncodedWord | null => {
		const b = baseWord ? scanned(baseWord.bytes) : undefined;
		const p = patchWord ? patchEntry(patchWord) : undefined;
		// The entries are this call's own: renumbered in place.
		const renumber = (pages: EntryPage[], to: (page: number) => number | undefined) => {
			const kept: EntryPage[] = [];
			for (const page of pages) {
				const number = to(page.page);
				if (number === undefined) continue;
				page.page = number;
				kept.push(page);
			}
			return kept;
		};
		const fromBase = (pages: EntryPage[]) => renumber(pages, (page) => (gone.has(page) ? undefined : baseTo(page)));
		const fromPatch = (pages: EntryPage[]) => renumber(pages, (page) => patchTo.get(page));
		const entry: ScannedEntry = { ...(b ?? p)!, pages: [...(b ? fromBase(b.pages) : []), ...(p ? fromPatch(p.pages) : [])] };
		const variants = new Map<string, NonNullable<ScannedEntry['variants']>[number]>();
		for (const [from, map] of [
			[b, fromBase],
			[p, fromPatch],
		] as const) {
			for (const v of from?.variants ?? []) {
				const pages = map(v.pages);
				const known = variants.get(v.form);
				if (known) known.pages.push(...pages);
				else variants.set(v.form, { ...v, pages });
			}
		}
		entry.variants = (b ?? p)!.variants ? [...variants.values()].filter((v) => v.pages.length) : null;
		if (!entry.pages.length && !entry.variants?.length) return null;
		return writeEntry(entry);
	};

	// Both word lists are sorted as Pagefind sorts them: merged in one pass, chunk by chunk of the
	// base. A chunk none of whose words changes keeps its file; a new word joins the chunk of the
	// base word before it.
	const baseChunks = (baseMeta[META_CHUNKS] as [string, string, string][]).map(([, , hash]) => ({
		hash,
		words: encodedWords(base.chunk(hash), `${hash}.pf_index`),
	}));
	const patchWords = indexWords(patch, patchMeta);
	const patchEntryHas = (word: EncodedWord) => entryHas(word, (page) => patchTo.has(page));
	const outChunks: { hash?: string; words: EncodedWord[] }[] = baseChunks.map(({ hash }) => ({ hash, words: [] }));
	if (!outChunks.length) outChunks.push({ words: [] });
	let rebuiltWords = 0;
	let current = 0;
	let j = 0;
	const take = (baseWord: EncodedWord | undefined, patchWord: EncodedWord | undefined) => {
		const chunk = outChunks[current]!;
		// A word only the anchor has in the patch: the base's entry stands.
		if (patchWord && !patchEntryHas(patchWord)) patchWord = undefined;
		if (!baseWord && !patchWord) return;
		if (baseWord && !patchWord && !entryHas(baseWord, (page) => touched.has(page))) {
			chunk.words.push(baseWord);
			return;
		}
		rebuiltWords++;
		chunk.hash = undefined;
		const entry = rebuild(baseWord, patchWord);
		if (entry) chunk.words.push(entry);
	};
	baseChunks.forEach(({ words }, c) => {
		current = c;
		for (const bw of words) {
			while (j < patchWords.length && compareWords(patchWords[j]!.word, bw.word) < 0) take(undefined, patchWords[j++]);
			const same = j < patchWords.length && patchWords[j]!.word === bw.word;
			take(bw, same ? patchWords[j++] : undefined);
		}
	});
	while (j < patchWords.length) take(undefined, patchWords[j++]);

	// Rewritten chunks much larger than Pagefind's are cut again (as a site grows one page at a time).
	const kept = new Set<string>();
	const cut: { hash?: string; words: EncodedWord[] }[] = [];
	for (const chunk of outChunks) {
		if (chunk.hash) {
			kept.add(chunk.hash);
			cut.push(chunk);
		} else if (chunk.words.length) {
			const units = chunk.words.reduce((sum, w) => sum + w.units, 0);
			for (const words of units > 2 * PAGEFIND_CHUNK_UNITS ? cutChunks(chunk.words, PAGEFIND_CHUNK_UNITS) : [chunk.words]) cut.push({ words });
		}
	}
	const chunks = new Map<string, Buffer>();
	const taken = { has: (name: string) => kept.has(name) || chunks.has(name) };
	const chunkHashes = cut.map(({ hash, words }) => {
		if (hash) return hash;
		const file = writeChunkFile(words, gzipStored);
		const name = contentName(base.language, file, 7, taken);
		chunks.set(name, file);
		return name;
	});

	const filters = spliceFilters(base, baseMeta, patch, patchMeta, gone, baseTo, patchTo);

	const pages: SplicedPage[] = new Array(count);
	const entries: PageEntry[] = new Array(count);
	basePages.forEach((entry, page) => {
		if (gone.has(page)) return;
		entries[baseTo(page)] = entry;
		pages[baseTo(page)] = { from: 'base', source: page, fragment: entry[0] };
	});
	const keptFragments = new Set(pages.filter(Boolean).map((p) => p.fragment));
	for (const [patchPage, to] of patchTo) {
		const entry = patchPages[patchPage]!;
		if (keptFragments.has(entry[0])) throw new CannotSplice(`a changed page's fragment ${entry[0]} has the name of an unchanged page's`);
		entries[to] = entry;
		pages[to] = { from: 'patch', source: patchPage, fragment: entry[0] };
	}
	for (let page = 0; page < count; page++) if (!entries[page]) throw new CannotSplice(`page ${page} of the spliced index has no fragment`);

	const body = [...baseMeta];
	body[META_PAGES] = entries;
	body[META_CHUNKS] = chunkRanges(cut.map((c) => c.words), chunkHashes);
	body[META_FILTERS] = [...filters.list];
	const raw = encode(body);
	const metaHash = contentName(base.language, raw, 10, new Set());
	return { metaName: `pagefind.${metaHash}.pf_meta`, meta: wrapPagefind(raw), chunks, keptChunks: kept, filters: filters.files, pages, rebuiltWords };
}

/** The filter files with the changed pages' values spliced in: [filter, [[value, [pages]]]] each, values sorted. */
function spliceFilters(
	base: LanguageIndex,
	baseMeta: Meta,
	patch: LanguageIndex,
	patchMeta: Meta,
	gone: ReadonlySet<number>,
	baseTo: (page: number) => number,
	patchTo: ReadonlyMap<number, number>,
): { list: [string, string][]; files: Map<string, Buffer> } {
	const values = new Map<string, Map<string, number[]>>();
	const read = (index: LanguageIndex, meta: Meta, map: (page: number) => number | undefined) => {
		for (const [name, hash] of meta[META_FILTERS] as [string, string][]) {
			const body = readPagefindFile(index.filter(hash), `${hash}.pf_filter`);
			if (!Array.isArray(body) || body[0] !== name || !Array.isArray(body[1])) throw new CannotSplice(`${hash}.pf_filter: not a Pagefind filter as this code knows it`);
			const byValue = values.get(name) ?? values.set(name, new Map()).get(name)!;
			for (const [value, pages] of body[1] as [string, number[]][]) {
				const list = byValue.get(value) ?? byValue.set(value, []).get(value)!;
				for (const page of pages) {
					const to = map(page);
					if (to !== undefined) list.push(to);
				}
			}
		}
	};
	read(base, baseMeta, (page) => (gone.has(page) ? undefined : baseTo(page)));
	read(patch, patchMeta, (page) => patchTo.get(page));
	const list: [string, string][] = [];
	const files = new Map<string, Buffer>();
	for (const name of [...values.keys()].sort(compareWords)) {
		const byValue = [...values.get(name)!]
			.filter(([, pages]) => pages.length)
			.sort(([a], [b]) => compareWords(a, b))
			.map(([value, pages]) => [value, pages.sort((a, b) => a - b)]);
		if (!byValue.length) continue;
		const file = wrapPagefind(encode([name, byValue]));
		const hash = contentName(base.language, file, 7, files);
		files.set(hash, file);
		list.push([name, hash]);
	}
	return { list, files };
}
