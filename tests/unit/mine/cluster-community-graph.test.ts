import { describe, expect, it } from 'vitest';
import { CommunityGraph } from '../../../src/lib/mine/cluster-community-graph.ts';
import type { Graph } from '../../../src/lib/mine/cluster-graph.ts';

/** An undirected graph from weighted edges, each stored at both ends as the kNN graph stores it. */
function graph(n: number, edges: ReadonlyArray<[number, number, number]>): Graph {
	const adj = Array.from({ length: n }, () => [] as Array<[number, number]>);
	for (const [a, b, w] of edges) {
		adj[a]!.push([b, w]);
		if (a !== b) adj[b]!.push([a, w]);
	}
	const offsets = new Int32Array(n + 1);
	const targets: number[] = [];
	const weights: number[] = [];
	adj.forEach((list, i) => {
		for (const [t, w] of list) {
			targets.push(t);
			weights.push(w);
		}
		offsets[i + 1] = targets.length;
	});
	return { n, offsets, targets: Int32Array.from(targets), weights: Float64Array.from(weights) };
}

// Nodes 0,1 | 2,3 | 4: three communities, a strong link between the first two, a weak one to the third.
const G = graph(5, [
	[0, 1, 4],
	[2, 3, 4],
	[1, 2, 2],
	[3, 4, 0.5],
]);
const COMMUNITY = [0, 0, 1, 1, 2];

describe('CommunityGraph', () => {
	it('sums each community volume and the cut between linked communities, at both ends', () => {
		const cg = CommunityGraph.of(G, COMMUNITY);
		expect(cg.count).toBe(3);
		// Volume: the summed strengths of the members (an inner edge counts at both ends).
		expect([...cg.vol]).toEqual([4 + 4 + 2, 4 + 4 + 2 + 0.5, 0.5]);
		expect(cg.cut[0]).toEqual(new Map([[1, 2]]));
		expect(cg.cut[1]).toEqual(new Map([[0, 2], [2, 0.5]]));
		expect(cg.cut[2]).toEqual(new Map([[1, 0.5]]));
	});

	it('measures a cut against the smaller community', () => {
		const cg = CommunityGraph.of(G, COMMUNITY);
		expect(cg.cutShare(0, 1)).toBeCloseTo(2 / 10);
		expect(cg.cutShare(1, 2)).toBe(1);
		expect(cg.cutShare(0, 2)).toBe(0);
		expect(cg.linked(0, 1, 0.2)).toBe(true);
		expect(cg.linked(0, 1, 0.21)).toBe(false);
	});

	it('folds b into a: a takes the volume and the cuts, b is gone, and the ids renumber', () => {
		const cg = CommunityGraph.of(G, COMMUNITY);
		cg.fold(1, 2);
		expect(cg.isRoot(2)).toBe(false);
		expect(cg.isRoot(1)).toBe(true);
		expect(cg.vol[1]).toBe(11);
		expect(cg.cut[1]).toEqual(new Map([[0, 2]]));
		expect(cg.cut[0]).toEqual(new Map([[1, 2]]));
		expect(cg.cut[2]!.size).toBe(0);
		expect([...cg.relabel()]).toEqual([0, 1, 1]);
		cg.fold(0, 1);
		expect(cg.vol[0]).toBe(21);
		expect(cg.cut[0]!.size).toBe(0);
		expect([...cg.relabel()]).toEqual([0, 0, 0]);
	});

	it('adds the cuts of both sides when the folded pair shares a neighbour', () => {
		const cg = CommunityGraph.of(
			graph(3, [
				[0, 2, 1],
				[1, 2, 3],
			]),
			[0, 1, 2],
		);
		cg.fold(0, 1);
		expect(cg.cut[0]).toEqual(new Map([[2, 4]]));
		expect(cg.cut[2]).toEqual(new Map([[0, 4]]));
	});

	it('keeps only the folding for communities with no graph behind them', () => {
		const cg = CommunityGraph.unlinked(4);
		cg.fold(2, 3);
		cg.fold(0, 2);
		expect([...cg.relabel()]).toEqual([0, 1, 0, 0]);
	});
});
