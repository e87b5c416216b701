/**
 * Communities of the similarity graph as a graph of their own: each community's volume (the
 * summed strengths of its nodes) and its cut to every linked community, kept up to date as
 * communities fold into one another. Both merges after Louvain (cluster-louvain.ts's
 * mergeCommunities and cluster-join.ts's joinCommunities) read and fold through it, so that
 * bookkeeping is written once.
 */
import type { Graph } from './cluster-graph.ts';

export class CommunityGraph {
	/** Number of communities before any fold. */
	readonly count: number;
	/** Volume of each community (a folded one keeps its last value and is never read again). */
	readonly vol: Float64Array;
	/** Cut weight to each linked community, stored at both ends. */
	readonly cut: Array<Map<number, number>>;
	private readonly parent: Int32Array;

	private constructor(count: number) {
		this.count = count;
		this.vol = new Float64Array(count);
		this.cut = Array.from({ length: count }, () => new Map<number, number>());
		this.parent = Int32Array.from({ length: count }, (_, i) => i);
	}

	/** `count` communities with no graph behind them: only the folding is kept. */
	static unlinked(count: number): CommunityGraph {
		return new CommunityGraph(count);
	}

	/** The communities `community` (one id per node, 0..C-1) make of the graph. */
	static of(g: Graph, community: ArrayLike<number>): CommunityGraph {
		let count = 0;
		for (let i = 0; i < g.n; i++) count = Math.max(count, community[i]! + 1);
		const cg = new CommunityGraph(count);
		for (let i = 0; i < g.n; i++) {
			const a = community[i]!;
			for (let p = g.offsets[i]!; p < g.offsets[i + 1]!; p++) {
				cg.vol[a]! += g.weights[p]!;
				// Each undirected edge is stored at both ends, so each end records its own half.
				const b = community[g.targets[p]!]!;
				if (a !== b) cg.cut[a]!.set(b, (cg.cut[a]!.get(b) ?? 0) + g.weights[p]!);
			}
		}
		return cg;
	}

	/** Cut between a and b as a share of the smaller one's volume. */
	cutShare(a: number, b: number): number {
		return (this.cut[a]!.get(b) ?? 0) / Math.min(this.vol[a]!, this.vol[b]!);
	}

	/** Whether the cut between a and b is at least `share` of the smaller one's volume. */
	linked(a: number, b: number, share: number): boolean {
		return (this.cut[a]!.get(b) ?? 0) >= share * Math.min(this.vol[a]!, this.vol[b]!);
	}

	/** Whether c is still a community of its own (not folded into another). */
	isRoot(c: number): boolean {
		return this.parent[c] === c;
	}

	/** Folds b into a: a takes b's volume and its cuts, and b is gone. */
	fold(a: number, b: number): void {
		this.parent[b] = a;
		this.vol[a]! += this.vol[b]!;
		for (const [c, w] of this.cut[b]!) {
			this.cut[c]!.delete(b);
			if (c === a) continue;
			this.cut[a]!.set(c, (this.cut[a]!.get(c) ?? 0) + w);
			this.cut[c]!.set(a, (this.cut[c]!.get(a) ?? 0) + w);
		}
		this.cut[a]!.delete(b);
		this.cut[b]!.clear();
	}

	/**
	 * The community each original one ended in, renumbered 0.. in order of first appearance (a
	 * fold always keeps the lower id, so that is the order of the original ids).
	 */
	relabel(): Int32Array {
		const root = (c: number): number => {
			while (this.parent[c] !== c) c = this.parent[c]!;
			return c;
		};
		const renum = new Int32Array(this.count).fill(-1);
		const out = new Int32Array(this.count);
		let next = 0;
		for (let c = 0; c < this.count; c++) {
			const r = root(c);
			if (renum[r] === -1) renum[r] = next++;
			out[c] = renum[r]!;
		}
		return out;
	}
}
