/**
 * `npm run mine` without the file system: exports in (as streams), the suggestions document, draft
 * FAQ entries and the report out. Grouping and coverage scoring are `cluster.ts` and `coverage.ts`;
 * this module feeds them the cleaned, redacted tickets and turns their groups into evidence.
 */
import { clusterTexts, type Cluster } from './cluster.ts';
import { buildCoverageIndex, coverageFor, coverageScores, type CoverageEntry } from './coverage.ts';
import { categoryFor, draftFaq, slugify, type Draft } from './draft.ts';
import { MineError } from './errors.ts';
import { ingest, type InputFile } from './ingest.ts';
import { redactPeople } from './people.ts';
import { readQueries, type Query } from './queries.ts';
import { renderHtml, renderMarkdown } from './report.ts';
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
 * Mine the exports. Throws a MineError when an input cannot be read at all or holds no tickets;
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
		throw new MineError(
			`no tickets found (${rejected.length} rejected, ${skipped} skipped); nothing to mine`,
			inputs.map((i) => i.name).join(', '),
		);
	}

	// Search queries join the grouping as pseudo-tickets `query:<line>` at half a ticket's weight:
	// a query is a few words, so it should land in the group it is nearest to without pulling
	// tickets toward it. Its count is evidence instead: it ranks the group and counts toward
	// --min-size for a draft. The queries never enter `ticketIds`.
	const docs = [...tickets.map((t) => t.text), ...queries.map((q) => q.text)].map((d) =>
		d.replace(MARKS, ' '),
	);
	const weights =
		queries.length > 0 ? docs.map((_, i) => (i < tickets.length ? 1 : QUERY_WEIGHT)) : undefined;
	const clusters = clusterTexts(docs, weights ? { weights } : {});
	checkPartition(clusters, docs.length);

	const index = buildCoverageIndex(options.content);
	const memberDocs = (c: Cluster) => c.members.map((m) => docs[m]!);
	const coverage = clusters.map((c) =>
		options.content.length === 0 ? null : coverageFor(index, memberDocs(c), c.terms),
	);
	const { suggestions, members } = buildSuggestions({
		tickets,
		queries,
		clusters,
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
			const scores = coverageScores(
				index,
				ticketMembers.map((m) => docs[m]!),
				cluster.terms,
			);
			const best = scores.reduce((b, s, j) => (s > (scores[b] ?? 0) ? j : b), -1);
			if (best >= 0) nearest = options.content[best]!.category;
		}
		const category = categoryFor(
			ticketMembers.flatMap((m) => tickets[m]!.tags),
			options.categories,
			nearest,
		);
		const texts = new Set([cluster.representative.text]);
		const wordings = spread(ticketMembers, 12)
			.map((m) => ({ id: tickets[m]!.id, text: redactPeople(tickets[m]!.text) }))
			.filter((w) => !texts.has(w.text) && texts.add(w.text))
			.slice(0, 4);
		const base = `${cluster.id.toLowerCase()}-${slugify(cluster.label, 50) || 'group'}`;
		let name = `${base}.mdx`;
		for (let k = 2; names.has(name); k++) name = `${base}-${k}.mdx`;
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

/** Plain text of an MDX body for coverage scoring: imports and JSX tags are not the answer. */
export function mdxText(body: string): string {
	return body
		.replace(/^\s*(?:import|export)\s.*$/gm, ' ')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}
