/**
 * The one place pages read content from: collections checked against the cross-entry rules in
 * the dev server (builds check before rendering), with drafts removed from production builds.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { loadCategories } from './lib/content-fs.ts';
import { withLines } from './lib/content-lines-fs.ts';
import { checkContent, formatProblems, type ContentSet } from './lib/content-rules.ts';
import { hasPage, inEdition } from './lib/edition.ts';
import { indexKb, type KbIndex } from './lib/kb-index.ts';
import { buildSettings, entriesCacheKey, pageCacheKey, siteDigest } from './lib/page-cache-key.ts';
import { compareIds, faqEventId, faqPath } from './lib/permalinks.ts';
import { versionsCovered } from './lib/versions.ts';
import type { Category } from './schemas/category.ts';
import { siteConfig } from './site-config.ts';
import {
	POLICY_PAGE_KINDS,
	type ChannelsPolicy,
	type EscalationPolicy,
	type Policy,
	type PolicyPageKind,
	type PrioritiesPolicy,
	type ProductPolicy,
	type TiersPolicy,
} from './schemas/policy.ts';

export type KbEntry = CollectionEntry<'kb'>;
export type FaqEntry = CollectionEntry<'faq'>;
export type RunbookEntry = CollectionEntry<'runbooks'>;
export type TemplateEntry = CollectionEntry<'templates'>;

const showDrafts = !import.meta.env.PROD;

interface Loaded {
	kb: KbEntry[];
	faq: FaqEntry[];
	runbooks: RunbookEntry[];
	templates: TemplateEntry[];
	policy: CollectionEntry<'policy'>[];
	/** Lookups across the KB, built once here rather than on every page that needs one. */
	kbIndex: KbIndex<KbEntry>;
	/** Digest of everything pages show beyond their own entry (src/lib/page-cache-key.ts). */
	siteDigest: string;
}

let loading: Promise<Loaded> | undefined;

async function loadAll(): Promise<Loaded> {
	const [kb, faq, runbooks, templates, policy] = await Promise.all([
		getCollection('kb'),
		getCollection('faq'),
		getCollection('runbooks'),
		getCollection('templates'),
		getCollection('policy'),
	]);
	const asRule = <T extends { filePath?: string; body?: string; data: unknown }>(list: T[]) =>
		list.map((e) => ({ filePath: e.filePath ?? '(unknown file)', data: e.data, body: e.body ?? '' }));
	// `astro build` runs these rules before it renders anything (src/integrations/content-check.ts)
	// and stops on a problem; the dev server has no such step, so it checks here.
	if (!import.meta.env.PROD) {
		const problems = checkContent({
			kb: asRule(kb),
			faq: asRule(faq),
			runbooks: asRule(runbooks),
			templates: asRule(templates),
			policy: asRule(policy),
		} as ContentSet);
		if (problems.length > 0) throw new Error(formatProblems(withLines(problems)));
	}
	// By number: KB-10000 after KB-9999.
	const byOrder = <T extends { data: { id: string } }>(a: T, b: T) => compareIds(a.data.id, b.data.id);
	// The public edition leaves out internal entries here, so no page, link, search record or
	// API file can reach them; the content rules keep public entries from linking to them.
	const shown = (e: { data: { audience: 'public' | 'internal' } }) => inEdition(siteConfig.edition, e.data.audience);
	const kbShown = kb.filter((e) => hasPage(siteConfig.edition, e.data, showDrafts)).sort(byOrder);
	const loaded = {
		kb: kbShown,
		kbIndex: indexKb(kbShown),
		faq: faq
			.filter((e) => hasPage(siteConfig.edition, e.data, showDrafts))
			.sort((a, b) => a.data.order - b.data.order || a.data.question.localeCompare(b.data.question)),
		runbooks: runbooks.filter(shown).sort(byOrder),
		templates: templates.filter(shown).sort(byOrder),
		policy: policy.filter(shown),
	};
	const entries = Object.entries({ kb: loaded.kb, faq: loaded.faq, runbooks: loaded.runbooks, templates: loaded.templates, policy })
		.flatMap(([collection, list]) => list.map((e) => ({ collection, id: e.id, data: e.data })));
	return {
		...loaded,
		siteDigest: siteDigest({ entries, categories: categories(), settings: buildSettings(process.env) }),
	};
}

function all(): Promise<Loaded> {
	loading ??= loadAll();
	return loading;
}

/**
 * The incremental build's key for an entry's page: unchanged only while the entry and the
 * frontmatter of every entry (titles, links, tags), the categories and the settings are.
 */
export async function entryCacheKey(entry: KbEntry | FaqEntry | RunbookEntry | TemplateEntry): Promise<string> {
	return pageCacheKey(entry, (await all()).siteDigest);
}

/**
 * The incremental build's key for a page that shows entries' frontmatter only (the lists by tag
 * and by category): unchanged while every entry's frontmatter, the categories and the settings
 * are, so editing an article's body leaves these pages to be copied from the last build.
 */
export async function frontmatterCacheKey(): Promise<string> {
	return (await all()).siteDigest;
}

/**
 * The incremental build's key for a page that shows these entries whole, bodies included (the
 * API's lists of FAQ answers, runbooks and reply templates): unchanged while they and every
 * entry's frontmatter, the categories and the settings are.
 */
export async function entriesCacheKeyOf(entries: readonly (FaqEntry | RunbookEntry | TemplateEntry)[]): Promise<string> {
	return entriesCacheKey(entries, (await all()).siteDigest);
}

/** Every KB article the build publishes a page for (published and archived; drafts only in dev). */
export async function kbArticles(): Promise<KbEntry[]> {
	return (await all()).kb;
}

