/**
 * The tickets of one clustering run in compact form: every distinct word is analysed once
 * (vocabulary of surface words → stems), and tickets with the same stem sequence (leaving out the
 * stems no other ticket uses) collapse into one
 * weighted node whose words are kept as integer ids in one typed array. A million tickets then cost
 * a few bytes per word instead of an object per word, and nothing needs to be tokenised twice.
 */
import { charNgrams, isContentWord, stem, words } from './text.ts';
import { CHAR_SALT, hashFeature, IntBuffer, WORD_SALT } from './cluster-vectors.ts';

/** Analysed, de-duplicated tickets. Node ids are assigned in input order. */
export interface Corpus {
	/** Surface word of each word id. */
	surfaces: string[];
	/** Stem id of each word id. */
	stemOf: number[];
	/** Stem string of each stem id. */
	stems: string[];
	/** Hashed feature id of each stem id. */
	stemFeature: number[];
	/** Node of each doc, or -1 for a doc without content words. */
	nodeOf: Int32Array;
	/** Node n's word ids are words[start[n] .. start[n+1]). */
	start: Int32Array;
	words: Int32Array;
	/** Summed doc weight of each node. */
	weight: Float64Array;
	/** Number of docs behind each node. */
	count: Int32Array;
	/** 53-bit hash of each node's stem sequence: an order-free, well-mixed sort key. */
	hash: Float64Array;
	/** Number of nodes. */
	size: number;
	/** Character n-gram feature ids of a word id (computed once per word). */
	charFeatures(word: number): Int32Array;
}

