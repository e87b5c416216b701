/**
 * Groups tickets that ask the same question in different words, in rounds:
 * 1. analyse each ticket once (cluster-corpus.ts): tickets with the same stem sequence are one node;
 * 2. sample up to {@link SAMPLE_SIZE} nodes in an order set by their content (never input order);
 * 3. vectors (cluster-vectors.ts) and a cosine k-nearest-neighbour graph (cluster-graph.ts);
 * 4. Louvain communities (cluster-louvain.ts), merged again where the graph links them strongly,
 *    then joined where they also read alike (cluster-join.ts), over one CommunityGraph;
 * 5. every unsampled node joins the nearest group centroid; the ones that fit none start the next
 *    round.
 * Groups are named in naming.ts. Why each step and constant, with the figures they were chosen
 * on (BANKING77), is in the README ("How tickets are grouped, and how well").
 */
import { buildCorpus, type Corpus } from './cluster-corpus.ts';
import { knnGraph, symmetrize, type Graph } from './cluster-graph.ts';
import { CommunityGraph } from './cluster-community-graph.ts';
import { joinCommunities, type CommunitySum } from './cluster-join.ts';
import { louvain, mergeCommunities } from './cluster-louvain.ts';
import { labelOf, stemDocFrequency, topTerms } from './naming.ts';
import { HASH_SIZE, Vectorizer, type FeatureOptions, type SparseRows } from './cluster-vectors.ts';

/** Sparse vector as parallel arrays, ids ascending. */
interface SparseVector {
	ids: number[];
	vals: number[];
}

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

/** What a caller may choose; everything else is the measured method (constants below). */
export interface ClusterOptions {
	/** Weight of each doc (default 1), e.g. lower for zero-result search queries. */
	weights?: readonly number[];
	/** Louvain resolution γ (default {@link RESOLUTION}): higher gives more, smaller groups. */
	resolution?: number;
	/** Whether linked look-alike communities join again after Louvain (step 4; default true). */
	join?: boolean;
	/**
	 * Distinct tickets clustered as one graph (default {@link SAMPLE_SIZE}); more are sampled and
	 * assigned (step 5). Lower only to exercise that path on a small export.
	 */
	sampleSize?: number;
	/** Receives progress lines (round sizes), e.g. for the benchmark. */
	log?: (line: string) => void;
}

/** Neighbours per ticket in the similarity graph. */
const K = 20;
/** Louvain resolution γ: a community is capped at about 1/γ of the graph. */
const RESOLUTION = 6;
/** Neighbours below this cosine are not linked. */
const MIN_SIM = 0.05;
/** Edge weight = cosine ^ EDGE_POWER: near paraphrases count most. */
const EDGE_POWER = 2;
/** Candidates per ticket re-scored on the full vectors when building the graph. */
const CANDIDATES = 60;
/** Stems per ticket used to find its candidate neighbours. */
const CANDIDATE_WORDS = 16;
/** Distinct tickets clustered as one graph; more are sampled and assigned (step 5). */
const SAMPLE_SIZE = 12_000;
/** Minimum cosine to a group's centroid for an unsampled ticket to join that group. */
const ASSIGN_MIN = 0.3;
/** Sample-and-assign rounds before the remaining unmatched tickets are left as singletons. */
const MAX_ROUNDS = 8;
/** Step 4: communities whose cut is at least this share of the smaller one's volume merge… */
const MERGE_CUT = 0.3;
/** …then linked communities join (cluster-join.ts) at this cross/within similarity… */
const JOIN_MIN = 0.38;
/** …when their cut is at least this share of the smaller one's volume. */
const JOIN_CUT = 0.15;

/** Stems plus character 3-grams, idf dampened to idf^0.3, at most 128 features a ticket. */
const FEATURES: FeatureOptions = {
	idfPower: 0.3,
	charN: [3],
	charWeight: 1,
	maxFeatures: 128,
};

/**
 * Louvain resolution for the parts coverage judges a group's tickets in (mine.ts): fine enough to
 * separate questions about one product, chosen on the stackfaq dev split (README).
 */
export const PART_RESOLUTION = 15;

/** Centroids above this many features are truncated: the tail carries almost no weight. */
const CENTROID_FEATURES = 256;

/**
 * Tickets analysed once (step 1) to be clustered at several settings: the miner groups an export
 * and then clusters it again, finer, for coverage (mine.ts). The first round's similarity graph
 * does not depend on the resolution, so it is kept for the next call with the same sample size.
 */
