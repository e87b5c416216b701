/**
 * Does an existing KB article or FAQ already answer a ticket?
 *
 * Every entry is indexed whole and per `##` section: a section that answers is the evidence, and
 * a long article's other sections must not dilute it. Each unit is a TF-IDF vector of stems and
 * stem bigrams plus, as much again, the character 3-grams of its words (as the grouping's vectors:
 * they match "mails" to "emails" and "tweets" to "twitter" where stems do not), in which the title
 * (plus the section heading) counts as much as the text. Two words whose concatenation is a word
 * of the entries count as that word too ("back up" is "backup", "drop box" is "dropbox"). The idf
 * is taken over the entries and reaches 0 for a term every entry shares ("google" in a help center
 * about Google apps), so such terms say nothing about which entry answers.
 *
 * A ticket is scored against every unit; an entry's score is its best unit's. The best entry
 * covers a ticket only when it scores at least {@link MIN_SCORE} and leads the runner-up entry by
 * more than {@link MIN_MARGIN}. How both were chosen is in the README (mining section) and
 * `npm run bench:mine` prints the figures.
 */
import { analyze, charNgrams, stem, words, type Token } from './text.ts';

/** A `##` section of an entry: its heading and its text. */
export interface CoverageSection {
	heading: string;
	text: string;
}

/** Something that may already answer a question: a KB article or an FAQ. */
export interface CoverageEntry {
	/** KB id (e.g. KB-0011) or FAQ id (`faq/<category>/<slug>`). */
	id: string;
	/** KB title or FAQ question. */
	title: string;
	/** Summary and body as plain text. */
	text: string;
	/** The body's `##` sections, if it has any. */
	sections?: readonly CoverageSection[];
}

/** The entry that answers a ticket or group, and how clearly. */
export interface Coverage {
	id: string;
	title: string;
	/** Heading of the section that answers best, or null when the entry as a whole does. */
	section: string | null;
	/** Cosine of the ticket (or group) and the entry's best unit, in [0, 1]. */
	score: number;
	/** How far the entry's score is ahead of the best other entry's. */
	margin: number;
}

type Vec = Map<string, number>;

/** One indexed unit: an entry as a whole, or one of its sections. */
interface Unit {
	entry: number;
	section: string | null;
	vector: Vec;
}

/** Pre-computed unit vectors; build once, score every ticket. */
export interface CoverageIndex {
	entries: readonly CoverageEntry[];
	/** Stems of the words the entries use: what two adjacent words may join into. */
	vocabulary: ReadonlySet<string>;
	units: readonly Unit[];
	/** Postings: term → [unit, weight, unit, weight, …]. */
	postings: ReadonlyMap<string, number[]>;
	df: ReadonlyMap<string, number>;
	n: number;
}

/**
 * The best entry must reach this score… Chosen on the two halves of the stackfaq dev split
 * together with {@link MIN_MARGIN} (README, mining section).
 */
export const MIN_SCORE = 0.26;
/**
 * …and lead the runner-up entry by more than this. With character 3-grams in the vectors, any
 * required lead above 0 lost more answered tickets than it kept unanswered ones out, on both
 * halves: a strict lead is enough, and the margin is reported as evidence.
 */
export const MIN_MARGIN = 0;

/**
 * A ticket judged with its part must itself score at least this for the entry: the part lends it
 * the words of its paraphrases, not an answer to a ticket that shares almost nothing with the
 * entry (an invoice question grouped with webhook tickets in a tiny export). Costs 0.003 of right
 * entry on the stackfaq dev split.
 */
export const MIN_OWN_SCORE = 0.05;

/** Share of a unit's vector given to its title (the rest to its text). */
const TITLE_SHARE = 0.5;
/** Weight of the character 3-gram family against the stems and bigrams (1 = as much, as in grouping). */
const CHAR_WEIGHT = 1;
/** Keys of character 3-grams start with this, which no stem does. */
const CHAR_KEY = '#';
/** Weight of a ticket's own scores against its group's when the two are blended. */
export const OWN_WEIGHT = 0.2;

const add = (tf: Vec, key: string): void => void tf.set(key, (tf.get(key) ?? 0) + 1);

/**
 * Term counts of a text: stems, stem bigrams, the character 3-grams of its words, and the stem of
 * two adjacent words written as one when `vocabulary` holds it ("back up" → "backup").
 */