/** 32-bit FNV-1a of a string. */
function fnv32(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** FNV-1a step over one 32-bit value. */
function mix(h: number, v: number): number {
	h ^= v & 0xffff;
	h = Math.imul(h, 0x01000193);
	h ^= v >>> 16;
	return Math.imul(h, 0x01000193);
}

/** A stem must be used by this many docs to count toward a node's identity (see pass 2). */
const MIN_STEM_DOCS = 2;

/**
 * Analyses every doc once and collapses stem sequences that are identical once the stems no other
 * doc uses are left out. `charN` are the character
 * n-gram lengths `charFeatures` will return.
 */
export function buildCorpus(
	docs: readonly string[],
	weights: readonly number[] | undefined,
	charN: readonly number[],
): Corpus {
	const wordIds = new Map<string, number>();
	const surfaces: string[] = [];
	const stemOf: number[] = [];
	const stemIds = new Map<string, number>();
	const stems: string[] = [];
	const stemFeature: number[] = [];
	// A full 32-bit hash of each stem's text: node keys must come from content, never from ids
	// handed out in input order, or the canonical order would depend on the input order.
	const stemHash: number[] = [];
	const nodeOf = new Int32Array(docs.length).fill(-1);
	const nodeByKey = new Map<number, number>();
	const starts = new IntBuffer(1024);
	const tokens = new IntBuffer(1024);
	const weightList: number[] = [];
	const countList: number[] = [];
	const hashList: number[] = [];
	const wordHash: number[] = [];
	const surfaceKeyList: number[] = [];
	// Pass 1: every doc's content words as word ids, and how many docs use each stem.
	const docStart = new Int32Array(docs.length + 1);
	const docWords = new IntBuffer(1024);
	const stemDocs: number[] = [];
	const stemLastDoc: number[] = [];
	for (let d = 0; d < docs.length; d++) {
		docStart[d] = docWords.length;
		for (const w of words(docs[d]!)) {
			if (!isContentWord(w)) continue;
			let id = wordIds.get(w);
			if (id === undefined) {
				id = surfaces.length;
				wordIds.set(w, id);
				surfaces.push(w);
				wordHash.push(fnv32(w));
				const s = stem(w);
				let sid = stemIds.get(s);
				if (sid === undefined) {
					sid = stems.length;
					stemIds.set(s, sid);
					stems.push(s);
					stemFeature.push(hashFeature(s, WORD_SALT));
					stemHash.push(fnv32(s));
					stemDocs.push(0);
					stemLastDoc.push(-1);
				}
				stemOf.push(sid);
			}
			docWords.push(id);
			const sid = stemOf[id]!;
			if (stemLastDoc[sid] !== d) {
				stemLastDoc[sid] = d;
				stemDocs[sid]!++;
			}
		}
	}
	docStart[docs.length] = docWords.length;
	const all = docWords.view();
	// Pass 2: near-duplicates collapse. A stem only one doc uses links it to no other doc, so a
	// node's identity leaves it out (unless the doc has nothing else): the same question with a
	// unique token appended (an order number, a random tag) is one weighted node, as an exact copy
	// is, and the number of groups does not grow when an export holds many such copies. A node
	// keeps the words of its docs in full when they all have the same stems; docs that differ in
	// such stems leave the node only the words they share.
	const fullKey: number[] = [];
	const mixed: boolean[] = [];
	const docFull: number[] = [];
	const fullHash: number[] = [];
	const docShared: number[] = [];
	const sharedHash: number[] = [];
	for (let d = 0; d < docs.length; d++) {
		const from = docStart[d]!;
		const to = docStart[d + 1]!;
		if (from === to) continue;
		let shared = 0;
		for (let p = from; p < to; p++) if (stemDocs[stemOf[all[p]!]!]! >= MIN_STEM_DOCS) shared++;
		const keys = sequenceKeys(all, from, to, shared > 0 ? stemDocs : null);
		const full = shared === to - from ? keys : sequenceKeys(all, from, to, null);
		let node = nodeByKey.get(keys.key);
		if (node === undefined) {
			node = weightList.length;
			nodeByKey.set(keys.key, node);
			weightList.push(0);
			countList.push(0);
			hashList.push(keys.key);
			fullKey.push(full.key);
			mixed.push(false);
			docFull.push(d);
			fullHash.push(full.surface);
			docShared.push(d);
			sharedHash.push(keys.surface);
		} else {
			if (full.key !== fullKey[node]) mixed[node] = true;
			// Same stems, other spellings ("blocked" / "block"): the node keeps the wording with the
			// lowest hash, not the first seen, so its character n-grams do not depend on input order.
			if (full.surface < fullHash[node]!) [docFull[node], fullHash[node]] = [d, full.surface];
			if (keys.surface < sharedHash[node]!) [docShared[node], sharedHash[node]] = [d, keys.surface];
		}
		weightList[node]! += weights?.[d] ?? 1;
		countList[node]!++;
		nodeOf[d] = node;
	}
	for (let node = 0; node < weightList.length; node++) {
		starts.push(tokens.length);
		const d = mixed[node] ? docShared[node]! : docFull[node]!;
		const shared = mixed[node] ? stemDocs : null;
		// The node's sort key is that of the words it keeps, so a question and its noisy copies sort
		// alike whatever their number.
		hashList[node] = sequenceKeys(all, docStart[d]!, docStart[d + 1]!, shared).key;
		for (let p = docStart[d]!; p < docStart[d + 1]!; p++) {
			if (shared && shared[stemOf[all[p]!]!]! < MIN_STEM_DOCS) continue;
			tokens.push(all[p]!);
		}
	}

	/** The 53-bit stem-sequence key and the surface hash of doc words [from, to), all or shared only. */
	function sequenceKeys(
		ids: Int32Array,
		from: number,
		to: number,
		df: readonly number[] | null,
	): { key: number; surface: number } {
		let h1 = 0x811c9dc5;
		let h2 = 0x2545f491;
		let hs = 0x811c9dc5;
		for (let p = from; p < to; p++) {
			const id = ids[p]!;
			if (df && df[stemOf[id]!]! < MIN_STEM_DOCS) continue;
			const sh = stemHash[stemOf[id]!]!;
			h1 = mix(h1, sh);
			h2 = mix(h2, Math.imul(sh, 0x9e3779b1) ^ (sh >>> 13));
			hs = mix(hs, wordHash[id]!);
		}
		// Two independent 32-bit hashes → one 53-bit key: collisions among a million sequences are
		// improbable (~1e-4), and one would only merge two tickets.
		return { key: (h1 >>> 0) * 2 ** 21 + ((h2 >>> 0) >>> 11), surface: hs >>> 0 };
	}
	starts.push(tokens.length);
	const charCache: Array<Int32Array | undefined> = [];
	return {
		surfaces,
		stemOf,
		stems,
		stemFeature,
		nodeOf,
		start: starts.view().slice(),
		words: tokens.view().slice(),
		weight: Float64Array.from(weightList),
		count: Int32Array.from(countList),
		hash: Float64Array.from(hashList),
		size: weightList.length,
		charFeatures(word: number): Int32Array {
			let ids = charCache[word];
			if (!ids) {
				const grams: number[] = [];
				for (const n of charN) {
					for (const g of charNgrams([surfaces[word]!], n)) grams.push(hashFeature(g, CHAR_SALT));
				}
				charCache[word] = ids = Int32Array.from(grams);
			}
			return ids;
		},
	};
}
