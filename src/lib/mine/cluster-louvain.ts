/**
 * Louvain modularity optimisation (Blondel et al. 2008) on a compressed weighted graph, with a
 * resolution parameter γ: local moving of nodes to the neighbouring community with the best
 * modularity gain, then aggregation of communities into nodes, repeated until nothing moves.
 *
 * Written over typed arrays rather than taken from a graph library because the graphs here have
 * up to a few million edges and object-per-edge graph libraries cost several times the memory
 * budget; it is also fully deterministic (nodes visited in index order, ties keep the lower id).
 */
import { CommunityGraph } from './cluster-community-graph.ts';
import type { Graph } from './cluster-graph.ts';

/** Community of each node, numbered 0..C-1 in order of first appearance. */
export function louvain(g: Graph, gamma: number, maxLevels = 20): Int32Array {
	const n = g.n;
	let strength: Float64Array<ArrayBufferLike> = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		for (let p = g.offsets[i]!; p < g.offsets[i + 1]!; p++) strength[i]! += g.weights[p]!;
	}
	let twoM = 0;
	for (let i = 0; i < n; i++) twoM += strength[i]!;
	const membership = new Int32Array(n);
	for (let i = 0; i < n; i++) membership[i] = i;
	if (twoM === 0) return membership;

	let graph = g;
	for (let level = 0; level < maxLevels; level++) {
		const { comm, count, moved } = localMoving(graph, strength, gamma, twoM);
		for (let i = 0; i < n; i++) membership[i] = comm[membership[i]!]!;
		if (!moved || count === graph.n) break;
		const agg = aggregate(graph, strength, comm, count);
		graph = agg.graph;
		strength = agg.strength;
	}
	return membership;
}

/** One Louvain level: repeated sweeps of single-node moves; returns renumbered communities. */
function localMoving(
	g: Graph,
	strength: Float64Array,
	gamma: number,
	twoM: number,
): { comm: Int32Array; count: number; moved: boolean } {
	const n = g.n;
	const comm = new Int32Array(n);
	const tot = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		comm[i] = i;
		tot[i] = strength[i]!;
	}
	const linkW = new Float64Array(n);
	const seen = new Int32Array(n).fill(-1);
	const list = new Int32Array(n);
	let movedAny = false;
	for (let sweep = 0; sweep < 50; sweep++) {
		let moves = 0;
		for (let i = 0; i < n; i++) {
			const ci = comm[i]!;
			const ki = strength[i]!;
			let nl = 0;
			seen[ci] = i;
			list[nl++] = ci;
			linkW[ci] = 0;
			for (let p = g.offsets[i]!; p < g.offsets[i + 1]!; p++) {
				const j = g.targets[p]!;
				if (j === i) continue;
				const c = comm[j]!;
				if (seen[c] !== i) {
					seen[c] = i;
					linkW[c] = 0;
					list[nl++] = c;
				}
				linkW[c]! += g.weights[p]!;
			}
			tot[ci]! -= ki;
			const scale = (gamma * ki) / twoM;
			let best = ci;
			let bestGain = linkW[ci]! - tot[ci]! * scale;
			for (let t = 1; t < nl; t++) {
				const c = list[t]!;
				const gain = linkW[c]! - tot[c]! * scale;
				// Strictly better by a margin: float noise must not move a node back and forth.
				if (gain > bestGain + 1e-12) {
					best = c;
					bestGain = gain;
				}
			}
			tot[best]! += ki;
			if (best !== ci) {
				comm[i] = best;
				moves++;
			}
		}
		if (moves === 0) break;
		movedAny = true;
	}
	// Renumber in order of first appearance.
	const renum = new Int32Array(n).fill(-1);
	let count = 0;
	for (let i = 0; i < n; i++) {
		const c = comm[i]!;
		if (renum[c] === -1) renum[c] = count++;
		comm[i] = renum[c]!;
	}
	return { comm, count, moved: movedAny };
}

/** Collapses each community into one node; intra-community edges become self-loops. */
function aggregate(
	g: Graph,
	strength: Float64Array,
	comm: Int32Array,
	count: number,
): { graph: Graph; strength: Float64Array } {
	const n = g.n;
	const newStrength = new Float64Array(count);
	const memberStart = new Int32Array(count + 1);
	for (let i = 0; i < n; i++) {
		newStrength[comm[i]!]! += strength[i]!;
		memberStart[comm[i]! + 1]!++;
	}
	for (let c = 0; c < count; c++) memberStart[c + 1]! += memberStart[c]!;
	const fill = memberStart.slice(0, count);
	const members = new Int32Array(n);
	for (let i = 0; i < n; i++) members[fill[comm[i]!]!++] = i;

	const offsets = new Int32Array(count + 1);
	const targets: number[] = [];
	const weights: number[] = [];
	const acc = new Float64Array(count);
	const seen = new Int32Array(count).fill(-1);
	const list: number[] = [];
	for (let c = 0; c < count; c++) {
		list.length = 0;
		for (let m = memberStart[c]!; m < memberStart[c + 1]!; m++) {
			const i = members[m]!;
			for (let p = g.offsets[i]!; p < g.offsets[i + 1]!; p++) {
				const d = comm[g.targets[p]!]!;
				if (seen[d] !== c) {
					seen[d] = c;
					acc[d] = 0;
					list.push(d);
				}
				acc[d]! += g.weights[p]!;
			}
		}
		list.sort((a, b) => a - b);
		for (const d of list) {
			targets.push(d);
			weights.push(acc[d]!);
		}
		offsets[c + 1] = targets.length;
	}
	return {
		graph: {
			n: count,
			offsets,
			targets: Int32Array.from(targets),
			weights: Float64Array.from(weights),
		},
		strength: newStrength,
	};
}

/**
 * Merges communities that are mostly one: greedily, while the best pair's cut weight is at least
 * `theta` × the smaller one's volume (sum of its nodes' strengths). A resolution above 1 caps a
 * community at 1/γ of the graph and splits a big group into halves that send ~half their edges to
 * each other (ratio ~0.5); two different questions share far fewer edges. Returns renumbered ids.
 */
export function mergeCommunities(g: Graph, community: Int32Array, theta: number): Int32Array {
	const cg = CommunityGraph.of(g, community);
	for (;;) {
		let bestA = -1;
		let bestB = -1;
		let bestR = theta;
		for (let a = 0; a < cg.count; a++) {
			if (!cg.isRoot(a)) continue;
			for (const b of cg.cut[a]!.keys()) {
				if (b <= a) continue;
				const r = cg.cutShare(a, b);
				if (r > bestR || (r === bestR && bestA < 0)) {
					bestA = a;
					bestB = b;
					bestR = r;
				}
			}
		}
		if (bestA < 0) break;
		cg.fold(bestA, bestB);
	}
	const to = cg.relabel();
	return community.map((c) => to[c]!);
}
