/**
 * Turns article drafts into a numbered KB: IDs KB-0001…, distinct titles, related links within a
 * category, and file paths. When more articles are asked for than there are drafts, drafts are
 * reused as deterministic variants (new ID, title, date, severity and versions; same body).
 */
import { SEVERITIES } from '../../../src/schemas/kb.ts';
import { formatId } from '../../../src/lib/permalinks.ts';
import { LAST_UPDATE, VERSION_CHOICES, isoDay, type ArticleDraft } from './convert.ts';
import { pick, seededRandom, slugify, truncate } from './random.ts';

/** Frontmatter of a generated KB article, in the field order of the starter content. */
export interface KbFrontmatter {
	id: string;
	title: string;
	summary: string;
	severity: string;
	affectedVersions: string[];
	category: string;
	tags: string[];
	status: 'published';
	updated: string;
	related: string[];
}

/** A KB article ready to write: path below `kb/`, frontmatter and body. */
export interface PlannedKb {
	file: string;
	data: KbFrontmatter;
	body: string;
	/** The draft's `source`, for reports. */
	source: string;
	/** 0 for the first use of a draft, 1… for its variants. */
	variant: number;
}

/**
 * Largest article count generate-kb makes: ten times the largest benchmark corpus. KB IDs go on
 * past KB-9999, so this is a guard against a mistyped count, not a limit of the ID format.
 */
export const MAX_KB_ARTICLES = 100_000;

/** `KB-0042` for 42, `KB-12345` for 12345. */
export const kbId = (n: number): string => formatId('kb', n)!;

/**
 * Number `count` articles from the drafts (in the drafts' order, cycling through them for
 * variants) and link each to up to three others in its category.
 */
export function planKb(drafts: readonly ArticleDraft[], count: number, seed: number): PlannedKb[] {
	if (drafts.length === 0) throw new Error('no article drafts to plan from');
	if (!Number.isInteger(count) || count < 1 || count > MAX_KB_ARTICLES) {
		throw new Error(`count must be a whole number from 1 to ${MAX_KB_ARTICLES}, got ${count}`);
	}
	const rand = seededRandom(seed);
	const titles = new Set<string>();
	const start = Date.UTC(2026, 0, 1);
	const lastDay = Math.round((Date.parse(LAST_UPDATE) - start) / 86_400_000);
	const planned: PlannedKb[] = [];
	for (let i = 0; i < count; i += 1) {
		const draft = drafts[i % drafts.length]!;
		const variant = Math.floor(i / drafts.length);
		const id = kbId(i + 1);
		const [r1, r2] = [rand(), rand()];
		const suffix = variant === 0 ? '' : ` (variant ${variant + 1})`;
		let title = `${truncate(draft.title, 120 - suffix.length)}${suffix}`;
		// Some source articles share a title; readers (and search results) need them apart.
		for (let n = 2; titles.has(title.toLowerCase()); n += 1) {
			const tail = `${suffix} (${n})`;
			title = `${truncate(draft.title, 120 - tail.length)}${tail}`;
		}
		titles.add(title.toLowerCase());
		const updated =
			variant === 0
				? draft.updated
				: isoDay(
						start +
							((Math.round((Date.parse(draft.updated) - start) / 86_400_000) + variant * 53) %
								(lastDay + 1)) *
								86_400_000,
					);
		planned.push({
			file: `${draft.category}/${id.toLowerCase()}-${slugify(draft.title, 50) || 'article'}.md`,
			source: draft.source,
			variant,
			body: draft.body,
			data: {
				id,
				title,
				summary: draft.summary,
				severity: variant === 0 ? draft.severity : pick(SEVERITIES, r1),
				affectedVersions: variant === 0 ? draft.affectedVersions : pick(VERSION_CHOICES, r2),
				category: draft.category,
				tags: draft.tags,
				status: 'published',
				updated,
				related: [],
			},
		});
	}
	linkRelated(planned, rand);
	return planned;
}

/** Up to three related articles per article: its neighbours in the category and one other. */
function linkRelated(planned: PlannedKb[], rand: () => number): void {
	const byCategory = new Map<string, PlannedKb[]>();
	for (const p of planned)
		byCategory.set(p.data.category, [...(byCategory.get(p.data.category) ?? []), p]);
	for (const list of byCategory.values()) {
		list.forEach((p, i) => {
			const picks = [list[i - 1], list[i + 1], list[Math.floor(rand() * list.length)]];
			p.data.related = [...new Set(picks.filter((o) => o && o !== p).map((o) => o!.data.id))];
		});
	}
}

/**
 * The file of a planned article: YAML frontmatter (JSON-quoted strings) and body. Generated
 * bodies use no component, so they are plain Markdown (`.md`), as a writer's would be; the body
 * stays MDX-safe, so the same article also builds when renamed to `.mdx`.
 */
export function renderKbEntry(kb: PlannedKb): string {
	const d = kb.data;
	const list = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
	return [
		'---',
		`id: ${d.id}`,
		`title: ${JSON.stringify(d.title)}`,
		`summary: ${JSON.stringify(d.summary)}`,
		`severity: ${d.severity}`,
		`affectedVersions: ${list(d.affectedVersions)}`,
		`category: ${d.category}`,
		`tags: ${list(d.tags)}`,
		`status: ${d.status}`,
		`updated: ${d.updated}`,
		`related: ${list(d.related)}`,
		'---',
		'',
		kb.body.trimEnd(),
		'',
	].join('\n');
}

/**
 * `categories.yaml` for a generated tree: the starter's categories, then one per category the
 * planned articles add (named from its slug), so the tree passes the category check.
 */
export function renderCategoriesYaml(
	planned: readonly PlannedKb[],
	starter: readonly { slug: string; name: string; description: string; order: number }[],
): string {
	const known = new Set(starter.map((c) => c.slug));
	const added = [...new Set(planned.map((p) => p.data.category))].filter((s) => !known.has(s)).sort();
	const last = Math.max(0, ...starter.map((c) => c.order));
	const all = [
		...starter,
		...added.map((slug, i) => {
			const words = slug.split('-').join(' ');
			const name = words.charAt(0).toUpperCase() + words.slice(1);
			return { slug, name, description: `Support articles about ${name}.`, order: last + 10 * (i + 1) };
		}),
	];
	return all
		.map((c) =>
			[
				`- slug: ${c.slug}`,
				`  name: ${JSON.stringify(c.name)}`,
				`  description: ${JSON.stringify(c.description)}`,
				`  order: ${c.order}`,
			].join('\n'),
		)
		.join('\n')
		.concat('\n');
}
