/**
 * Joins communities that ask the same question after Louvain, by average linkage over the
 * communities (never over tickets). Louvain at a high resolution refuses to merge two communities
 * unless their cut beats γ × the product of their shares of the graph, so on a small export, where
 * every question is a large share, a question asked by 40% of the tickets comes out in a dozen
 * pieces. Those pieces use the same words and are linked in the similarity graph: each sends a
 * fair part of its edges to the others. Two different questions that read alike (BANKING77's
 * "card arrival" and "card delivery estimate") send few. So a pair joins only when it reads alike
 * and its cut is at least a share of the smaller one's volume: half of what the graph-only merge
 * before it (mergeCommunities, 0.3) asks, confirmed by the words. A lone ticket is exempt: it
 * sends each of its k neighbours a sliver of its edges, so on a tiny export (where Louvain at a
 * high resolution leaves every ticket alone) no pair would pass.
 */

import { CommunityGraph } from './cluster-community-graph.ts';

/** A community as the sum of its members' unit vectors, for {@link joinCommunities}. */
export interface CommunitySum {
	/** Summed weighted member vectors, by feature id. */
	sum: Map<number, number>;
	/** Summed member weights W. */
	weight: number;
	/** Summed squared member weights: the self-pairs to leave out of the cohesion. */
	selfSq: number;
}

/** The similarity graph's view of the communities, for the cut gate of {@link joinCommunities}. */
export interface CommunityLinks {
	/** Volumes and cuts of the communities; folded as they join. */
	graph: CommunityGraph;
	/** A pair may join only if its cut is at least this share of the smaller one's volume. */
	minCut: number;
}

/**
 * Greedy average-linkage agglomeration over communities. Two communities A and B are compared by
 * the mean cosine between their members (A×B pairs) relative to the mean cosine within the more
 * cohesive one (pairs of distinct members): cross / max(within_A, within_B), computed exactly
 * from summed vectors. Measured against the centroid cosine and against cross / √(within_A ·
 * within_B): both let a grown, mixed group (low cohesion) look like everything and swallow the
 * export. Given `links`, pairs of two groups whose cut is below `links.minCut` × the smaller
 * volume are never joined (kept up to date as communities join; a lone ticket is exempt). The
 * most similar pair joins while its ratio is at least `threshold`. `sums[c]` is null for a community that may not take part. Returns the new
 * community of each old one, renumbered 0.. in order of first appearance. Deterministic: ties go
 * to the lower pair of ids. Cost O(C² · features).
 */
export function joinCommunities(
	sums: ReadonlyArray<CommunitySum | null>,
	threshold: number,
	links?: CommunityLinks,
): Int32Array {
	const count = sums.length;
	const cg = links?.graph ?? CommunityGraph.unlinked(count);
	const acc = sums.map((m) => (m ? { ...m, sum: new Map(m.sum) } : null));
	const norm2 = acc.map((m) => (m ? selfDot(m.sum) : 0));
	// Cohesion of a community; -1 for a lone ticket (or copies of one), which has none.
	const within = (c: number): number => {
		const m = acc[c]!;
		const pairs = m.weight * m.weight - m.selfSq;
		return pairs > 1e-9 ? Math.max(0, (norm2[c]! - m.selfSq) / pairs) : -1;
	};
	const coh = acc.map((m, c) => (m ? within(c) : 0));
	const ratio = (a: number, b: number): number => {
		// A lone ticket is measured against the group's cohesion; two lone tickets by their cosine.
		let d = Math.max(coh[a]!, coh[b]!);
		if (d < 0) d = 1;
		if (d === 0) return 0;
		return mapDot(acc[a]!.sum, acc[b]!.sum) / (acc[a]!.weight * acc[b]!.weight) / d;
	};
	// Ratio of each pair at or above the threshold, kept under the lower id.
	const sims = Array.from({ length: count }, () => new Map<number, number>());
	const link = (a: number, b: number): void => {
		// A lone ticket sends each neighbour a 1/k sliver of its edges: it joins on its words alone.
		const lone = coh[a]! < 0 || coh[b]! < 0;
		if (links && !lone && !cg.linked(a, b, links.minCut)) return;
		const s = ratio(a, b);
		if (s < threshold) return;
		if (a < b) sims[a]!.set(b, s);
		else sims[b]!.set(a, s);
	};
	for (let a = 0; a < count; a++) {
		if (!acc[a] || coh[a] === 0) continue;
		for (let b = a + 1; b < count; b++) if (acc[b] && coh[b] !== 0) link(a, b);
	}
	for (;;) {
		let bestA = -1;
		let bestB = -1;
		let best = -Infinity;
		for (let a = 0; a < count; a++) {
			for (const [b, s] of sims[a]!) {
				if (s > best) {
					best = s;
					bestA = a;
					bestB = b;
				}
			}
		}
		if (bestA < 0) break;
		// Fold b into a.
		const into = acc[bestA]!;
		const from = acc[bestB]!;
		for (const [id, v] of from.sum) into.sum.set(id, (into.sum.get(id) ?? 0) + v);
		into.weight += from.weight;
		into.selfSq += from.selfSq;
		norm2[bestA] = selfDot(into.sum);
		coh[bestA] = within(bestA);
		acc[bestB] = null;
		cg.fold(bestA, bestB);
		for (let c = 0; c < count; c++) {
			sims[c]!.delete(bestB);
			sims[c]!.delete(bestA);
		}
		sims[bestB]!.clear();
		sims[bestA]!.clear();
		if (coh[bestA] === 0) continue;
		for (let c = 0; c < count; c++) {
			if (c !== bestA && acc[c] && coh[c] !== 0) link(bestA, c);
		}
	}
	return cg.relabel();
}

function selfDot(m: ReadonlyMap<number, number>): number {
	let s = 0;
	for (const v of m.values()) s += v * v;
	return s;
}

function mapDot(a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): number {
	if (a.size > b.size) [a, b] = [b, a];
	let s = 0;
	for (const [id, v] of a) {
		const w = b.get(id);
		if (w !== undefined) s += v * w;
	}
	return s;
}
