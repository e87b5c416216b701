/**
 * `npm run mine` without the file system: exports in (as streams), the suggestions document, draft
 * FAQ entries and the report out. Grouping and coverage scoring are `cluster.ts` and `coverage.ts`;
 * this module feeds them the cleaned, redacted tickets and turns their groups into evidence.
 */
import {
	analyseTexts,
	clusterTexts,
	PART_RESOLUTION,
	type AnalysedTexts,
	type Cluster,
} from './cluster.ts';
import {
	buildCoverageIndex,
	coverTickets,
	nearestEntry,
	type Coverage,
	type CoverageEntry,
} from './coverage.ts';
import { categoryFor, draftFaq, slugify, type Draft } from './draft.ts';
import { InputError } from '../cli-errors.ts';
import { ingest, type InputFile } from './ingest.ts';
import { redactPeople } from './people.ts';
import { readQueries, type Query } from './queries.ts';
import { renderHtml, renderMarkdown } from './report.ts';
import { tokenize } from './text.ts';
import { buildSuggestions, type Suggestions } from './suggest.ts';
import type { ColumnMap, FormatName, Rejection } from './ticket.ts';

/** A KB article or FAQ that may already answer a group, with its category for drafts. */
export interface ContentEntry extends CoverageEntry {
	category: string;
}

/** Everything {@link mine} needs besides the exports. */
export interface MineOptions {
	format: FormatName | 'auto';
	map?: ColumnMap;
	/** Zero-result search queries (`--queries`). */
	queries?: InputFile;
	/** Existing, published KB articles and FAQs. */
	content: readonly ContentEntry[];
	/** Category slugs a draft may use (the help center's categories). */
	categories: ReadonlySet<string>;
	/** Uncovered groups with at least this many tickets plus searches get a draft. */
	minSize: number;
	/** Where drafts will be written, as it should appear in suggestions.json and the report. */
	draftsDir: string;
	now: Date;
}

/** The outputs, ready to write. */
export interface MineResult {
	suggestions: Suggestions;
	/** Draft FAQ entries, file names relative to the drafts folder. */
	drafts: Draft[];
	markdown: string;
	html: string;
}

/** Weight of a zero-result search query in grouping, relative to a ticket. */
export const QUERY_WEIGHT = 0.5;

// The redaction marks say nothing about the question; "[email]" must not make "email" a topic.
const MARKS = /\[(?:email|phone|ip|secret|card|name)\]/g;

/** Throws if the clusters do not cover every doc exactly once: the output promises that. */
function checkPartition(clusters: readonly Cluster[], n: number): void {
	const seen = new Uint8Array(n);
	for (const c of clusters) {
		for (const m of c.members) {
			if (m < 0 || m >= n || seen[m])
				throw new Error(`clusterTexts returned doc ${m} twice or out of range`);
			seen[m] = 1;
		}
	}
	const missing = seen.indexOf(0);
	if (missing >= 0) throw new Error(`clusterTexts left doc ${missing} out of every cluster`);
}

/** Evenly spread picks of up to `k` items, first included, so examples span the group. */
function spread<T>(items: readonly T[], k: number): T[] {
	if (items.length <= k) return [...items];
	return Array.from({ length: k }, (_, i) => items[Math.floor((i * items.length) / k)]!);
}

/**
 * Mine the exports. Throws a InputError when an input cannot be read at all or holds no tickets;
 * bad records are listed in `suggestions.rejected` instead.
 */
export async function mine(
	inputs: readonly InputFile[],
	options: MineOptions,
): Promise<MineResult> {
	const { tickets, rejected, files } = await ingest(inputs, {
		format: options.format,
		...(options.map ? { map: options.map } : {}),
	});
	let queries: Query[] = [];
	const allRejected: Rejection[] = [...rejected];
	if (options.queries) {
		const q = await readQueries(options.queries);
		queries = q.queries;
		allRejected.push(...q.rejected);
	}
	if (tickets.length === 0) {
		const skipped = files.reduce((n, f) => n + f.skipped, 0);
		throw new InputError(
			`no tickets found (${rejected.length} rejected, ${skipped} skipped); nothing to mine`,
			inputs.map((i) => i.name).join(', '),
		);
	}

	// Search queries join the grouping as pseudo-tickets `query:<line>` at half a ticket's weight:
	// a query is a few words, so it should land in the group it is nearest to without pulling
	// tickets toward it. Its count is evidence instead: it ranks the group and counts toward
	// --min-size for a draft. The queries never enter `ticketIds`.
	// The subject line states the question; the body adds context (and, in developer tickets,
	// whatever survived cleaning). The subject is read twice, so it weighs more.
	const docs = [
		...tickets.map((t) =>
			t.subjectLength > 0 ? `${t.text.slice(0, t.subjectLength)}\n${t.text}` : t.text,
		),
		...queries.map((q) => q.text),
	].map((d) => d.replace(MARKS, ' '));
	const weights =
		queries.length > 0 ? docs.map((_, i) => (i < tickets.length ? 1 : QUERY_WEIGHT)) : undefined;
	// Analysed once for both clusterings: the grouping and the finer parts coverage reads.
	const analysed = analyseTexts(docs, weights);
	const clusters = clusterTexts(analysed);
	checkPartition(clusters, docs.length);

	const index = buildCoverageIndex(options.content);
	const { clusters: groups, coverage } = splitByCoverage(
		detachStrayQueries(clusters, docs, tickets.length),
		analysed,
		index,
	);
	const { suggestions, members } = buildSuggestions({
		tickets,
		queries,
		clusters: groups,
		coverage,
		files,
		rejected: allRejected,
		generatedAt: options.now,
	});

	const drafts: Draft[] = [];
	const names = new Set<string>();
	suggestions.clusters.forEach((cluster, i) => {
		if (cluster.coveredBy !== null || cluster.size + cluster.searches < options.minSize) return;
		const ticketMembers = members[i]!.filter((m) => m < tickets.length);
		let nearest: string | null = null;
		if (options.content.length > 0) {
			const best = nearestEntry(
				index,
				ticketMembers.map((m) => docs[m]!),
			);
			if (best >= 0) nearest = options.content[best]!.category;
		}
		const category = categoryFor(
			ticketMembers.flatMap((m) => tickets[m]!.tags),
			options.categories,
			nearest,
		);
		const texts = new Set([cluster.representative.text]);
		const wordings = spread(ticketMembers, 12)
			.map((m) => ({
				id: tickets[m]!.id,
				text: redactPeople(tickets[m]!.text),
			}))
			.filter((w) => !texts.has(w.text) && texts.add(w.text))
			.slice(0, 4);
		const base = `${cluster.id.toLowerCase()}-${slugify(cluster.label, 50) || 'group'}`;
		let name = `${base}.md`;
		for (let k = 2; names.has(name); k++) name = `${base}-${k}.md`;
		names.add(name);
		drafts.push({
			fileName: name,
			source: draftFaq({
				cluster,
				wordings,
				category,
				totalTickets: tickets.length,
				generatedAt: options.now,
			}),
		});
		cluster.draft = `${options.draftsDir}/${name}`;
	});

	return {
		suggestions,
		drafts,
		markdown: renderMarkdown(suggestions),
		html: renderHtml(suggestions),
	};
}

