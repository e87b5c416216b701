/**
 * Sparse TF-IDF vectors for short texts, stored as compressed rows in typed arrays. Features are
 * hashed (FNV-1a) into a fixed space, which bounds memory however large the vocabulary of a
 * million tickets grows; a collision only merges two rare features.
 */
import type { Corpus } from './cluster-corpus.ts';

/** Rows of a sparse matrix: row r is ids/vals[offsets[r] .. offsets[r+1]), ids ascending. */
export interface SparseRows {
	offsets: Int32Array;
	ids: Int32Array;
	vals: Float32Array;
}

/** Which features a ticket contributes, and how much each family counts. */
export interface FeatureOptions {
	/** Weight of the adjacent-stem-pair family ("card arriv") relative to single stems; 0 = off. */
	bigramWeight: number;
	/** Exponent on idf: below 1 keeps rare words (typos, names, amounts) from dominating. */
	idfPower: number;
	/** Character n-gram lengths taken from each content word (empty for none). */
	charN: readonly number[];
	/** Weight of the character family relative to the word family (each L2-normalised first). */
	charWeight: number;
	/** Keep only this many strongest features per ticket, so long emails cannot dominate. */
	maxFeatures: number;
}

/** log2 of the hashed feature space. 2^22 slots keep collisions negligible for ticket vocabularies. */
const HASH_BITS = 22;
export const HASH_SIZE = 1 << HASH_BITS;
const HASH_MASK = HASH_SIZE - 1;
/** Salts keep the families apart: the stem "car" and the 3-gram "car" are different features. */
export const WORD_SALT = 0;
export const BIGRAM_SALT = 0x27d4eb2f;
export const CHAR_SALT = 0x5bd1e995;

/** FNV-1a over UTF-16 code units, folded into the feature space. */
export function hashFeature(s: string, salt: number): number {
	let h = 0x811c9dc5 ^ salt;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) & HASH_MASK;
}

/** Raw term counts of one ticket, per family: hashed id → count. */
export interface RawFeatures {
	word: Map<number, number>;
	bigram: Map<number, number>;
	char: Map<number, number>;
}

function bump(m: Map<number, number>, id: number): void {
	m.set(id, (m.get(id) ?? 0) + 1);
}

/** Counts the stem, stem-pair and character n-gram features of one corpus node. */
export function nodeFeatures(c: Corpus, node: number, opts: FeatureOptions): RawFeatures {
	const word = new Map<number, number>();
	const bigram = new Map<number, number>();
	const char = new Map<number, number>();
	const end = c.start[node + 1]!;
	for (let p = c.start[node]!; p < end; p++) {
		const w = c.words[p]!;
		const s = c.stemOf[w]!;
		bump(word, c.stemFeature[s]!);
		if (opts.bigramWeight > 0 && p + 1 < end) {
			// Pairs are hashed from the two stem features; no string is built per occurrence.
			const next = c.stemFeature[c.stemOf[c.words[p + 1]!]!]!;
			bump(bigram, (Math.imul(c.stemFeature[s]! ^ BIGRAM_SALT, 0x01000193) ^ next) >>> 10);
		}
		if (opts.charN.length > 0) for (const g of c.charFeatures(w)) bump(char, g);
	}
	return { word, bigram, char };
}

/** Adds a node's distinct features to the document-frequency table. */
export function countDf(df: Int32Array, raw: RawFeatures): void {
	for (const id of raw.word.keys()) df[id]!++;
	for (const id of raw.bigram.keys()) df[id]!++;
	for (const id of raw.char.keys()) df[id]!++;
}

/** Smoothed inverse document frequency, as scikit-learn's TfidfVectorizer: ln((1+N)/(1+df)) + 1. */
export function idf(df: number, n: number): number {
	return Math.log((1 + n) / (1 + df)) + 1;
}

/** Sparse vector as parallel arrays, ids ascending. */
export interface SparseVector {
	ids: number[];
	vals: number[];
}

/**
 * One ticket's L2-normalised vector: sublinear tf (1 + ln tf) × idf^idfPower per family, each
 * family normalised and scaled by its weight, truncated to `maxFeatures`, normalised again.
 */
export function weightFeatures(
	raw: RawFeatures,
	df: Int32Array,
	n: number,
	opts: FeatureOptions,
): SparseVector {
	const entries: Array<[number, number]> = [];
	const family = (m: Map<number, number>, scale: number): void => {
		if (m.size === 0 || scale <= 0) return;
		const first = entries.length;
		let norm = 0;
		for (const [id, tf] of m) {
			const w = (1 + Math.log(tf)) * idf(df[id]!, n) ** opts.idfPower;
			entries.push([id, w]);
			norm += w * w;
		}
		norm = Math.sqrt(norm);
		for (let i = first; i < entries.length; i++) entries[i]![1] *= scale / norm;
	};
	family(raw.word, 1);
	family(raw.bigram, opts.bigramWeight);
	family(raw.char, opts.charWeight);
	if (entries.length > opts.maxFeatures) {
		entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
		entries.length = opts.maxFeatures;
	}
	// The same id from two families (a hash collision) is summed.
	entries.sort((a, b) => a[0] - b[0]);
	const ids: number[] = [];
	const vals: number[] = [];
	for (const [id, w] of entries) {
		if (ids.length > 0 && ids[ids.length - 1] === id) vals[vals.length - 1]! += w;
		else {
			ids.push(id);
			vals.push(w);
		}
	}
	let norm = 0;
	for (const v of vals) norm += v * v;
	norm = Math.sqrt(norm) || 1;
	for (let i = 0; i < vals.length; i++) vals[i]! /= norm;
	return { ids, vals };
}

/** Packs vectors into compressed rows. */
export function packRows(rows: readonly SparseVector[]): SparseRows {
	let nnz = 0;
	for (const r of rows) nnz += r.ids.length;
	const offsets = new Int32Array(rows.length + 1);
	const ids = new Int32Array(nnz);
	const vals = new Float32Array(nnz);
	let p = 0;
	rows.forEach((r, i) => {
		offsets[i] = p;
		ids.set(r.ids, p);
		vals.set(r.vals, p);
		p += r.ids.length;
	});
	offsets[rows.length] = p;
	return { offsets, ids, vals };
}
