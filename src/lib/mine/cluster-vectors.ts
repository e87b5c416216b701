/**
 * Sparse TF-IDF vectors for short texts, stored as compressed rows in typed arrays so a hundred
 * thousand tickets fit in a few tens of megabytes. Features are hashed (FNV-1a) into a fixed space,
 * which bounds memory however large the vocabulary of a million tickets grows; a collision only
 * merges two rare features.
 */
import { charNgrams, type Token } from './text.ts';

/** Rows of a sparse matrix: row r is ids/vals[offsets[r] .. offsets[r+1]), ids ascending. */
export interface SparseRows {
	offsets: Int32Array;
	ids: Int32Array;
	vals: Float32Array;
}

/** Which features a ticket contributes, and how much each family counts. */
export interface FeatureOptions {
	/** Adjacent stem pairs ("card arriv") as features. */
	bigrams: boolean;
	/** Character n-gram lengths taken from each content word (empty for none). */
	charN: readonly number[];
	/** Weight of the character family relative to the word family (each L2-normalised first). */
	charWeight: number;
	/** Keep only this many strongest features per ticket, so long emails cannot dominate. */
	maxFeatures: number;
}

export const DEFAULT_FEATURES: FeatureOptions = {
	bigrams: true,
	charN: [],
	charWeight: 0.5,
	maxFeatures: 48,
};

/** log2 of the hashed feature space. 2^22 slots keep collisions negligible for ticket vocabularies. */
const HASH_BITS = 22;
export const HASH_SIZE = 1 << HASH_BITS;
const HASH_MASK = HASH_SIZE - 1;

/** FNV-1a over UTF-16 code units, folded into the feature space; the family salt separates words from char n-grams. */
export function hashFeature(s: string, salt: number): number {
	let h = 0x811c9dc5 ^ salt;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0) & HASH_MASK;
}

const WORD_SALT = 0;
const CHAR_SALT = 0x5bd1e995;

/** Raw term counts of one ticket, per family: hashed id → count. */
export interface RawFeatures {
	word: Map<number, number>;
	char: Map<number, number>;
}

/** Counts the word (and optionally bigram and character n-gram) features of an analysed ticket. */
export function rawFeatures(tokens: readonly Token[], opts: FeatureOptions): RawFeatures {
	const word = new Map<number, number>();
	const char = new Map<number, number>();
	const add = (m: Map<number, number>, id: number): void => {
		m.set(id, (m.get(id) ?? 0) + 1);
	};
	for (let i = 0; i < tokens.length; i++) {
		add(word, hashFeature(tokens[i]!.stem, WORD_SALT));
		if (opts.bigrams && i + 1 < tokens.length) {
			add(word, hashFeature(`${tokens[i]!.stem} ${tokens[i + 1]!.stem}`, WORD_SALT));
		}
	}
	if (opts.charN.length > 0) {
		const surfaces = tokens.map((t) => t.surface);
		for (const n of opts.charN) for (const g of charNgrams(surfaces, n)) add(char, hashFeature(g, CHAR_SALT));
	}
	return { word, char };
}

/** Document frequencies over the hashed space. */
export function documentFrequencies(features: readonly RawFeatures[]): Int32Array {
	const df = new Int32Array(HASH_SIZE);
	for (const f of features) {
		for (const id of f.word.keys()) df[id]!++;
		for (const id of f.char.keys()) df[id]!++;
	}
	return df;
}

/** Smoothed inverse document frequency, as scikit-learn's TfidfVectorizer: ln((1+N)/(1+df)) + 1. */
export function idf(df: number, n: number): number {
	return Math.log((1 + n) / (1 + df)) + 1;
}

/**
 * One ticket's L2-normalised vector: sublinear tf (1 + ln tf) × idf per family, each family
 * normalised, the character family scaled by `charWeight`, truncated to `maxFeatures`, and
 * normalised again. Returns ids ascending.
 */
export function weightFeatures(
	raw: RawFeatures,
	df: Int32Array,
	n: number,
	opts: FeatureOptions,
): { ids: number[]; vals: number[] } {
	const entries: Array<[number, number]> = [];
	const family = (m: Map<number, number>, scale: number): void => {
		const start = entries.length;
		let norm = 0;
		for (const [id, tf] of m) {
			const w = (1 + Math.log(tf)) * idf(df[id]!, n);
			entries.push([id, w]);
			norm += w * w;
		}
		norm = Math.sqrt(norm);
		if (norm > 0) for (let i = start; i < entries.length; i++) entries[i]![1] *= scale / norm;
	};
	family(raw.word, 1);
	if (raw.char.size > 0) family(raw.char, opts.charWeight);
	// Same id from both families (a hash collision) is summed.
	entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	const merged = new Map<number, number>();
	for (const [id, w] of entries) {
		if (merged.size >= opts.maxFeatures && !merged.has(id)) continue;
		merged.set(id, (merged.get(id) ?? 0) + w);
	}
	const ids = [...merged.keys()].sort((a, b) => a - b);
	let norm = 0;
	for (const id of ids) norm += merged.get(id)! ** 2;
	norm = Math.sqrt(norm) || 1;
	return { ids, vals: ids.map((id) => merged.get(id)! / norm) };
}

/** Packs per-ticket vectors into compressed rows. */
export function packRows(rows: ReadonlyArray<{ ids: readonly number[]; vals: readonly number[] }>): SparseRows {
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
