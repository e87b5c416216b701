/**
 * Does an existing KB article or FAQ already answer a group of tickets?
 *
 * Each entry becomes a TF-IDF vector of stems and stem bigrams (idf over the entries), in which the
 * title counts as much as the whole body: a title states the question an entry answers, while a
 * body also mentions many things it does not. A group becomes the centroid of its tickets' vectors
 * plus its top terms. The score is the cosine of the two, in [0, 1].
 */
import { analyze, type Token } from './text.ts';

/** Something that may already answer a question: a KB article or an FAQ. */
export interface CoverageEntry {
	/** KB id (e.g. KB-0011) or FAQ slug. */
	id: string;
	/** KB title or FAQ question. */
	title: string;
	/** Summary and body as plain text. */
	text: string;
}

/** The best existing entry for a group, with its score in [0, 1]. */
export interface Coverage {
	id: string;
	title: string;
	score: number;
}

type Vec = Map<string, number>;

/** Pre-computed entry vectors; build once, query per group. */
export interface CoverageIndex {
	entries: readonly CoverageEntry[];
	vectors: readonly Vec[];
	df: ReadonlyMap<string, number>;
	n: number;
	/** Scores at or below this mean "not covered". */
	threshold: number;
}

/**
 * Default threshold. On the fixture in tests/unit/mine/coverage.test.ts, groups an entry answers
 * score 0.43–0.60 and unanswered ones at most 0.06; against the starter KB (31 articles) answered
 * groups scored 0.29–0.40 and unrelated ones at most 0.08, since more entries share more words.
 * 0.15 sits in that gap, nearer the low end, because calling a group covered hides it from the
 * draft FAQs, the costlier mistake.
 */
export const COVERAGE_THRESHOLD = 0.15;

/** Share of an entry's vector given to its title (the rest to summary + body). */
const TITLE_SHARE = 0.5;
/** At most this many tickets of a group are read; beyond that the centroid no longer moves. */
const MAX_GROUP_DOCS = 200;

function counts(tokens: readonly Token[]): Vec {
	const tf: Vec = new Map();
	for (let i = 0; i < tokens.length; i++) {
		const s = tokens[i]!.stem;
		tf.set(s, (tf.get(s) ?? 0) + 1);
		if (i + 1 < tokens.length) {
			const bi = `${s} ${tokens[i + 1]!.stem}`;
			tf.set(bi, (tf.get(bi) ?? 0) + 1);
		}
	}
	return tf;
}

function idfOf(index: Pick<CoverageIndex, 'df' | 'n'>, key: string): number {
	return Math.log((1 + index.n) / (1 + (index.df.get(key) ?? 0))) + 1;
}

function tfidf(tf: Vec, index: Pick<CoverageIndex, 'df' | 'n'>): Vec {
	const v: Vec = new Map();
	for (const [key, c] of tf) v.set(key, (1 + Math.log(c)) * idfOf(index, key));
	return normalize(v);
}

function normalize(v: Vec): Vec {
	let norm = 0;
	for (const x of v.values()) norm += x * x;
	norm = Math.sqrt(norm);
	if (norm > 0) for (const [k, x] of v) v.set(k, x / norm);
	return v;
}

function addInto(target: Vec, v: Vec, scale: number): void {
	for (const [k, x] of v) target.set(k, (target.get(k) ?? 0) + x * scale);
}

function cosine(a: Vec, b: Vec): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let dot = 0;
	for (const [k, x] of small) dot += x * (large.get(k) ?? 0);
	return Math.min(1, Math.max(0, dot));
}

/** Indexes the KB articles and FAQs a group could be covered by. */
export function buildCoverageIndex(
	entries: readonly CoverageEntry[],
	options: { threshold?: number } = {},
): CoverageIndex {
	const titles = entries.map((e) => counts(analyze(e.title)));
	const bodies = entries.map((e) => counts(analyze(e.text)));
	const df = new Map<string, number>();
	for (let i = 0; i < entries.length; i++) {
		for (const key of new Set([...titles[i]!.keys(), ...bodies[i]!.keys()])) {
			df.set(key, (df.get(key) ?? 0) + 1);
		}
	}
	const base = { df, n: entries.length };
	const vectors = entries.map((_, i) => {
		const v: Vec = new Map();
		addInto(v, tfidf(titles[i]!, base), TITLE_SHARE);
		addInto(v, tfidf(bodies[i]!, base), 1 - TITLE_SHARE);
		return normalize(v);
	});
	return {
		entries,
		vectors,
		df,
		n: entries.length,
		threshold: options.threshold ?? COVERAGE_THRESHOLD,
	};
}

/** Cosine score of every entry for a group (same order as the entries); for reports and tuning. */
export function coverageScores(
	index: CoverageIndex,
	docs: readonly string[],
	terms: readonly string[],
): number[] {
	const group: Vec = new Map();
	// An even spread of at most MAX_GROUP_DOCS tickets stands for a large group.
	const step = Math.max(1, docs.length / MAX_GROUP_DOCS);
	for (let i = 0; i < docs.length; i += step) {
		addInto(group, tfidf(counts(analyze(docs[Math.floor(i)]!)), index), 1);
	}
	normalize(group);
	if (terms.length > 0) {
		// The group's top terms say what it is about; they count as much as all its tickets.
		const tf: Vec = new Map();
		for (const term of terms) addInto(tf, counts(analyze(term)), 1);
		const termVec = tfidf(tf, index);
		addInto(group, termVec, 1);
		normalize(group);
	}
	return index.vectors.map((v) => cosine(group, v));
}

/** Best existing entry answering this group, or null when none scores above the threshold. */
export function coverageFor(
	index: CoverageIndex,
	docs: readonly string[],
	terms: readonly string[],
): Coverage | null {
	const scores = coverageScores(index, docs, terms);
	let best = -1;
	for (let i = 0; i < scores.length; i++) {
		// Ties go to the earlier entry so the answer is stable.
		if (best < 0 || scores[i]! > scores[best]!) best = i;
	}
	if (best < 0 || scores[best]! <= index.threshold) return null;
	const e = index.entries[best]!;
	return { id: e.id, title: e.title, score: scores[best]! };
}