/**
 * Static paths of every KB article, `[id]` → the entry, for its page and its `/api/kb/<ID>.json`:
 * each with the cache key that lets the incremental build copy the file from the last build when
 * nothing it shows changed.
 */
export async function kbEntryPaths() {
	return Promise.all(
		(await kbArticles()).map(async (entry) => ({
			params: { id: entry.data.id },
			props: { entry },
			cacheKey: await entryCacheKey(entry),
		})),
	);
}

/** KB articles readers should find: not archived, not draft. Shared by every page: copy before sorting. */
export async function liveKbArticles(): Promise<readonly KbEntry[]> {
	return (await all()).kbIndex.live;
}

/** Tags that have a page (`/tags/<tag>/`): those of live articles. */
export async function kbTagsWithPages(): Promise<ReadonlySet<string>> {
	return (await all()).kbIndex.liveTags;
}

export async function faqs(): Promise<FaqEntry[]> {
	return (await all()).faq;
}

export async function runbooks(): Promise<RunbookEntry[]> {
	return (await all()).runbooks;
}

export async function templates(): Promise<TemplateEntry[]> {
	return (await all()).templates;
}

/** Which optional sections this edition has: runbooks and reply templates only where some are in it. */
export async function editionSections(): Promise<{ runbooks: boolean; templates: boolean }> {
	const { runbooks, templates } = await all();
	return { runbooks: runbooks.length > 0, templates: templates.length > 0 };
}

type PolicyOf<K extends string> = Extract<CollectionEntry<'policy'>['data'], { kind: K }>;

/** The policy file of `kind`, or null when this edition leaves it out (`audience: internal`). */
async function policyOf<K extends Policy['kind']>(kind: K): Promise<PolicyOf<K> | null> {
	const found = (await all()).policy.find((p) => p.data.kind === kind);
	if (found) return found.data as PolicyOf<K>;
	// Only a page's policy can be internal (src/schemas/policy.ts); a missing file is a mistake.
	if ((await getCollection('policy')).some((p) => p.data.kind === kind)) return null;
	throw new Error(`content/policy: no file with "kind: ${kind}"; add content/policy/${kind}.yaml`);
}

/** A policy that every page uses, so it is in both editions. */
async function settingOf<K extends 'channels' | 'product'>(kind: K): Promise<PolicyOf<K>> {
	return (await policyOf(kind))!;
}

/** The policy files of this edition, for the search vocabulary. */
export async function policies(): Promise<CollectionEntry<'policy'>['data'][]> {
	return (await all()).policy.map((p) => p.data);
}

/** Support tiers, or null in an edition without the /support/tiers/ page. */
export const tiersPolicy = (): Promise<TiersPolicy | null> => policyOf('tiers');
/** The priority matrix, or null in an edition without the /support/priorities/ page. */
export const prioritiesPolicy = (): Promise<PrioritiesPolicy | null> => policyOf('priorities');
/** The escalation matrix, or null in an edition without the /support/escalation/ page. */
export const escalationPolicy = (): Promise<EscalationPolicy | null> => policyOf('escalation');
export const channelsPolicy = (): Promise<ChannelsPolicy> => settingOf('channels');
export const productPolicy = (): Promise<ProductPolicy> => settingOf('product');

/** Which policy pages this edition has, for links to them. */
export async function policyPages(): Promise<Record<PolicyPageKind, boolean>> {
	const shown = new Set((await all()).policy.map((p) => p.data.kind));
	return Object.fromEntries(POLICY_PAGE_KINDS.map((k) => [k, shown.has(k)])) as Record<PolicyPageKind, boolean>;
}

/** Released versions an article affects, for the version filter and search facets. */
export async function kbVersions(entry: KbEntry): Promise<string[]> {
	return versionsCovered(entry.data.affectedVersions, (await productPolicy()).versions);
}

/** The KB articles `ids` name, in that order (an ID without a page in this build is left out). */
export async function kbArticlesById(ids: readonly string[]): Promise<KbEntry[]> {
	return (await all()).kbIndex.resolve(ids);
}

/** Last path segment of an entry id (`webhooks/why-retried` → `why-retried`). */
export const entrySlug = (entry: { id: string }): string => entry.id.split('/').pop() ?? entry.id;
/** An FAQ entry's page. */
export const faqHref = (entry: FaqEntry): string => faqPath(entry.data.category, entrySlug(entry));
/** The id analytics and votes use for an FAQ entry. */
export const faqId = (entry: FaqEntry): string => faqEventId(entry.data.category, entrySlug(entry));

let categoryList: Category[] | undefined;

/** The categories of `content/categories.yaml`, in display order. */
export function categories(): Category[] {
	if (!categoryList) {
		const { categories: list, problems } = loadCategories(process.env.TIERZERO_CONTENT_DIR ?? './content');
		// Builds stop on these before rendering (content-check.ts); the dev server shows them too.
		if (!list) throw new Error(formatProblems(problems));
		categoryList = list;
	}
	return categoryList;
}

/** A category by its slug; a slug not in the file (only possible in dev) keeps its slug as name. */
export function categoryBySlug(slug: string): Category {
	return categories().find((c) => c.slug === slug) ?? { slug, name: slug, description: '', order: Infinity };
}

let categoryNameMap: Readonly<Record<string, string>> | undefined;

/** Category names by slug, for the search UI's filter chips: made once, since every page has that UI. */
export function categoryNames(): Readonly<Record<string, string>> {
	categoryNameMap ??= Object.freeze(Object.fromEntries(categories().map((c) => [c.slug, c.name])));
	return categoryNameMap;
}

/** The categories among `slugs`, in the file's order: a page lists only those with entries. */
export function usedCategories(slugs: Iterable<string>): Category[] {
	const used = new Set(slugs);
	return categories().filter((c) => used.has(c.slug));
}
