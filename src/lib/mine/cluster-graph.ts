/**
 * Cosine k-nearest-neighbour graph over sparse rows, found through an inverted index (only tickets
 * that share a feature are ever compared), and its symmetrised weighted adjacency.
 */
import type { SparseRows } from './cluster-vectors.ts';

/** For each row, up to k neighbours (row ids, -1 when fewer) and their cosine similarities. */
export interface Knn {
	k: number;
	nbrs: Int32Array;
	sims: Float32Array;
}

/** Compressed undirected weighted graph; each edge appears in both endpoints' lists. */
export interface Graph {
	n: number;
	offsets: Int32Array;
	targets: Int32Array;
	weights: Float64Array;
}

/** Inverted index: feature f (dense id) lists rows/vals[start[f] .. start[f+1]). */
interface Postings {
	/** Row-major copy of the matrix's ids, remapped to dense feature ids. */
	dense: Int32Array;
	start: Int32Array;
	rows: Int32Array;
	vals: Float32Array;
}

function invert(m: SparseRows, n: number): Postings {
	const nnz = m.offsets[n]!;
	const denseOf = new Map<number, number>();
	const dense = new Int32Array(nnz);
	for (let p = 0; p < nnz; p++) {
		let d = denseOf.get(m.ids[p]!);
		if (d === undefined) denseOf.set(m.ids[p]!, (d = denseOf.size));
		dense[p] = d;
	}
	const start = new Int32Array(denseOf.size + 1);
	for (let p = 0; p < nnz; p++) start[dense[p]! + 1]!++;
	for (let f = 0; f < denseOf.size; f++) start[f + 1]! += start[f]!;
	const fill = start.slice(0, denseOf.size);
	const rows = new Int32Array(nnz);
	const vals = new Float32Array(nnz);
	for (let r = 0; r < n; r++) {
		for (let p = m.offsets[r]!; p < m.offsets[r + 1]!; p++) {
			const at = fill[dense[p]!]!++;
			rows[at] = r;
			vals[at] = m.vals[p]!;
		}
	}
	return { dense, start, rows, vals };
}

/**
 * Cosine kNN of every row among the first n rows (rows are L2-normalised, so the dot product is
 * the cosine), through an inverted index of `cand`: rows sharing no feature are never compared.
 *
 * With `score` given, `cand` only nominates: the `candidates` rows most similar in `cand` (cheap,
 * short word vectors) are re-scored on `score` (longer vectors with character n-grams), and the k
 * best of those are kept. Without it the result is the exact kNN in `cand`.
 */
export function knnGraph(
	cand: SparseRows,
	n: number,
	k: number,
	options: { score?: SparseRows; candidates?: number } = {},
): Knn {
	const post = invert(cand, n);
	const nbrs = new Int32Array(n * k).fill(-1);
	const sims = new Float32Array(n * k);
	const acc = new Float32Array(n);
	const touched = new Int32Array(n);
	const score = options.score;
	const heap = new TopHeap(Math.max(k, options.candidates ?? 50));
	const scoreDense = score ? denseIds(score, n) : null;
	const own = scoreDense ? new Float32Array(scoreDense.size) : null;
	for (let r = 0; r < n; r++) {
		let nt = 0;
		for (let p = cand.offsets[r]!; p < cand.offsets[r + 1]!; p++) {
			const f = post.dense[p]!;
			const w = cand.vals[p]!;
			for (let q = post.start[f]!; q < post.start[f + 1]!; q++) {
				const o = post.rows[q]!;
				if (o === r) continue;
				if (acc[o] === 0) touched[nt++] = o;
				acc[o]! += w * post.vals[q]!;
			}
		}
		if (score && scoreDense && own) {
			heap.clear();
			for (let t = 0; t < nt; t++) heap.push(touched[t]!, acc[touched[t]!]!);
			for (let t = 0; t < nt; t++) acc[touched[t]!] = 0;
			// Scatter this row once, then each candidate's dot product is one pass over its row.
			for (let p = score.offsets[r]!; p < score.offsets[r + 1]!; p++) {
				own[scoreDense.ids[p]!] = score.vals[p]!;
			}
			nt = 0;
			for (let h = 0; h < heap.size; h++) {
				const o = heap.ids[h]!;
				let dot = 0;
				for (let p = score.offsets[o]!; p < score.offsets[o + 1]!; p++) {
					dot += own[scoreDense.ids[p]!]! * score.vals[p]!;
				}
				// Zero reads as "untouched"; the pair shares a word, so keep it barely positive.
				acc[o] = dot > 0 ? dot : 1e-9;
				touched[nt++] = o;
			}
			for (let p = score.offsets[r]!; p < score.offsets[r + 1]!; p++) own[scoreDense.ids[p]!] = 0;
		}
		heap.clear();
		for (let t = 0; t < nt; t++) heap.push(touched[t]!, acc[touched[t]!]!);
		heap.writeSorted(nbrs, sims, r * k, k);
		for (let t = 0; t < nt; t++) acc[touched[t]!] = 0;
	}
	return { k, nbrs, sims };
}

