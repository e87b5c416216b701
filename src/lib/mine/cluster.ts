/**
 * Groups tickets that ask the same question in different words.
 *
 * Method, chosen by measured quality on the BANKING77 training split (10,003 labelled support
 * questions, 77 intents used only to score; `npm run bench:mine -- --variants` reprints the
 * figures): purity 0.65, NMI 0.74, ARI 0.46 with ~100 groups found, against NMI ~0.58 / ARI ~0.14
 * for TF-IDF + k-means told k = 77.
 * 1. analyse each ticket once (stop words out, Porter stems; text.ts) and collapse tickets with the
 *    same stem sequence into one weighted node;
 * 2. vectors: TF-IDF of stems plus character 3-grams of the words, sublinear tf, idf dampened to
 *    idf^0.3 (full idf lets typos, names and amounts outweigh the words that carry the question:
 *    NMI 0.68 instead of 0.74); char 3-grams match misspellings and variants stemming misses
 *    (stems alone: NMI 0.72);
 * 3. a cosine k-nearest-neighbour graph (k = 20, edges weighted cos²): candidates come from an
 *    inverted index over each ticket's 16 strongest stems (never all pairs), the best 60 are
 *    re-scored on the full vectors;
 * 4. Louvain modularity communities at resolution 6 (plain modularity merges neighbouring
 *    questions: NMI 0.66), then communities whose cut is ≥ 0.3 of the smaller one's volume are
 *    merged again, since a resolution γ caps a community at 1/γ of the graph and would split a
 *    very common question. The number of groups comes from the data, never from the caller;
 * 4b. then, as average linkage over communities, pairs join whose members are as alike across the
 *    pair as within it (mean cross cosine ≥ 0.38 × the more cohesive one's mean inner cosine) and
 *    that are linked in the graph (cut ≥ 0.15 of the smaller one's volume: half what step 4's merge
 *    asks, confirmed by the words; a lone ticket, which sends each neighbour only a sliver of its
 *    edges, joins on its words alone). On a small export the resolution cuts a common question into
 *    pieces that read alike and share edges: a BANKING77 subset of 300 questions from 10 intents,
 *    one asked by 40%, goes from NMI 0.66 / ARI 0.22 and 33 groups to 0.80 / 0.83 and 10 groups
 *    (450 with one at 40%: 0.61 / 0.17 → 0.75 / 0.77; 1,000 from 10 skewed intents: 0.66 / 0.31
 *    → 0.72 / 0.58); the full set is unchanged, 1,000 random questions lose a little (NMI 0.70 →
 *    0.69, ARI 0.33 → 0.28). Without the cut gate any threshold that rejoins the pieces also
 *    merges neighbouring intents (full set: NMI 0.59). It replaced a gate on the pair's shares of
 *    the tickets (geometric mean ≥ 3%), which was on a knife-edge: pieces and unrelated
 *    communities have the same sizes, so 3.6% left the 300 subset in 26 groups (ARI 0.17) and
 *    2.4% merged the 1,000 random ones into 26 (ARI 0.06). Moving either threshold here by ±20%
 *    keeps the full set at NMI ≥ 0.736 / ARI ≥ 0.456 and ≥ 88% of the 40% question in one group;
 *    subset ARI stays within 300: 0.75–0.85, 450: 0.62–0.77, 1,000 skewed: 0.45–0.65, 1,000
 *    random: 0.28–0.31 (both thresholds moved at once: 450 down to 0.56);
 * 5. above `sampleSize` distinct tickets, steps 2–4 run on an order-free sample (lowest hashes);
 *    every other ticket joins the group whose centroid it is most similar to (cos ≥ 0.3), and the
 *    ones that fit none are clustered again the same way for a few rounds. This keeps time
 *    near-linear and memory bounded for a million tickets, at some cost in quality (BANKING77 with
 *    a 3,000 sample: NMI 0.67, ARI 0.36).
 * Measured and dropped: word bigrams, char 4/5-grams, neighbour-vector smoothing,
 * shared-nearest-neighbour edge weights, near-duplicate star merging before the graph, and
 * ensemble (ECG) edge reweighting; each scored lower NMI and ARI.
 */
import { buildCorpus, type Corpus } from './cluster-corpus.ts';
import { knnGraph, symmetrize, type Graph } from './cluster-graph.ts';
import { joinCommunities, type CommunityLinks, type CommunitySum } from './cluster-join.ts';
import { louvain, mergeCommunities } from './cluster-louvain.ts';
import { labelOf, topTerms } from './naming.ts';
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
	/** Edge weight = cosine ^ power (sharper than plain cosine: near paraphrases count most). */
	power?: number;
	/** Candidates per ticket re-scored on the full vectors when building the graph. */
	candidates?: number;
	/** Stems per ticket used to find its candidate neighbours. */
	candidateWords?: number;
	/** Feature families and their weights. */
	features?: Partial<FeatureOptions>;
	/** Merge two communities when their cut is at least this share of the smaller one's volume. */
	mergeMin?: number;
	/** Join communities whose cross/within similarity is at least this (1 = never; cluster-join.ts). */
	joinMin?: number;
	/** ... and whose cut is at least this share of the smaller one's volume (0 = no such gate). */
	joinCut?: number;
	/** Only communities whose shares of the tickets have a geometric mean of this may join (0 = any). */
	joinShare?: number;
	/** Distinct tickets clustered as one graph; more are sampled and assigned (see above). */
	sampleSize?: number;
	/** Minimum cosine to a group's centroid for an unsampled ticket to join that group. */
	assignMin?: number;
	/** Sample-and-assign rounds before the remaining unmatched tickets are left as singletons. */
	maxRounds?: number;
	/** Receives progress lines (round sizes), e.g. for the benchmark. */
	log?: (line: string) => void;
}

