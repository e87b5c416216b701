/**
 * Draft FAQ entries for groups no KB article or FAQ covers yet: valid against the FAQ schema,
 * `status: draft`, the question built from the group's representative ticket, the evidence in an
 * HTML comment and a stub body for the writer to replace. Plain Markdown (`.md`), as the README
 * asks of entries that use no component. Every text in a draft was redacted before.
 */
import { htmlComment, markdownText, yamlString } from '../escape.ts';
import { FaqSchema } from '../../schemas/faq.ts';
import { questionFrom } from './naming.ts';
import type { SuggestionCluster } from './suggest.ts';

/** A draft ready to write: its file name under the drafts folder and its Markdown source. */
export interface Draft {
	fileName: string;
	source: string;
}

/** Lower-case slug of letters, digits and dashes, at most `max` characters. */
export function slugify(text: string, max = 60): string {
	let slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	if (slug.length > max) {
		slug = slug.slice(0, max);
		// Cut at a dash rather than inside a word.
		const dash = slug.lastIndexOf('-');
		if (dash > 0) slug = slug.slice(0, dash);
	}
	return slug;
}

/**
 * The most common ticket tag that is a known category, else `category` from the nearest entry,
 * else `uncategorized`; the writer checks it either way.
 */
export function categoryFor(
	tags: readonly string[],
	categories: ReadonlySet<string>,
	nearest: string | null,
): string {
	const counts = new Map<string, number>();
	for (const tag of tags) {
		const slug = slugify(tag);
		if (categories.has(slug)) counts.set(slug, (counts.get(slug) ?? 0) + 1);
	}
	let best: string | null = null;
	for (const [slug, n] of counts) {
		if (best === null || n > counts.get(best)! || (n === counts.get(best)! && slug < best))
			best = slug;
	}
	return best ?? nearest ?? 'uncategorized';
}

/** A group to draft an FAQ entry for, with what the draft shows. */
export interface DraftInput {
	cluster: SuggestionCluster;
	/** Up to a few other redacted ticket texts of the group, to show how customers put it. */
	wordings: readonly { id: string; text: string }[];
	category: string;
	totalTickets: number;
	generatedAt: Date;
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * The Markdown source of a draft FAQ entry. Throws if the frontmatter does not satisfy FaqSchema, so a
 * draft that the site would reject is never written.
 */
export function draftFaq(input: DraftInput): string {
	const { cluster } = input;
	const data = {
		question: questionFrom(cluster.representative.text),
		category: input.category,
		related: [] as string[],
		order: 100,
		status: 'draft' as const,
	};
	FaqSchema.parse(data);
	const day = (iso: string | null) => (iso === null ? 'unknown' : iso.slice(0, 10));
	const examples = cluster.ticketIds.slice(0, 10);
	const evidence = [
		`Suggested by npm run mine on ${input.generatedAt.toISOString().slice(0, 10)} from group ${cluster.id} "${cluster.label}".`,
		`Evidence: ${cluster.size} ticket${cluster.size === 1 ? '' : 's'} (${pct(cluster.share)} of ${input.totalTickets})` +
			(cluster.searches > 0 ? ` and ${cluster.searches} searches that found nothing.` : '.'),
		`First seen ${day(cluster.firstSeen)}, last seen ${day(cluster.lastSeen)}.`,
		examples.length > 0
			? `Example tickets: ${examples.join(', ')}${cluster.ticketIds.length > examples.length ? ', …' : ''}.`
			: 'No tickets; only searches.',
		...(cluster.queries.length > 0
			? [
					`Searches: ${cluster.queries
						.slice(0, 5)
						.map((q) => `"${q.text}" (${q.count})`)
						.join(', ')}.`,
				]
			: []),
		`Channels: ${
			Object.entries(cluster.channels)
				.map(([c, n]) => `${c} ${n}`)
				.join(', ') || 'none'
		}.`,
		'To publish: write the answer, link related KB articles, check the category, move the file',
		'out of _suggested/ (this folder is replaced on every run) and set status: published.',
	];
	const quotes = [cluster.representative, ...input.wordings]
		.slice(0, 5)
		// The subject is the text's first line.
		.map(
			(w) =>
				`> ${markdownText(w.text.replace('\n', ' — ').replace(/\s+/g, ' ').slice(0, 400))}\n> — ${markdownText(w.id)}`,
		);
	// Each value on one line in double quotes: a ticket's words cannot add a key or end the block.
	return [
		'---',
		`question: ${yamlString(data.question)}`,
		`category: ${yamlString(data.category)}`,
		'related: []',
		`order: ${data.order}`,
		`status: ${data.status}`,
		'---',
		'',
		'<!--',
		htmlComment(evidence.join('\n')),
		'-->',
		'',
		'**Writer’s stub: replace this with the answer.**',
		'',
		`Customers mention: ${markdownText(cluster.terms.slice(0, 8).join(', '))}.`,
		'',
		'How customers put it (redacted):',
		'',
		quotes.join('\n\n'),
		'',
	].join('\n');
}
