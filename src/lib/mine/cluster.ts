/**
 * Groups tickets that ask the same question in different words.
 *
 * Method (chosen by measured quality on BANKING77, see scripts/bench-mine.ts):
 * 1. analyse each ticket (stop words out, Porter stems, see text.ts) and collapse exact
 *    duplicates of the stem sequence into one weighted node;
 * 2. sparse TF-IDF vectors (sublinear tf, smoothed idf) of stems and stem bigrams;
 * 3. cosine k-nearest-neighbour graph through an inverted index (never all pairs);
 * 4. Louvain modularity communities on that graph: the number of groups comes from the data;
 * 5. readable terms per group (surface words, c-TF-IDF ranked), a label and the most central member.
 */
import {
	DEFAULT_FEATURES,
	documentFrequencies,
	packRows,
	rawFeatures,
	weightFeatures,
	type FeatureOptions,
	type SparseRows,
} from './cluster-vectors.ts';
import { knnGraph, symmetrize } from './cluster-graph.ts';
import { louvain } from './cluster-louvain.ts';
import { analyze, SurfaceForms, type Token } from './text.ts';

/** One group of tickets. */
export interface Cluster {
	/** Indices into the input docs, ascending. */
	members: number[];
	/** Readable top terms (surface words or phrases), most characteristic first. */
	terms: string[];
	/** Short readable label built from the top terms. */
	label: string;
	/** Index of the member closest to the group's centroid. */
	representative: number;
}

/** Tuning knobs; the defaults are the measured best. */
export interface ClusterOptions {
	/** Weight of each doc (default 1), e.g. lower for zero-result search queries. */
	weights?: readonly number[];
	/** Neighbours per ticket in the similarity graph. */
	k?: number;
	/** Louvain resolution γ: higher gives more, smaller groups. */
	resolution?: number;
	/** Neighbours below this cosine are not linked. */
	minSim?: number;
	/** Feature families and their weights. */
	features?: Partial<FeatureOptions>;
}

const DEFAULTS = { k: 10, resolution: 1, minSim: 0.05 };

/**
 * Clusters cleaned, redacted ticket texts. Returns clusters covering every index exactly once
 * (singletons included), largest first; deterministic: same input, same output.
 */
export function clusterTexts(docs: readonly string[], options: ClusterOptions = {}): Cluster[] {
	const k = options.k ?? DEFAULTS.k;
	const resolution = options.resolution ?? DEFAULTS.resolution;
	const minSim = options.minSim ?? DEFAULTS.minSim;
	const feats: FeatureOptions = { ...DEFAULT_FEATURES, ...options.features };

	const analysed = docs.map((d) => analyze(d));
	const unique = collapseDuplicates(analysed, options.weights);
	const u = unique.keys.length;

	const raws = unique.tokens.map((t) => rawFeatures(t, feats));
	const df = documentFrequencies(raws);
	const rows = packRows(raws.map((r) => weightFeatures(r, df, u, feats)));

	const knn = knnGraph(rows, u, Math.min(k, Math.max(1, u - 1)));
	const graph = symmetrize(knn, u, unique.weights, (s) => s, minSim);
	const comm = louvain(graph, resolution);

	// Unique nodes → doc indices per community; empty tickets stay alone.
	const groups = new Map<number, number[]>();
	const singles: number[][] = [];
	for (let d = 0; d < docs.length; d++) {
		const node = unique.nodeOf[d]!;
		if (node < 0) {
			singles.push([d]);
			continue;
		}
		const c = comm[node]!;
		let g = groups.get(c);
		if (!g) groups.set(c, (g = []));
		g.push(d);
	}
	const memberLists = [...groups.values(), ...singles];
	const surfaces = new SurfaceForms();
	for (const t of analysed) surfaces.add(t);
	const clusters = memberLists.map((members) =>
		describe(members, analysed, unique, rows, df, u, surfaces),
	);
	clusters.sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
	return clusters;
}

/** Distinct stem sequences in a canonical (sorted) order, so input order cannot change the graph. */
interface Unique {
	keys: string[];
	tokens: Token[][];
	weights: Float64Array;
	/** Node of each doc, -1 for a doc with no content words. */
	nodeOf: Int32Array;
}

