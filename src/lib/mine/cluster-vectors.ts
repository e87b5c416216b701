/**
 * Sparse TF-IDF vectors for short texts. Features are hashed (FNV-1a) into a fixed space, which
 * bounds memory however large the vocabulary of a million tickets grows (a collision only merges
 * two rare features), and are counted in preallocated typed scratch arrays: vectorising a ticket
 * allocates nothing, so a million of them leave no garbage for the collector to chase.
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
	/** Exponent on idf: below 1 keeps rare words (typos, names, amounts) from dominating. */
	idfPower: number;
	/** Character n-gram lengths taken from each content word (empty for none). */
	charN: readonly number[];
	/** Weight of the character family relative to the stem family (each L2-normalised first). */
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

/** Smoothed inverse document frequency, as scikit-learn's TfidfVectorizer: ln((1+N)/(1+df)) + 1. */
export function idf(df: number, n: number): number {
	return Math.log((1 + n) / (1 + df)) + 1;
}

/** Growable Int32 list (amortised doubling): feature ids, corpus offsets, tokens. */
export class IntBuffer {
	data: Int32Array;
	length = 0;
	constructor(capacity = 256) {
		this.data = new Int32Array(capacity);
	}
	push(v: number): void {
		if (this.length === this.data.length) {
			const next = new Int32Array(this.data.length * 2);
			next.set(this.data);
			this.data = next;
		}
		this.data[this.length++] = v;
	}
	view(): Int32Array {
		return this.data.subarray(0, this.length);
	}
}

/** Turns corpus nodes into L2-normalised TF-IDF vectors, reusing its scratch space. */
export class Vectorizer {
	private readonly corpus: Corpus;
	private readonly opts: FeatureOptions;
	private readonly tf = new Float32Array(HASH_SIZE);
	private readonly words = new IntBuffer();
	private readonly chars = new IntBuffer();
	private weights = new Float64Array(256);
	private sorted = new Float64Array(256);
	/** The last vector: ids[0..length) ascending and their values. */
	ids: Int32Array;
	vals: Float32Array;
	length = 0;

	constructor(corpus: Corpus, opts: FeatureOptions) {
		this.corpus = corpus;
		this.opts = opts;
		this.ids = new Int32Array(opts.maxFeatures);
		this.vals = new Float32Array(opts.maxFeatures);
	}

	/** Counts a node's features into the scratch arrays (call `reset` after use). */
	private collect(node: number, withChars: boolean): void {
		const c = this.corpus;
		const { tf, words, chars } = this;
		for (let p = c.start[node]!; p < c.start[node + 1]!; p++) {
			const w = c.words[p]!;
			const id = c.stemFeature[c.stemOf[w]!]!;
			if (tf[id] === 0) words.push(id);
			tf[id]!++;
			if (!withChars) continue;
			for (const g of c.charFeatures(w)) {
				if (tf[g] === 0) chars.push(g);
				tf[g]!++;
			}
		}
	}

	private reset(): void {
		for (let i = 0; i < this.words.length; i++) this.tf[this.words.data[i]!] = 0;
		for (let i = 0; i < this.chars.length; i++) this.tf[this.chars.data[i]!] = 0;
		this.words.length = 0;
		this.chars.length = 0;
	}

	/** Adds each node's distinct features to `df` (document frequencies over those nodes). */
	countDf(nodes: Int32Array, df: Int32Array): void {
		const withChars = this.opts.charN.length > 0 && this.opts.charWeight > 0;
		for (const node of nodes) {
			this.collect(node, withChars);
			for (let i = 0; i < this.words.length; i++) df[this.words.data[i]!]!++;
			for (let i = 0; i < this.chars.length; i++) df[this.chars.data[i]!]!++;
			this.reset();
		}
	}