const DEFAULTS = {
	k: 20,
	resolution: 6,
	minSim: 0.05,
	power: 2,
	candidates: 60,
	candidateWords: 16,
	sampleSize: 12_000,
	assignMin: 0.3,
	maxRounds: 8,
	mergeMin: 0.3,
	joinMin: 0.38,
	joinCut: 0.15,
	joinShare: 0,
};

export const DEFAULT_FEATURES: FeatureOptions = {
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
 * Clusters cleaned, redacted ticket texts. Returns clusters covering every index exactly once
 * (singletons included), largest first; deterministic: same input, same output, and the same
 * groups whatever the input order.
 */
export function clusterTexts(docs: readonly string[], options: ClusterOptions = {}): Cluster[] {
	const opts = { ...DEFAULTS, ...stripUndefined(options) };
	const feats: FeatureOptions = { ...DEFAULT_FEATURES, ...options.features };
	const corpus = buildCorpus(docs, options.weights, feats.charN);
	const u = corpus.size;
	const vectorizer = new Vectorizer(corpus, feats);
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
	for (; round < opts.maxRounds && pending.length > 0; round++) {
		const sample = pending.subarray(0, Math.min(opts.sampleSize, pending.length));
		const rest = pending.subarray(sample.length);
		const fit = clusterSample(corpus, vectorizer, sample, opts);
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
				if (hit.sim >= opts.assignMin) {
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
	if (round === opts.maxRounds && pending.length > 0) {
		opts.log?.(
			`${pending.length} distinct tickets not reached in ${round} rounds: left as singletons`,
		);
	}
	return describeGroups(docs.length, corpus, groupOf, best);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
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

/** Steps 2–4 on one set of nodes: vectors, kNN graph, Louvain, centroids. */
function clusterSample(
	corpus: Corpus,
	vectorizer: Vectorizer,
	sample: Int32Array,
	opts: typeof DEFAULTS,
): SampleFit {
	const n = sample.length;
	const df = new Int32Array(HASH_SIZE);
	vectorizer.countDf(sample, df);
	const full = vectorizer.rows(sample, df, n);
	// Candidate vectors: a ticket's strongest stems only, so the inverted index stays cheap even
	// for long emails (two tickets are compared if they share one of them).
	const cand = vectorizer.rows(sample, df, n, true, opts.candidateWords);
	const k = Math.min(opts.k, Math.max(1, n - 1));
	const knn = knnGraph(cand, n, k, {
		score: full,
		candidates: opts.candidates,
	});
	const nodeWeights = Float64Array.from(sample, (node) => corpus.weight[node]!);
	const graph = symmetrize(knn, n, nodeWeights, (s) => s ** opts.power, opts.minSim);
	let community = mergeCommunities(graph, louvain(graph, opts.resolution), opts.mergeMin);
	// 4b. Pieces of one question that the resolution kept apart (small exports) join again.
	if (opts.joinMin < 1) {
		let total = 0;
		for (const node of sample) total += corpus.weight[node]!;
		community = joinByCentroid(
			community,
			corpus,
			sample,
			full,
			graph,
			opts.joinMin,
			opts.joinCut,
			total * opts.joinShare,
		);
	}

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

/** Step 4b: linked communities that read alike join (cluster-join.ts). */
function joinByCentroid(
	community: Int32Array,
	corpus: Corpus,
	sample: Int32Array,
	full: SparseRows,
	graph: Graph,
	threshold: number,
	minCut: number,
	minWeight: number,
): Int32Array {
	let count = 0;
	for (const c of community) count = Math.max(count, c + 1);
	// Lone tickets take part too: on a tiny export the resolution leaves every ticket alone.
	const sums: Array<CommunitySum | null> = Array.from({ length: count }, () => ({
		sum: new Map(),
		weight: 0,
		selfSq: 0,
	}));
	for (let i = 0; i < sample.length; i++) {
		const m = sums[community[i]!];
		if (!m) continue;
		const w = corpus.weight[sample[i]!]!;
		addRow(m.sum, full, i, w);
		m.weight += w;
		m.selfSq += w * w;
	}
	let links: CommunityLinks | undefined;
	if (minCut > 0) {
		const vol = new Float64Array(count);
		const cut = Array.from({ length: count }, () => new Map<number, number>());
		for (let i = 0; i < graph.n; i++) {
			const a = community[i]!;
			for (let p = graph.offsets[i]!; p < graph.offsets[i + 1]!; p++) {
				vol[a]! += graph.weights[p]!;
				// Each undirected edge is stored at both ends, so each end records it once.
				const b = community[graph.targets[p]!]!;
				if (a !== b) cut[a]!.set(b, (cut[a]!.get(b) ?? 0) + graph.weights[p]!);
			}
		}
		links = { vol, cut, minCut };
	}
	const to = joinCommunities(sums, threshold, minWeight, links);
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
	// Global stem document frequency (by docs), for ranking a group's characteristic words.
	const stemDf = new Float64Array(corpus.stems.length);
	const seen = new Int32Array(corpus.stems.length).fill(-1);
	for (let node = 0; node < corpus.size; node++) {
		for (let p = corpus.start[node]!; p < corpus.start[node + 1]!; p++) {
			const s = corpus.stemOf[corpus.words[p]!]!;
			if (seen[s] !== node) {
				seen[s] = node;
				stemDf[s]! += corpus.count[node]!;
			}
		}
	}
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
