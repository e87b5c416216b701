/**
 * The one place that knows entry IDs and the URL paths of the site's pages. Agents paste these
 * paths into replies, so they depend on nothing a writer may change (a KB article's path is its
 * ID alone). Schemas, pages, routes, content rules, link checks, the sitemap, analytics, the 404
 * page's script and the JSON API all build paths here; none writes `/kb/${…}/` itself.
 */

/** How each kind of entry ID is written, as regular-expression source (no anchors). */
export const ID_SOURCE = {
	/** `KB-` and four digits, e.g. `KB-0042`. */
	kb: 'KB-\\d{4}',
	/** `RB-` and three digits, e.g. `RB-001`. */
	runbook: 'RB-\\d{3}',
	/** `TPL-` and three digits, e.g. `TPL-004`. */
	template: 'TPL-\\d{3}',
} as const;

/** A whole KB ID (`KB-0042`). */
export const KB_ID = new RegExp(`^${ID_SOURCE.kb}$`);
/** A whole runbook ID (`RB-001`). */
export const RUNBOOK_ID = new RegExp(`^${ID_SOURCE.runbook}$`);
/** A whole reply template ID (`TPL-004`). */
export const TEMPLATE_ID = new RegExp(`^${ID_SOURCE.template}$`);

/**
 * Any entry ID inside prose, as a word (global: use with `matchAll`). Group 1 is the ID.
 */
export const ENTRY_ID_IN_TEXT = new RegExp(
	`\\b(${ID_SOURCE.kb}|${ID_SOURCE.runbook}|${ID_SOURCE.template})\\b`,
	'g',
);

/** Index pages of each section. */
export const INDEX_PATH = {
	kb: '/kb/',
	faq: '/faq/',
	runbooks: '/runbooks/',
	templates: '/templates/',
	categories: '/categories/',
	tags: '/tags/',
	search: '/search/',
	support: '/support/',
} as const;

/** The static JSON API's files (see README "JSON API"). */
export const API_PATH = {
	kb: '/api/kb.json',
	faq: '/api/faq.json',
	runbooks: '/api/runbooks.json',
	templates: '/api/templates.json',
	policy: '/api/policy.json',
} as const;
/** One KB article with its sections: `/api/kb/KB-0042.json`. */
export const apiKbPath = (id: string): string => `/api/kb/${id}.json`;
/** The OpenSearch description browsers read to search the site from the address bar. */
export const OPENSEARCH_PATH = '/opensearch.xml';

/**
 * The query an agent's link carries (`?src=agent`), so analytics can count the customers who
 * open articles agents sent them.
 */
export const AGENT_SOURCE = { param: 'src', value: 'agent' } as const;
/** A public page's URL as agents send it: `https://help.example/kb/KB-0042/?src=agent`. */
export const agentLink = (publicOrigin: string, path: string): string =>
	`${publicOrigin}${path}?${AGENT_SOURCE.param}=${AGENT_SOURCE.value}`;

/** Permalink of a KB article: `/kb/KB-0042/`. */
export const kbPath = (id: string): string => `/kb/${id}/`;
/** Permalink of a runbook: `/runbooks/RB-001/`. */
export const runbookPath = (id: string): string => `/runbooks/${id}/`;
/** Permalink of a reply template: `/templates/TPL-004/`. */
export const templatePath = (id: string): string => `/templates/${id}/`;
/** The FAQ page of one category: `/faq/billing/`. */
export const faqCategoryPath = (category: string): string => `/faq/${category}/`;
/** One FAQ entry's page: `/faq/billing/why-was-i-charged/`. */
export const faqPath = (category: string, slug: string): string => `/faq/${category}/${slug}/`;
/** A category's page, KB articles and FAQs together: `/categories/billing/`. */
export const categoryPath = (category: string): string => `/categories/${category}/`;
/** A tag's page: `/tags/retries/`. */
export const tagPath = (tag: string): string => `/tags/${tag}/`;
/** The page of a support policy file that has one (tiers, priorities, escalation): `/support/tiers/`. */
export const policyPath = (kind: string): string => `${INDEX_PATH.support}${kind}/`;

/**
 * An FAQ entry's slug: its file name, lower-cased as Astro's glob loader does when it makes the
 * entry's id (src/content.ts `entrySlug`).
 */
export function faqSlugOf(filePath: string): string {
	return (filePath.split(/[\\/]/).pop() ?? '').replace(/\.mdx?$/, '').toLowerCase();
}

/** One FAQ entry's page, from its category and file (`content/faq/billing/why.mdx`). */
export const faqFilePath = (category: string, filePath: string): string =>
	faqPath(category, faqSlugOf(filePath));

/** The id analytics and votes use for an FAQ entry: its path without the slashes at the ends. */
export const faqEventId = (category: string, slug: string): string => faqPath(category, slug).slice(1, -1);

/** The permalink of any entry ID (`KB-0042`, `RB-001`, `TPL-004`). */
export function idPath(id: string): string {
	if (RUNBOOK_ID.test(id)) return runbookPath(id);
	if (TEMPLATE_ID.test(id)) return templatePath(id);
	return kbPath(id);
}

/** Sections whose pages are named by an entry ID, with the ID's pattern (for the 404 page). */
export const ID_SECTIONS = [
	{ section: 'kb', id: ID_SOURCE.kb },
	{ section: 'runbooks', id: ID_SOURCE.runbook },
	{ section: 'templates', id: ID_SOURCE.template },
] as const;

/**
 * Where a mistyped permalink belongs: `/kb/kb-0042` → `/kb/KB-0042/`, or null when the path is
 * not a permalink typed in another case or without its trailing slash (or already canonical).
 * The 404 page runs the same rule inline, built from ID_SECTIONS.
 */
export function canonicalPermalink(pathname: string): string | null {
	for (const { section, id } of ID_SECTIONS) {
		const m = new RegExp(`^/${section}/(${id})/?$`, 'i').exec(pathname);
		if (!m) continue;
		const target = `/${section}/${m[1]!.toUpperCase()}/`;
		return target === pathname ? null : target;
	}
	return null;
}
