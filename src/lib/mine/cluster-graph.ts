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
 * Exact cosine kNN of every row among `m`'s first n rows (rows are L2-normalised, so the dot
 * product is the cosine). Rows sharing no feature are never touched, which keeps short-ticket
 * corpora fast.
 */
export function knnGraph(m: SparseRows, n: number, k: number): Knn {
	const post = invert(m, n);
	const nbrs = new Int32Array(n * k).fill(-1);
	const sims = new Float32Array(n * k);
	const acc = new Float32Array(n);
	const touched = new Int32Array(n);
	for (let r = 0; r < n; r++) {
		let nt = 0;
		for (let p = m.offsets[r]!; p < m.offsets[r + 1]!; p++) {
			const f = post.dense[p]!;
			const w = m.vals[p]!;
			for (let q = post.start[f]!; q < post.start[f + 1]!; q++) {
				const o = post.rows[q]!;
				if (o === r) continue;
				if (acc[o] === 0) touched[nt++] = o;
				acc[o]! += w * post.vals[q]!;
			}
		}
		topK(r, k, acc, touched, nt, nbrs, sims);
		for (let t = 0; t < nt; t++) acc[touched[t]!] = 0;
	}
	return { k, nbrs, sims };
}

/** Writes the k best (highest score, then lowest id) of the touched rows into row r's slots. */
function topK(
	r: number,
	k: number,
	acc: Float32Array,
	touched: Int32Array,
	nt: number,
	nbrs: Int32Array,
	sims: Float32Array,
): void {
	const base = r * k;
	let filled = 0;
	for (let t = 0; t < nt; t++) {
		const o = touched[t]!;
		const s = acc[o]!;
		if (filled === k) {
			const ws = sims[base + k - 1]!;
			const wo = nbrs[base + k - 1]!;
			if (s < ws || (s === ws && o > wo)) continue;
			filled--;
		}
		// Insertion into the sorted slot list; k is small (≤ 50), so this beats a heap.
		let j = base + filled;
		while (j > base && (sims[j - 1]! < s || (sims[j - 1] === s && nbrs[j - 1]! > o))) {
			sims[j] = sims[j - 1]!;
			nbrs[j] = nbrs[j - 1]!;
			j--;
		}
		sims[j] = s;
		nbrs[j] = o;
		filled++;
	}
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
	return { n, offsets: outOffsets, targets: Int32Array.from(outT), weights: Float64Array.from(outW) };
}