/**
 * Coverage is decided per ticket, so a group whose tickets are answered by different entries, or
 * only partly answered, splits: the tickets each entry answers form a group covered by it, the
 * rest stay a group of their own (a suggestion). Tickets are judged with the others of their part
 * of the group: the group clustered again at {@link PART_RESOLUTION}, without joining, which
 * separates questions that share a product's words (the whole export clustered again: a
 * resolution is relative to the graph, so clustering one group alone would shatter it). Each resulting group keeps the group's terms; its
 * representative is the group's when it is a member, else the part's first member.
 */
/**
 * A search query shares a group only when it uses one of the group's terms: the graph links every
 * query to its nearest tickets, so "how do i cancel my subscription" could otherwise ride along
 * with the webhook tickets. A stray query becomes a suggestion of its own.
 */
function detachStrayQueries(
	clusters: readonly Cluster[],
	docs: readonly string[],
	nTickets: number,
): Cluster[] {
	const out: Cluster[] = [];
	for (const c of clusters) {
		if (!c.members.some((m) => m >= nTickets) || !c.members.some((m) => m < nTickets)) {
			out.push(c);
			continue;
		}
		const topic = new Set(c.terms.flatMap((t) => tokenize(t)));
		const stray = c.members.filter(
			(m) => m >= nTickets && !tokenize(docs[m]!).some((s) => topic.has(s)),
		);
		if (stray.length === 0) {
			out.push(c);
			continue;
		}
		const kept = c.members.filter((m) => !stray.includes(m));
		out.push({
			...c,
			members: kept,
			representative: kept.includes(c.representative) ? c.representative : kept[0]!,
		});
		for (const m of stray)
			out.push({ members: [m], terms: [], label: docs[m]!, representative: m });
	}
	return out;
}

const PARTS = { resolution: PART_RESOLUTION, join: false };

function splitByCoverage(
	clusters: readonly Cluster[],
	analysed: AnalysedTexts,
	index: ReturnType<typeof buildCoverageIndex>,
): { clusters: Cluster[]; coverage: Array<Coverage | null> } {
	const { docs } = analysed;
	const out: Cluster[] = [];
	const coverage: Array<Coverage | null> = [];
	const partOfDoc = new Int32Array(docs.length);
	if (index.entries.length > 0) {
		clusterTexts(analysed, PARTS).forEach((part, p) => {
			for (const d of part.members) partOfDoc[d] = p;
		});
	}
	for (const c of clusters) {
		const texts = c.members.map((m) => docs[m]!);
		const partOf = c.members.map((m) => partOfDoc[m]!);
		const decisions = coverTickets(index, texts, partOf);
		const parts = new Map<string, { members: number[]; best: Coverage | null }>();
		c.members.forEach((m, i) => {
			const d = decisions[i]!;
			const key = d?.id ?? '';
			let part = parts.get(key);
			if (!part) parts.set(key, (part = { members: [], best: d }));
			part.members.push(m);
			// The part's evidence: its most clearly answered ticket.
			if (d && part.best && d.margin > part.best.margin) part.best = d;
		});
		for (const part of parts.values()) {
			out.push({
				...c,
				members: part.members,
				representative: part.members.includes(c.representative)
					? c.representative
					: part.members[0]!,
			});
			coverage.push(part.best);
		}
	}
	return { clusters: out, coverage };
}

/** Plain text of an MDX body for coverage scoring: imports and JSX tags are not the answer. */
export function mdxText(body: string): string {
	return body
		.replace(/^\s*(?:import|export)\s.*$/gm, ' ')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