function counts(text: string, vocabulary: ReadonlySet<string> | null): Vec {
	const tokens: readonly Token[] = analyze(text);
	const tf: Vec = new Map();
	for (let i = 0; i < tokens.length; i++) {
		const s = tokens[i]!.stem;
		add(tf, s);
		if (i + 1 < tokens.length) add(tf, `${s} ${tokens[i + 1]!.stem}`);
		for (const g of charNgrams([tokens[i]!.surface], 3)) add(tf, CHAR_KEY + g);
	}
	if (vocabulary) {
		const ws = words(text);
		for (let i = 0; i + 1 < ws.length; i++) {
			const joined = stem(ws[i]! + ws[i + 1]!);
			if (vocabulary.has(joined)) add(tf, joined);
		}
	}
	return tf;
}

/** Inverse entry frequency: 0 for a term in every entry, highest for a term in one. */
function idfOf(index: Pick<CoverageIndex, 'df' | 'n'>, key: string): number {
	const df = index.df.get(key);
	// A term no entry uses cannot match anything: its weight only lowers the ticket's norm.
	if (df === undefined) return Math.log(1 + index.n);
	return Math.log((1 + index.n) / df);
}

/** Sublinear tf × idf, the word terms and the character 3-grams each normalised, then together. */
function tfidf(tf: Vec, index: Pick<CoverageIndex, 'df' | 'n'>): Vec {
	const v: Vec = new Map();
	const chars: Vec = new Map();
	for (const [key, c] of tf) {
		const w = (1 + Math.log(c)) * idfOf(index, key);
		if (w > 0) (key.startsWith(CHAR_KEY) ? chars : v).set(key, w);
	}
	normalize(v);
	normalize(chars);
	for (const [key, x] of chars) v.set(key, x * CHAR_WEIGHT);
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

/** Indexes the KB articles and FAQs a ticket could be covered by, whole and per section. */
export function buildCoverageIndex(entries: readonly CoverageEntry[]): CoverageIndex {
	const vocabulary = new Set(entries.flatMap((e) => [...analyze(e.title), ...analyze(e.text)].map((t) => t.stem)));
	const titles = entries.map((e) => counts(e.title, vocabulary));
	const bodies = entries.map((e) => counts(e.text, vocabulary));
	const df = new Map<string, number>();
	for (let i = 0; i < entries.length; i++) {
		for (const key of new Set([...titles[i]!.keys(), ...bodies[i]!.keys()])) {
			df.set(key, (df.get(key) ?? 0) + 1);
		}
	}
	const base = { df, n: entries.length };
	const unitOf = (title: Vec, body: Vec): Vec => {
		const v: Vec = new Map();
		addInto(v, tfidf(title, base), TITLE_SHARE);
		addInto(v, tfidf(body, base), 1 - TITLE_SHARE);
		return normalize(v);
	};
	const units: Unit[] = [];
	entries.forEach((e, i) => {
		units.push({
			entry: i,
			section: null,
			vector: unitOf(titles[i]!, bodies[i]!),
		});
		for (const s of e.sections ?? []) {
			const body = counts(s.text, vocabulary);
			if (body.size === 0) continue;
			const title = counts(`${e.title}\n${s.heading}`, vocabulary);
			units.push({ entry: i, section: s.heading, vector: unitOf(title, body) });
		}
	});
	const postings = new Map<string, number[]>();
	units.forEach((u, slot) => {
		for (const [key, w] of u.vector) {
			let list = postings.get(key);
			if (!list) postings.set(key, (list = []));
			list.push(slot, w);
		}
	});
	return { entries, vocabulary, units, postings, df, n: entries.length };
}

/** A text's scores against every entry (best unit each) and which unit that was. */
export interface EntryScores {
	score: Float64Array;
	unit: Int32Array;
}

/** The TF-IDF vector of a ticket's text in the index's terms. */
export function ticketVector(index: CoverageIndex, text: string): Vec {
	return tfidf(counts(text, index.vocabulary), index);
}

/** Scores of a vector against every entry: the best of its units, with that unit. */
export function scoreVector(index: CoverageIndex, v: Vec): EntryScores {
	const perUnit = new Float64Array(index.units.length);
	for (const [key, x] of v) {
		const list = index.postings.get(key);
		if (!list) continue;
		for (let p = 0; p < list.length; p += 2) perUnit[list[p]!]! += x * list[p + 1]!;
	}
	const score = new Float64Array(index.entries.length);
	const unit = new Int32Array(index.entries.length).fill(-1);
	index.units.forEach((u, slot) => {
		const s = Math.min(1, perUnit[slot]!);
		if (unit[u.entry] === -1 || s > score[u.entry]!) {
			score[u.entry] = s;
			unit[u.entry] = slot;
		}
	});
	return { score, unit };
}

/** The mean of several texts' vectors, normalised: a group's centroid in the index's terms. */
export function centroidVector(index: CoverageIndex, texts: readonly string[]): Vec {
	const sum: Vec = new Map();
	for (const t of texts) addInto(sum, ticketVector(index, t), 1);
	return normalize(sum);
}

/**
 * The best entry for these scores when it clears the calibrated score and margin (and, given the
 * ticket's `own` scores, {@link MIN_OWN_SCORE}), else null.
 */
export function decide(index: CoverageIndex, s: EntryScores, own?: EntryScores): Coverage | null {
	let best = -1;
	let second = 0;
	for (let i = 0; i < s.score.length; i++) {
		// Ties go to the earlier entry so the answer is stable.
		if (best < 0 || s.score[i]! > s.score[best]!) {
			if (best >= 0) second = Math.max(second, s.score[best]!);
			best = i;
		} else second = Math.max(second, s.score[i]!);
	}
	if (best < 0) return null;
	const score = s.score[best]!;
	const margin = score - second;
	// A tie is no answer: two entries that answer alike leave the writer to choose.
	if (score < MIN_SCORE || margin <= MIN_MARGIN) return null;
	if (own && own.score[best]! < MIN_OWN_SCORE) return null;
	const e = index.entries[best]!;
	const unit = index.units[s.unit[best]!]!;
	return {
		id: e.id,
		title: e.title,
		section: unit.section,
		score: round(score),
		margin: round(margin),
	};
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** `a` blended with `b`: own · a + (1 − own) · b, entry by entry (units from whichever is higher). */
export function blend(a: EntryScores, b: EntryScores, own: number): EntryScores {
	const score = new Float64Array(a.score.length);
	const unit = new Int32Array(a.score.length);
	for (let i = 0; i < score.length; i++) {
		score[i] = own * a.score[i]! + (1 - own) * b.score[i]!;
		unit[i] = a.score[i]! >= b.score[i]! ? a.unit[i]! : b.unit[i]!;
	}
	return { score, unit };
}

/**
 * Coverage of every ticket of a group: each ticket's own scores blended with those of its part
 * (`partOf[i]`: tickets of the group that ask the same thing in the finest grouping), since a
 * part's centroid pools the wordings of one question that a single short ticket lacks. Decided
 * per ticket. Returns one decision per text, in order.
 */
export function coverTickets(
	index: CoverageIndex,
	texts: readonly string[],
	partOf: ArrayLike<number>,
): Array<Coverage | null> {
	if (index.entries.length === 0) return texts.map(() => null);
	// Tickets with the same text (copies, template mails) are analysed once per group.
	const seen = new Map<string, Vec>();
	const vectors = texts.map((t) => {
		let v = seen.get(t);
		if (!v) seen.set(t, (v = ticketVector(index, t)));
		return v;
	});
	const sums = new Map<number, Vec>();
	vectors.forEach((v, i) => {
		let sum = sums.get(partOf[i]!);
		if (!sum) sums.set(partOf[i]!, (sum = new Map()));
		addInto(sum, v, 1);
	});
	const partScores = new Map<number, EntryScores>();
	for (const [p, sum] of sums) partScores.set(p, scoreVector(index, normalize(sum)));
	const ownScores = new Map<Vec, EntryScores>();
	return vectors.map((v, i) => {
		let own = ownScores.get(v);
		if (!own) ownScores.set(v, (own = scoreVector(index, v)));
		return decide(index, blend(own, partScores.get(partOf[i]!)!, OWN_WEIGHT), own);
	});
}

/** The best entry for a group as a whole (null when none clears the decision), e.g. for drafts. */
export function coverageFor(index: CoverageIndex, texts: readonly string[]): Coverage | null {
	if (index.entries.length === 0) return null;
	return decide(index, scoreVector(index, centroidVector(index, texts)));
}

/** A group's centroid is read from at most this many of its texts, spread evenly over them. */
const NEAREST_SAMPLE = 64;

/** The entry nearest a group, covered or not: a draft takes its category. */
export function nearestEntry(index: CoverageIndex, texts: readonly string[]): number {
	const k = Math.min(texts.length, NEAREST_SAMPLE);
	const sample = Array.from({ length: k }, (_, i) => texts[Math.floor((i * texts.length) / k)]!);
	const { score } = scoreVector(index, centroidVector(index, sample));
	let best = -1;
	for (let i = 0; i < score.length; i++) if (best < 0 || score[i]! > score[best]!) best = i;
	return best;
}