	/**
	 * The vector of `node` into `ids`/`vals`/`length`: sublinear tf (1 + ln tf) × idf^idfPower per
	 * family, each family normalised and scaled by its weight, the `maxFeatures` strongest kept,
	 * normalised again. `wordsOnly` leaves out the character family and keeps at most `cap`
	 * features (short candidate vectors).
	 */
	vector(
		node: number,
		df: Int32Array,
		n: number,
		wordsOnly = false,
		cap = this.opts.maxFeatures,
	): void {
		const withChars = !wordsOnly && this.opts.charN.length > 0 && this.opts.charWeight > 0;
		this.collect(node, withChars);
		const total = this.words.length + this.chars.length;
		if (this.weights.length < total) this.weights = new Float64Array(total * 2);
		this.weigh(this.words, 0, 1, df, n);
		if (withChars) this.weigh(this.chars, this.words.length, this.opts.charWeight, df, n);
		const weights = this.weights;
		const { ids, vals } = this;
		let len = 0;
		const limit = Math.min(cap, this.opts.maxFeatures);
		if (total <= limit) {
			for (let i = 0; i < total; i++) {
				ids[len] = this.idAt(i);
				vals[len++] = weights[i]!;
			}
		} else {
			// Long tickets: keep the `limit` heaviest. The cut-off weight comes from a native sort
			// of a copy; ties at the cut-off are taken in scratch order, which the text decides.
			if (this.sorted.length < total) this.sorted = new Float64Array(total * 2);
			const sorted = this.sorted.subarray(0, total);
			sorted.set(weights.subarray(0, total));
			sorted.sort();
			const cut = sorted[total - limit]!;
			let above = 0;
			for (let i = 0; i < total; i++) if (weights[i]! > cut) above++;
			let ties = limit - above;
			for (let i = 0; i < total; i++) {
				const w = weights[i]!;
				if (w > cut || (w === cut && ties-- > 0)) {
					ids[len] = this.idAt(i);
					vals[len++] = w;
				}
			}
		}
		// Insertion sort by id: a ticket has a few dozen features, and this allocates nothing.
		for (let i = 1; i < len; i++) {
			const id = ids[i]!;
			const v = vals[i]!;
			let j = i - 1;
			while (j >= 0 && ids[j]! > id) {
				ids[j + 1] = ids[j]!;
				vals[j + 1] = vals[j]!;
				j--;
			}
			ids[j + 1] = id;
			vals[j + 1] = v;
		}
		// The same id in both families (a hash collision) is summed.
		let out = 0;
		for (let i = 0; i < len; i++) {
			if (out > 0 && ids[out - 1] === ids[i]) vals[out - 1]! += vals[i]!;
			else {
				ids[out] = ids[i]!;
				vals[out++] = vals[i]!;
			}
		}
		len = out;
		let norm = 0;
		for (let i = 0; i < len; i++) norm += vals[i]! * vals[i]!;
		norm = Math.sqrt(norm) || 1;
		for (let i = 0; i < len; i++) vals[i]! /= norm;
		this.length = len;
		this.reset();
	}

	/** One family's tf × idf^p weights into weights[offset..], L2-normalised to `scale`. */
	private weigh(list: IntBuffer, offset: number, scale: number, df: Int32Array, n: number): void {
		const { tf, weights } = this;
		let norm = 0;
		for (let i = 0; i < list.length; i++) {
			const id = list.data[i]!;
			const w = (1 + Math.log(tf[id]!)) * idf(df[id]!, n) ** this.opts.idfPower;
			weights[offset + i] = w;
			norm += w * w;
		}
		const f = norm > 0 ? scale / Math.sqrt(norm) : 0;
		for (let i = 0; i < list.length; i++) weights[offset + i]! *= f;
	}

	/** Feature id at position i of the words-then-chars scratch order. */
	private idAt(i: number): number {
		return i < this.words.length ? this.words.data[i]! : this.chars.data[i - this.words.length]!;
	}

	/** Vectors of many nodes packed into compressed rows. */
	rows(
		nodes: Int32Array,
		df: Int32Array,
		n: number,
		wordsOnly = false,
		cap = this.opts.maxFeatures,
	): SparseRows {
		const offsets = new Int32Array(nodes.length + 1);
		let ids = new Int32Array(nodes.length * 16);
		let vals = new Float32Array(nodes.length * 16);
		let p = 0;
		nodes.forEach((node, r) => {
			this.vector(node, df, n, wordsOnly, cap);
			if (p + this.length > ids.length) {
				const cap = Math.max(ids.length * 2, p + this.length);
				const nextIds = new Int32Array(cap);
				nextIds.set(ids);
				ids = nextIds;
				const nextVals = new Float32Array(cap);
				nextVals.set(vals);
				vals = nextVals;
			}
			ids.set(this.ids.subarray(0, this.length), p);
			vals.set(this.vals.subarray(0, this.length), p);
			offsets[r] = p;
			p += this.length;
		});
		offsets[nodes.length] = p;
		return { offsets, ids: ids.slice(0, p), vals: vals.slice(0, p) };
	}
}
