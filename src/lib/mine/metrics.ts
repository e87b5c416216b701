/**
 * External clustering quality measures, computed from two label arrays of equal length: the true
 * classes (e.g. BANKING77 intents) and the predicted clusters. Definitions follow scikit-learn's
 * `metrics.cluster` module so figures can be compared with published baselines.
 */

import { normalizeTicket } from './normalize.ts';
import { redactPeople } from './people.ts';

type Label = string | number;

/** Joint counts of (true class, cluster) plus the two marginals. */
interface Contingency {
	n: number;
	/** Non-zero cells as [class, cluster, count]. */
	cells: Array<[number, number, number]>;
	classSizes: number[];
	clusterSizes: number[];
}

function contingency(truth: readonly Label[], pred: readonly Label[]): Contingency {
	if (truth.length !== pred.length) {
		throw new Error(`label arrays differ in length: ${truth.length} vs ${pred.length}`);
	}
	const classIds = new Map<Label, number>();
	const clusterIds = new Map<Label, number>();
	const cellMap = new Map<string, [number, number, number]>();
	const classSizes: number[] = [];
	const clusterSizes: number[] = [];
	for (let i = 0; i < truth.length; i++) {
		let c = classIds.get(truth[i]!);
		if (c === undefined) classIds.set(truth[i]!, (c = classIds.size));
		let k = clusterIds.get(pred[i]!);
		if (k === undefined) clusterIds.set(pred[i]!, (k = clusterIds.size));
		classSizes[c] = (classSizes[c] ?? 0) + 1;
		clusterSizes[k] = (clusterSizes[k] ?? 0) + 1;
		const key = `${c},${k}`;
		const cell = cellMap.get(key);
		if (cell) cell[2]++;
		else cellMap.set(key, [c, k, 1]);
	}
	return {
		n: truth.length,
		cells: [...cellMap.values()],
		classSizes,
		clusterSizes,
	};
}

/**
 * Purity: the share of items that belong to the most common true class of their cluster.
 * 1 means every cluster is pure; it is trivially 1 for all-singleton clusterings, so read it
 * together with NMI and ARI.
 */
export function purity(truth: readonly Label[], pred: readonly Label[]): number {
	if (truth.length === 0) return 1;
	const best = new Map<Label, Map<Label, number>>();
	for (let i = 0; i < truth.length; i++) {
		let counts = best.get(pred[i]!);
		if (!counts) best.set(pred[i]!, (counts = new Map()));
		counts.set(truth[i]!, (counts.get(truth[i]!) ?? 0) + 1);
	}
	let sum = 0;
	for (const counts of best.values()) sum += Math.max(...counts.values());
	return sum / truth.length;
}

function entropy(sizes: readonly number[], n: number): number {
	let h = 0;
	for (const s of sizes) if (s > 0) h -= (s / n) * Math.log(s / n);
	return h;
}

/**
 * Normalised mutual information with arithmetic-mean normalisation,
 * NMI = I(U;V) / ((H(U) + H(V)) / 2), as scikit-learn's `normalized_mutual_info_score` default.
 * Two single-cluster labelings score 1, as there.
 */
export function nmi(truth: readonly Label[], pred: readonly Label[]): number {
	const { n, cells, classSizes, clusterSizes } = contingency(truth, pred);
	if (n === 0) return 1;
	if (classSizes.length === 1 && clusterSizes.length === 1) return 1;
	let mi = 0;
	for (const [r, c, nij] of cells) {
		mi += (nij / n) * Math.log((n * nij) / (classSizes[r]! * clusterSizes[c]!));
	}
	const denom = (entropy(classSizes, n) + entropy(clusterSizes, n)) / 2;
	if (denom === 0) return 1;
	// Rounding can push MI a hair past the mean entropy; clamp so callers see a value in [0,1].
	return Math.min(1, Math.max(0, mi / denom));
}

const pairs = (x: number): number => (x * (x - 1)) / 2;

/**
 * Adjusted Rand index (Hubert & Arabie): pair-counting agreement corrected for chance. 1 for
 * identical partitions, about 0 for random ones, negative when worse than chance.
 */