function collapseDuplicates(analysed: readonly Token[][], weights?: readonly number[]): Unique {
	const byKey = new Map<string, { tokens: Token[]; weight: number; docs: number[] }>();
	const nodeOf = new Int32Array(analysed.length).fill(-1);
	analysed.forEach((tokens, d) => {
		if (tokens.length === 0) return;
		const key = tokens.map((t) => t.stem).join(' ');
		const w = weights?.[d] ?? 1;
		const entry = byKey.get(key);
		if (entry) {
			entry.weight += w;
			entry.docs.push(d);
		} else byKey.set(key, { tokens, weight: w, docs: [d] });
	});
	const keys = [...byKey.keys()].sort();
	const out: Unique = {
		keys,
		tokens: [],
		weights: new Float64Array(keys.length),
		nodeOf,
	};
	keys.forEach((key, i) => {
		const e = byKey.get(key)!;
		out.tokens.push(e.tokens);
		out.weights[i] = e.weight;
		for (const d of e.docs) nodeOf[d] = i;
	});
	return out;
}

/** Terms, label and representative of one group. */
function describe(
	members: number[],
	analysed: readonly Token[][],
	unique: Unique,
	rows: SparseRows,
	df: Int32Array,
	u: number,
	surfaces: SurfaceForms,
): Cluster {
	members.sort((a, b) => a - b);
	// Centroid over the distinct nodes of the group (weighted by how many docs each stands for).
	const centroid = new Map<number, number>();
	const nodes = new Map<number, number>();
	for (const d of members) {
		const node = unique.nodeOf[d]!;
		if (node >= 0) nodes.set(node, (nodes.get(node) ?? 0) + 1);
	}
	for (const [node, count] of nodes) {
		for (let p = rows.offsets[node]!; p < rows.offsets[node + 1]!; p++) {
			centroid.set(rows.ids[p]!, (centroid.get(rows.ids[p]!) ?? 0) + rows.vals[p]! * count);
		}
	}
	let representative = members[0]!;
	let bestScore = -Infinity;
	for (const d of members) {
		const node = unique.nodeOf[d]!;
		if (node < 0) continue;
		let s = 0;
		for (let p = rows.offsets[node]!; p < rows.offsets[node + 1]!; p++) {
			s += rows.vals[p]! * (centroid.get(rows.ids[p]!) ?? 0);
		}
		if (s > bestScore + 1e-9) {
			bestScore = s;
			representative = d;
		}
	}
	const terms = topTerms(members, analysed, u, df, surfaces);
	return { members, terms, label: terms.slice(0, 3).join(' · ') || '(empty)', representative };
}

/**
 * Readable top terms: stems and stem bigrams ranked by how many members use them times how rare
 * they are overall (class-based TF-IDF), shown in their most frequent surface form; a word already
 * covered by a chosen phrase is skipped.
 */
function topTerms(
	members: readonly number[],
	analysed: readonly Token[][],
	u: number,
	df: Int32Array,
	surfaces: SurfaceForms,
	max = 6,
): string[] {
	const counts = new Map<string, number>();
	for (const d of members) {
		const t = analysed[d]!;
		const seen = new Set<string>();
		for (let i = 0; i < t.length; i++) {
			seen.add(t[i]!.stem);
			if (i + 1 < t.length) seen.add(`${t[i]!.stem} ${t[i + 1]!.stem}`);
		}
		for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	void df;
	void u;
	const minCount = members.length >= 4 ? Math.ceil(members.length * 0.15) : 1;
	const ranked = [...counts]
		.filter(([, c]) => c >= minCount)
		.map(([key, c]) => ({ key, score: c * (key.includes(' ') ? 1.2 : 1) }))
		.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
	const out: string[] = [];
	const used = new Set<string>();
	for (const { key } of ranked) {
		if (out.length >= max) break;
		const parts = key.split(' ');
		if (parts.every((p) => used.has(p))) continue;
		for (const p of parts) used.add(p);
		out.push(surfaces.surface(key));
	}
	return out;
}
