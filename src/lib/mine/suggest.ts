/**
 * The `suggestions.json` document: every group of tickets with its evidence (size, share, dates,
 * channels, example wordings), what already covers it, and where its draft FAQ entry went.
 */
import type { Cluster } from './cluster.ts';
import type { Coverage } from './coverage.ts';
import type { FileSummary } from './ingest.ts';
import type { Query } from './queries.ts';
import { redactPeople } from './people.ts';
import { labelFrom } from './naming.ts';
import { tokenize } from './text.ts';
import type { Rejection, Ticket } from './ticket.ts';

/** A search query that found nothing, as evidence inside a group. */
export interface QueryEvidence {
	id: string;
	text: string;
	count: number;
}

/** One group of tickets asking the same question. */
export interface SuggestionCluster {
	/** `G001`, `G002`, … in rank order. */
	id: string;
	/** The representative's subject line, or its words for the topic (see labelFrom), else the top terms. */
	label: string;
	/** Tickets in the group. */
	size: number;
	/** size ÷ all kept tickets. */
	share: number;
	/** How often the group's zero-result search queries were searched. */
	searches: number;
	/** Every ticket of the group, in input order; each kept ticket is in exactly one group. */
	ticketIds: string[];
	queries: QueryEvidence[];
	/** The ticket (or query) that best stands for the group, with its redacted text. */
	representative: { id: string; text: string };
	terms: string[];
	/** ISO times of the oldest and newest ticket, null when the export has no dates. */
	firstSeen: string | null;
	lastSeen: string | null;
	/** Tickets per channel (`unknown` when the export does not say). */
	channels: Record<string, number>;
	/** The KB article or FAQ that already answers the group, or null. */
	coveredBy: Coverage | null;
	/** Path of the draft FAQ entry written for the group, or null. */
	draft: string | null;
}

/** The whole `suggestions.json` document. */
export interface Suggestions {
	generatedAt: string;
	input: {
		files: FileSummary[];
		/** The export format, or `mixed` when the files differ. */
		format: string;
		tickets: number;
		rejected: number;
		/** Records that are not questions (pull requests, spam, deleted, empty after cleaning). */
		skipped: number;
		/** Distinct zero-result queries read with --queries, and how often they were searched. */
		queries: number;
		searches: number;
	};
	rejected: Rejection[];
	clusters: SuggestionCluster[];
}

/** What {@link buildSuggestions} turns into the document. */
export interface SuggestInput {
	tickets: readonly Ticket[];
	queries: readonly Query[];
	/** Clusters over the tickets followed by the queries (indices ≥ tickets.length are queries). */
	clusters: readonly Cluster[];
	/** Coverage of each cluster, same order. */
	coverage: readonly (Coverage | null)[];
	files: FileSummary[];
	rejected: Rejection[];
	generatedAt: Date;
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/**
 * The ticket of a group that shares most of its top terms, for the rare group whose most central
 * member is a search query: a query is a few words, a ticket shows how customers ask.
 */
function representativeTicket(
	members: readonly number[],
	tickets: readonly Ticket[],
	terms: readonly string[],
): number {
	const wanted = new Set(terms.flatMap((t) => tokenize(t)));
	let best = -1;
	let bestScore = -1;
	for (const m of members) {
		if (m >= tickets.length) continue;
		const tokens = new Set(tokenize(tickets[m]!.text));
		let score = 0;
		for (const w of wanted) if (tokens.has(w)) score++;
		if (score > bestScore) {
			best = m;
			bestScore = score;
		}
	}
	return best;
}

/**
 * Build the suggestions document. Groups are ranked by evidence (tickets plus searches), then by
 * recency (newest last ticket first), then by label, so the order is stable. `members` gives each
 * ranked group's doc indices (tickets, then queries) for the drafts.
 */
export function buildSuggestions(input: SuggestInput): {
	suggestions: Suggestions;
	members: number[][];
} {
	const { tickets, queries } = input;
	const n = tickets.length;
	const rows = input.clusters.map((c, i) => {
		const ticketMembers = c.members.filter((m) => m < n);
		const queryMembers = c.members.filter((m) => m >= n).map((m) => queries[m - n]!);
		let first: number | null = null;
		let last: number | null = null;
		const channels: Record<string, number> = {};
		for (const m of ticketMembers) {
			const t = tickets[m]!;
			if (t.created !== null) {
				if (first === null || t.created < first) first = t.created;
				if (last === null || t.created > last) last = t.created;
			}
			const ch = t.channel ?? 'unknown';
			channels[ch] = (channels[ch] ?? 0) + 1;
		}
		let rep = c.representative;
		if (rep >= n && ticketMembers.length > 0)
			rep = representativeTicket(ticketMembers, tickets, c.terms);
		const representative =
			rep < n
				? { id: tickets[rep]!.id, text: redactPeople(tickets[rep]!.text) }
				: { id: queries[rep - n]!.id, text: redactPeople(queries[rep - n]!.text) };
		const searches = queryMembers.reduce((s, q) => s + q.count, 0);
		return {
			cluster: {
				id: '',
				label: labelFrom(
					representative.text,
					c.terms,
					c.label,
					rep < n && tickets[rep]!.subjectLength > 0,
				),
				size: ticketMembers.length,
				share: n === 0 ? 0 : Math.round((ticketMembers.length / n) * 10_000) / 10_000,
				searches,
				ticketIds: ticketMembers.map((m) => tickets[m]!.id),
				queries: queryMembers.map((q) => ({
					id: q.id,
					text: redactPeople(q.text),
					count: q.count,
				})),
				representative,
				terms: c.terms,
				firstSeen: iso(first),
				lastSeen: iso(last),
				channels: Object.fromEntries(Object.entries(channels).sort(([a], [b]) => (a < b ? -1 : 1))),
				coveredBy: input.coverage[i] ?? null,
				draft: null,
			} satisfies SuggestionCluster,
			last: last ?? -Infinity,
			firstMember: c.members[0] ?? 0,
			members: c.members,
		};
	});
	rows.sort(
		(a, b) =>
			b.cluster.size + b.cluster.searches - (a.cluster.size + a.cluster.searches) ||
			b.last - a.last ||
			(a.cluster.label < b.cluster.label ? -1 : a.cluster.label > b.cluster.label ? 1 : 0) ||
			a.firstMember - b.firstMember,
	);
	const width = Math.max(3, String(rows.length).length);
	const clusters = rows.map((r, i) => ({
		...r.cluster,
		id: `G${String(i + 1).padStart(width, '0')}`,
	}));
	const formats = [...new Set(input.files.map((f) => f.format))];
	const suggestions: Suggestions = {
		generatedAt: input.generatedAt.toISOString(),
		input: {
			files: input.files,
			format: formats.length === 1 ? formats[0]! : 'mixed',
			tickets: n,
			rejected: input.rejected.length,
			skipped: input.files.reduce((s, f) => s + f.skipped, 0),
			queries: queries.length,
			searches: queries.reduce((s, q) => s + q.count, 0),
		},
		rejected: input.rejected,
		clusters,
	};
	return { suggestions, members: rows.map((r) => r.members) };
}