export function ari(truth: readonly Label[], pred: readonly Label[]): number {
	const { n, cells, classSizes, clusterSizes } = contingency(truth, pred);
	if (n < 2) return 1;
	let sumCells = 0;
	for (const [, , c] of cells) sumCells += pairs(c);
	let sumA = 0;
	for (const a of classSizes) sumA += pairs(a);
	let sumB = 0;
	for (const b of clusterSizes) sumB += pairs(b);
	const expected = (sumA * sumB) / pairs(n);
	const max = (sumA + sumB) / 2;
	// Both partitions all-singletons or both one cluster: identical by construction.
	if (max === expected) return 1;
	return (sumCells - expected) / (max - expected);
}

/** Purity, NMI and ARI in one call. */
export function scoreClustering(
	truth: readonly Label[],
	pred: readonly Label[],
): { purity: number; nmi: number; ari: number; clusters: number } {
	return {
		purity: purity(truth, pred),
		nmi: nmi(truth, pred),
		ari: ari(truth, pred),
		clusters: new Set(pred).size,
	};
}

/**
 * How well coverage finds the gaps, per ticket: `truth[i]` is the entry that answers ticket i
 * (null when none does), `covered[i]` the entry its group was said to be covered by (null when
 * the group is a suggestion). Gap detection is the share of unanswered tickets left uncovered,
 * right entry the share of answered tickets covered by their own entry. NaN when no ticket of
 * that kind exists.
 */
export function scoreCoverage(
	truth: readonly (string | null)[],
	covered: readonly (string | null)[],
): { gap: number; right: number; answered: number; unanswered: number } {
	if (truth.length !== covered.length) {
		throw new Error(`label arrays differ in length: ${truth.length} vs ${covered.length}`);
	}
	let gaps = 0;
	let found = 0;
	let answered = 0;
	for (let i = 0; i < truth.length; i++) {
		if (truth[i] === null) {
			if (covered[i] === null) gaps++;
		} else {
			answered++;
			if (covered[i] === truth[i]) found++;
		}
	}
	const unanswered = truth.length - answered;
	return {
		gap: gaps / unanswered,
		right: found / answered,
		answered,
		unanswered,
	};
}

/** A redaction fixture's case: values that must be gone from the output, and values that must stay. */
export interface RedactionCase {
	redact: readonly string[];
	keep: readonly string[];
}

/** A planted ticket of the redaction fixture (tests/unit/fixtures/mine/redaction-precision.json). */
export interface PlantedTicket extends RedactionCase {
	subject: string;
	body: string;
	/** The requester's own values (name, e-mail), as an export's requester fields give them. */
	personal: string[];
}

/**
 * Redaction of planted tickets, scored both ways: each goes through cleaning and redaction as a
 * ticket, then the name finder, as the miner writes a representative. The benchmark prints it and
 * the unit test holds it, so both score the same way.
 */
export function measureRedaction(cases: readonly PlantedTicket[]): ReturnType<typeof scoreRedaction> {
	const outputs = cases.map((c, i) =>
		redactPeople(
			normalizeTicket({
				id: String(i),
				subject: c.subject,
				messages: [c.body],
				created: null,
				channel: null,
				tags: [],
				personal: c.personal,
			})?.text ?? '',
		),
	);
	return scoreRedaction(cases, outputs);
}

/**
 * Redaction measured both ways on planted values: recall (share of personal values and secrets
 * gone from the output) and precision as kept (share of product, library, version and platform
 * strings still there verbatim), with the values that failed.
 */
export function scoreRedaction(
	cases: readonly RedactionCase[],
	outputs: readonly string[],
): {
	removed: number;
	planted: number;
	kept: number;
	keep: number;
	leaked: string[];
	lost: string[];
} {
	const leaked: string[] = [];
	const lost: string[] = [];
	let planted = 0;
	let keep = 0;
	cases.forEach((c, i) => {
		const out = outputs[i]!;
		for (const v of c.redact) {
			planted++;
			if (out.includes(v)) leaked.push(v);
		}
		for (const v of c.keep) {
			keep++;
			if (!out.includes(v)) lost.push(v);
		}
	});
	return {
		removed: planted - leaked.length,
		planted,
		kept: keep - lost.length,
		keep,
		leaked,
		lost,
	};
}