export interface AnalysedTexts {
	readonly docs: readonly string[];
	readonly corpus: Corpus;
	readonly vectorizer: Vectorizer;
	/** The first round's vectors and kNN graph, by sample size. */
	readonly firstRound: Map<number, SampleGraph>;
}

/** Step 1 for {@link clusterTexts}: `weights` as in {@link ClusterOptions}. */
export function analyseTexts(docs: readonly string[], weights?: readonly number[]): AnalysedTexts {
	const corpus = buildCorpus(docs, weights, FEATURES.charN);
	return { docs, corpus, vectorizer: new Vectorizer(corpus, FEATURES), firstRound: new Map() };
}

/**
 * Clusters cleaned, redacted ticket texts (or texts analysed once with {@link analyseTexts}, whose
 * weights then apply). Returns clusters covering every index exactly once (singletons included),
 * largest first; deterministic: same input, same output, and the same groups whatever the input
 * order.
 */
export function clusterTexts(
	input: readonly string[] | AnalysedTexts,
	options: ClusterOptions = {},
): Cluster[] {
	const opts = {
		resolution: options.resolution ?? RESOLUTION,
		join: options.join ?? true,
		sampleSize: options.sampleSize ?? SAMPLE_SIZE,
		log: options.log,
	};
	const analysed = 'corpus' in input ? input : analyseTexts(input, options.weights);
	const { docs, corpus, vectorizer } = analysed;
	const u = corpus.size;
	opts.log?.(`${docs.length} tickets, ${u} distinct, ${corpus.surfaces.length} distinct words`);

	// Canonical node order: by hash of the stem sequence, so input order cannot matter.
	const order = Int32Array.from({ length: u }, (_, i) => i).sort(
		(a, b) => corpus.hash[a]! - corpus.hash[b]!,
	);
	const groupOf = new Int32Array(u).fill(-1);
	const best = new Map<number, { node: number; sim: number }>();
	let groups = 0;
	let pending = order;
	const retried = new Uint8Array(u);
	let round = 0;
	for (; round < MAX_ROUNDS && pending.length > 0; round++) {
		const sample = pending.subarray(0, Math.min(opts.sampleSize, pending.length));
		const rest = pending.subarray(sample.length);
		let graph = round === 0 ? analysed.firstRound.get(opts.sampleSize) : undefined;
		if (!graph) {
			graph = sampleGraph(vectorizer, sample);
			if (round === 0) analysed.firstRound.set(opts.sampleSize, graph);
		}
		const fit = clusterSample(corpus, graph, sample, opts);
		const firstGroup = groups;
		const loners: number[] = [];
		const local = new Map<number, number>();
		fit.community.forEach((c, i) => {
			const node = sample[i]!;
			if (fit.docs[c]! < 2) {
				loners.push(node);
				return;
			}
			let g = local.get(c);
			if (g === undefined) local.set(c, (g = groups++));
			groupOf[node] = g;
			const sim = fit.centralSim[i]!;
			const b = best.get(g);
			if (!b || sim > b.sim) best.set(g, { node, sim });
		});
		const leftovers: number[] = [];
		if (rest.length > 0 && groups > firstGroup) {
			const index = centroidIndex(fit, local);
			for (const node of rest) {
				const hit = index.assign(vectorizer, node);
				if (hit.sim >= ASSIGN_MIN) {
					groupOf[node] = hit.group;
					const b = best.get(hit.group);
					if (!b || hit.sim > b.sim) best.set(hit.group, { node, sim: hit.sim });
				} else leftovers.push(node);
			}
		} else for (const node of rest) leftovers.push(node);
		opts.log?.(
			`round ${round + 1}: sample ${sample.length}, ${groups - firstGroup} groups, ` +
				`${rest.length - leftovers.length} of ${rest.length} others assigned`,
		);
		// Sampled tickets that found no partner get one more chance among the leftovers.
		if (leftovers.length === 0) break;
		for (const node of loners) {
			if (!retried[node]) {
				retried[node] = 1;
				leftovers.push(node);
			}
		}
		pending = Int32Array.from(leftovers).sort((a, b) => corpus.hash[a]! - corpus.hash[b]!);
	}
	if (round === MAX_ROUNDS && pending.length > 0) {
		opts.log?.(
			`${pending.length} distinct tickets not reached in ${round} rounds: left as singletons`,
		);
	}
	return describeGroups(docs.length, corpus, groupOf, best);
}