/** The row-major feature ids of `m` remapped to 0..size-1, so a scratch array can be indexed by them. */
function denseIds(m: SparseRows, n: number): { ids: Int32Array; size: number } {
	const nnz = m.offsets[n]!;
	const map = new Map<number, number>();
	const ids = new Int32Array(nnz);
	for (let p = 0; p < nnz; p++) {
		let d = map.get(m.ids[p]!);
		if (d === undefined) map.set(m.ids[p]!, (d = map.size));
		ids[p] = d;
	}
	return { ids, size: map.size };
}

/**
 * Bounded min-heap keeping the `cap` best (score, id) pairs; ties prefer the lower id so results
 * never depend on the order candidates were met.
 */
export class TopHeap {
	readonly cap: number;
	readonly ids: Int32Array;
	readonly scores: Float32Array;
	size = 0;
	constructor(cap: number) {
		this.cap = cap;
		this.ids = new Int32Array(cap);
		this.scores = new Float32Array(cap);
	}

	clear(): void {
		this.size = 0;
	}

	push(id: number, score: number): void {
		const { ids, scores } = this;
		if (this.size < this.cap) {
			let i = this.size++;
			while (i > 0) {
				const parent = (i - 1) >> 1;
				if (!worse(score, id, scores[parent]!, ids[parent]!)) break;
				ids[i] = ids[parent]!;
				scores[i] = scores[parent]!;
				i = parent;
			}
			ids[i] = id;
			scores[i] = score;
			return;
		}
		if (worse(score, id, scores[0]!, ids[0]!)) return;
		let i = 0;
		for (;;) {
			const l = 2 * i + 1;
			if (l >= this.size) break;
			const r = l + 1;
			const c = r < this.size && worse(scores[r]!, ids[r]!, scores[l]!, ids[l]!) ? r : l;
			if (!worse(scores[c]!, ids[c]!, score, id)) break;
			ids[i] = ids[c]!;
			scores[i] = scores[c]!;
			i = c;
		}
		ids[i] = id;
		scores[i] = score;
	}

	/** Writes the best `k` entries, best first, to out[base..base+k); empties the heap. */
	writeSorted(outIds: Int32Array, outScores: Float32Array, base: number, k: number): void {
		const order = Array.from({ length: this.size }, (_, i) => i).sort(
			(a, b) => this.scores[b]! - this.scores[a]! || this.ids[a]! - this.ids[b]!,
		);
		for (let t = 0; t < k && t < order.length; t++) {
			outIds[base + t] = this.ids[order[t]!]!;
			outScores[base + t] = this.scores[order[t]!]!;
		}
		this.size = 0;
	}
}

/** True when (sa, ia) ranks below (sb, ib): lower score, or equal score and higher id. */
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
	return sa < sb || (sa === sb && ia > ib);
}

/**
 * Symmetrised kNN adjacency: an edge i–j exists when either lists the other, weighted by
 * `edgeWeight(sim)` times the weight of the node that listed it (so a ticket standing for many
 * duplicates pulls harder), summed over both directions.
 */
export function symmetrize(
	knn: Knn,
	n: number,
	nodeWeights: Float64Array | null,
	edgeWeight: (sim: number) => number,
	minSim: number,
): Graph {
	const { k, nbrs, sims } = knn;
	const deg = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		for (let t = 0; t < k; t++) {
			const j = nbrs[i * k + t]!;
			if (j < 0 || sims[i * k + t]! < minSim) continue;
			deg[i]!++;
			deg[j]!++;
		}
	}
	const offsets = new Int32Array(n + 1);
	for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + deg[i]!;
	const fill = offsets.slice(0, n);
	const tmpT = new Int32Array(offsets[n]!);
	const tmpW = new Float64Array(offsets[n]!);
	for (let i = 0; i < n; i++) {
		const wi = nodeWeights ? nodeWeights[i]! : 1;
		for (let t = 0; t < k; t++) {
			const j = nbrs[i * k + t]!;
			const s = sims[i * k + t]!;
			if (j < 0 || s < minSim) continue;
			const w = edgeWeight(s) * wi;
			tmpT[fill[i]!] = j;
			tmpW[fill[i]!++] = w;
			tmpT[fill[j]!] = i;
			tmpW[fill[j]!++] = w;
		}
	}
	// Merge the duplicate entries of pairs listed in both directions.
	const outOffsets = new Int32Array(n + 1);
	const outT: number[] = [];
	const outW: number[] = [];
	const seen = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		seen.clear();
		for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
			const j = tmpT[p]!;
			const at = seen.get(j);
			if (at === undefined) {
				seen.set(j, outT.length);
				outT.push(j);
				outW.push(tmpW[p]!);
			} else outW[at]! += tmpW[p]!;
		}
		outOffsets[i + 1] = outT.length;
	}
	return {
		n,
		offsets: outOffsets,
		targets: Int32Array.from(outT),
		weights: Float64Array.from(outW),
	};
}
