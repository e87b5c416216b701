/**
 * The one place that knows entry IDs and the URL paths of the site's pages. Agents paste these
 * paths into replies, so they depend on nothing a writer may change (a KB article's path is its
 * ID alone). Schemas, pages, routes, content rules, link checks, the sitemap, analytics, the 404
 * page's script and the JSON API all build paths here; none writes `/kb/${…}/` itself.
 */

/**
 * How each kind of entry ID is written: a prefix, a dash and a number padded with zeros to
 * `digits`. KB numbers go on past them (`KB-9999`, then `KB-10000`), without a leading zero
 * then, so one article has one ID; runbook and template numbers stop at `digits`.
 */
export const ID_FORMAT = {
	kb: { prefix: 'KB', digits: 4, grows: true },
	runbook: { prefix: 'RB', digits: 3, grows: false },
	template: { prefix: 'TPL', digits: 3, grows: false },
} as const;
export type IdKind = keyof typeof ID_FORMAT;

const idSource = ({ prefix, digits, grows }: (typeof ID_FORMAT)[IdKind]): string =>
	grows ? `${prefix}-(?:\\d{${digits}}|[1-9]\\d{${digits},})` : `${prefix}-\\d{${digits}}`;

/** How each kind of entry ID is written, as regular-expression source (no anchors, no capturing groups). */
export const ID_SOURCE = {
	/** `KB-` and four or more digits, e.g. `KB-0042`, `KB-12345`. */
	kb: idSource(ID_FORMAT.kb),
	/** `RB-` and three digits, e.g. `RB-001`. */
	runbook: idSource(ID_FORMAT.runbook),
	/** `TPL-` and three digits, e.g. `TPL-004`. */
	template: idSource(ID_FORMAT.template),
} as const;

/**
 * The ID of entry number `n` of a kind (`KB-0042`, `KB-12345`, `RB-007`), or null when the
 * kind's IDs have no room for it (`RB-1000`) or `n` is no whole number.
 */
export function formatId(kind: IdKind, n: number): string | null {
	const { prefix, digits, grows } = ID_FORMAT[kind];
	if (!Number.isSafeInteger(n) || n < 0) return null;
	const number = String(n).padStart(digits, '0');
	return grows || number.length === digits ? `${prefix}-${number}` : null;
}

/** The number of an entry ID (`KB-0042` → 42, `KB-12345` → 12345). */
export const idNumber = (id: string): number => Number(id.slice(id.lastIndexOf('-') + 1));

const PREFIXED_NUMBER = /^([A-Za-z]+)-(\d+)$/;

/**
 * Orders entry IDs as people count: by prefix, then by number, so `KB-10000` follows `KB-9999`
 * (as text it would come first). Other ids (`faq/billing/why`) sort as text, after IDs.
 */
export function compareIds(a: string, b: string): number {
	const ma = PREFIXED_NUMBER.exec(a);
	const mb = PREFIXED_NUMBER.exec(b);
	if (ma && mb) {
		if (ma[1] !== mb[1]) return ma[1]! < mb[1]! ? -1 : 1;
		const diff = Number(ma[2]) - Number(mb[2]);
		if (diff !== 0) return diff;
	} else if (ma || mb) return ma ? -1 : 1;
	return a < b ? -1 : a > b ? 1 : 0;
}

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