/** The result of clustering one sample of nodes as a graph. */
interface SampleFit {
	/** Community of each sample position. */
	community: Int32Array;
	/** Docs behind each community. */
	docs: Float64Array;
	/** Cosine of each sample node to its community centroid. */
	centralSim: Float32Array;
	/** Normalised, truncated centroid of each community. */
	centroids: SparseVector[];
	/** Document frequencies and size of the sample, to weight unsampled tickets alike. */
	df: Int32Array;
	n: number;
}

/** A sample's vectors and its kNN graph: what steps 2–3 make, whatever the resolution. */
interface SampleGraph {
	df: Int32Array;
	full: SparseRows;
	knn: ReturnType<typeof knnGraph>;
}

/** Steps 2–3 on one set of nodes: vectors and the kNN graph. */
function sampleGraph(vectorizer: Vectorizer, sample: Int32Array): SampleGraph {
	const n = sample.length;
	const df = new Int32Array(HASH_SIZE);
	vectorizer.countDf(sample, df);
	const full = vectorizer.rows(sample, df, n);
	// Candidate vectors: a ticket's strongest stems only, so the inverted index stays cheap even
	// for long emails (two tickets are compared if they share one of them).
	const cand = vectorizer.rows(sample, df, n, true, CANDIDATE_WORDS);
	const k = Math.min(K, Math.max(1, n - 1));
	const knn = knnGraph(cand, n, k, {
		score: full,
		candidates: CANDIDATES,
	});
	return { df, full, knn };
}

/** Step 4 on one sample's graph: Louvain, joins, centroids. */
function clusterSample(
	corpus: Corpus,
	{ df, full, knn }: SampleGraph,
	sample: Int32Array,
	opts: { resolution: number; join: boolean },
): SampleFit {
	const n = sample.length;
	const nodeWeights = Float64Array.from(sample, (node) => corpus.weight[node]!);
	const graph = symmetrize(knn, n, nodeWeights, (s) => s ** EDGE_POWER, MIN_SIM);
	let community = mergeCommunities(graph, louvain(graph, opts.resolution), MERGE_CUT);
	// Pieces of one question that the resolution kept apart (small exports) join again.
	if (opts.join) community = joinByCentroid(community, corpus, sample, full, graph);

	let count = 0;
	for (const c of community) count = Math.max(count, c + 1);
	const docs = new Float64Array(count);
	sample.forEach((node, i) => (docs[community[i]!]! += corpus.count[node]!));
	const sums = Array.from({ length: count }, () => new Map<number, number>());
	for (let i = 0; i < n; i++) {
		if (docs[community[i]!]! < 2) continue;
		addRow(sums[community[i]!]!, full, i, corpus.weight[sample[i]!]!);
	}
	const centroids = sums.map((m) => normalizeTop(m, CENTROID_FEATURES));
	const centralSim = new Float32Array(n);
	for (let i = 0; i < n; i++) centralSim[i] = dotRow(full, i, centroids[community[i]!]!);
	return { community, docs, centralSim, centroids, df, n };
}

/** Step 4, last: linked communities that read alike join (cluster-join.ts). */
function joinByCentroid(
	community: Int32Array,
	corpus: Corpus,
	sample: Int32Array,
	full: SparseRows,
	graph: Graph,
): Int32Array {
	let count = 0;
	for (const c of community) count = Math.max(count, c + 1);
	// Lone tickets take part too: on a tiny export the resolution leaves every ticket alone.
	const sums: CommunitySum[] = Array.from({ length: count }, () => ({
		sum: new Map(),
		weight: 0,
		selfSq: 0,
	}));
	for (let i = 0; i < sample.length; i++) {
		const m = sums[community[i]!]!;
		const w = corpus.weight[sample[i]!]!;
		addRow(m.sum, full, i, w);
		m.weight += w;
		m.selfSq += w * w;
	}
	const to = joinCommunities(sums, JOIN_MIN, {
		graph: CommunityGraph.of(graph, community),
		minCut: JOIN_CUT,
	});
	return community.map((c) => to[c]!);
}

function addRow(m: Map<number, number>, rows: SparseRows, r: number, scale: number): void {
	for (let p = rows.offsets[r]!; p < rows.offsets[r + 1]!; p++) {
		m.set(rows.ids[p]!, (m.get(rows.ids[p]!) ?? 0) + rows.vals[p]! * scale);
	}
}

function dotRow(rows: SparseRows, r: number, v: SparseVector): number {
	// Both id lists are ascending: merge.
	let dot = 0;
	let q = 0;
	for (let p = rows.offsets[r]!; p < rows.offsets[r + 1]! && q < v.ids.length; p++) {
		const id = rows.ids[p]!;
		while (q < v.ids.length && v.ids[q]! < id) q++;
		if (v.ids[q] === id) dot += rows.vals[p]! * v.vals[q]!;
	}
	return dot;
}

/** The `top` largest entries of a map as a normalised sparse vector, ids ascending. */
function normalizeTop(m: Map<number, number>, top: number): SparseVector {
	const entries = [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, top);
	entries.sort((a, b) => a[0] - b[0]);
	let norm = 0;
	for (const [, v] of entries) norm += v * v;
	norm = Math.sqrt(norm) || 1;
	return {
		ids: entries.map((e) => e[0]),
		vals: entries.map((e) => e[1] / norm),
	};
}

/** Inverted index over a sample's group centroids, to place unsampled tickets. */
function centroidIndex(
	fit: SampleFit,
	groupOfCommunity: ReadonlyMap<number, number>,
): {
	assign(vectorizer: Vectorizer, node: number): { group: number; sim: number };
} {
	const postings = new Map<number, number[]>();
	const groups: number[] = [];
	for (const [c, g] of groupOfCommunity) {
		const slot = groups.length;
		groups.push(g);
		const v = fit.centroids[c]!;
		for (let i = 0; i < v.ids.length; i++) {
			let list = postings.get(v.ids[i]!);
			if (!list) postings.set(v.ids[i]!, (list = []));
			list.push(slot, v.vals[i]!);
		}
	}
	const acc = new Float64Array(groups.length);
	const touched: number[] = [];
	return {
		assign(vectorizer, node) {
			vectorizer.vector(node, fit.df, fit.n);
			touched.length = 0;
			for (let i = 0; i < vectorizer.length; i++) {
				const list = postings.get(vectorizer.ids[i]!);
				if (!list) continue;
				const w = vectorizer.vals[i]!;
				for (let p = 0; p < list.length; p += 2) {
					const slot = list[p]!;
					if (acc[slot] === 0) touched.push(slot);
					acc[slot]! += w * list[p + 1]!;
				}
			}
			let bestSlot = -1;
			let bestSim = 0;
			for (const slot of touched) {
				// Ties go to the lower group id so the result never depends on visiting order.
				if (
					acc[slot]! > bestSim ||
					(acc[slot] === bestSim && bestSlot >= 0 && groups[slot]! < groups[bestSlot]!)
				) {
					bestSlot = slot;
					bestSim = acc[slot]!;
				}
				acc[slot] = 0;
			}
			return { group: bestSlot < 0 ? -1 : groups[bestSlot]!, sim: bestSim };
		},
	};
}

/** Builds the output clusters: members per group, singletons for the rest, terms and labels. */
function describeGroups(
	nDocs: number,
	corpus: Corpus,
	groupOf: Int32Array,
	best: ReadonlyMap<number, { node: number; sim: number }>,
): Cluster[] {
	const nodeFirstDoc = new Int32Array(corpus.size).fill(-1);
	for (let d = 0; d < nDocs; d++) {
		const node = corpus.nodeOf[d]!;
		if (node >= 0 && nodeFirstDoc[node] === -1) nodeFirstDoc[node] = d;
	}
	const stemDf = stemDocFrequency(corpus);
	const byKey = new Map<number, { members: number[]; nodes: number[] }>();
	const singles: number[][] = [];
	for (let d = 0; d < nDocs; d++) {
		const node = corpus.nodeOf[d]!;
		if (node < 0) {
			singles.push([d]);
			continue;
		}
		// Ungrouped nodes are groups of their own (identical tickets stay together).
		const key = groupOf[node]! >= 0 ? groupOf[node]! : -1 - node;
		let g = byKey.get(key);
		if (!g) byKey.set(key, (g = { members: [], nodes: [] }));
		g.members.push(d);
		if (nodeFirstDoc[node] === d) g.nodes.push(node);
	}
	const clusters: Cluster[] = [];
	for (const [key, g] of byKey) {
		const rep = key >= 0 ? best.get(key)?.node : undefined;
		const terms = topTerms(corpus, g.nodes, stemDf, nDocs);
		clusters.push({
			members: g.members,
			terms,
			label: labelOf(terms),
			representative: rep !== undefined ? nodeFirstDoc[rep]! : g.members[0]!,
		});
	}
	for (const members of singles) {
		clusters.push({
			members,
			terms: [],
			label: '(no content words)',
			representative: members[0]!,
		});
	}
	clusters.sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
	return clusters;
}
