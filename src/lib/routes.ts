/**
 * The pages a production build makes, computed from the content alone, so links can be checked
 * before anything is built. It mirrors src/pages; a browser test compares it with the built site,
 * so the two cannot drift apart unnoticed.
 */

/** The parts of the content that decide which pages exist. */
export interface RouteSources {
	kb: readonly {
		data: { id: string; status: string; category: string; tags: readonly string[] };
	}[];
	faq: readonly { filePath: string; data: { category: string; status: string } }[];
	runbooks: readonly { data: { id: string } }[];
	templates: readonly { data: { id: string } }[];
}

/** Pages and files that exist whatever the content. */
const FIXED = [
	'/',
	'/kb/',
	'/faq/',
	'/runbooks/',
	'/templates/',
	'/support/',
	'/support/tiers/',
	'/support/priorities/',
	'/support/escalation/',
	'/categories/',
	'/tags/',
	'/search/',
	'/404.html',
	'/robots.txt',
	'/search-vocabulary.json',
	'/sitemap-index.xml',
	'/favicon.svg',
];

/**
 * An FAQ entry's slug: its file name, lower-cased as Astro's glob loader does when it makes the
 * entry's id (src/content.ts `entrySlug`).
 */
export function faqSlugOf(filePath: string): string {
	return (filePath.split(/[\\/]/).pop() ?? '').replace(/\.mdx?$/, '').toLowerCase();
}

/** The URL path of an FAQ entry's own page. */
export const faqPath = (category: string, filePath: string): string =>
	`/faq/${category}/${faqSlugOf(filePath)}/`;

/** Every path a production build makes: drafts have no page; archived articles keep theirs. */
export function siteRoutes(content: RouteSources): Set<string> {
	const routes = new Set(FIXED);
	const published = content.kb.filter((e) => e.data.status === 'published');
	for (const { data } of content.kb) if (data.status !== 'draft') routes.add(`/kb/${data.id}/`);
	const faqs = content.faq.filter((e) => e.data.status !== 'draft');
	for (const { filePath, data } of faqs) {
		routes.add(`/faq/${data.category}/`);
		routes.add(faqPath(data.category, filePath));
	}
	for (const category of new Set([
		...published.map((e) => e.data.category),
		...faqs.map((e) => e.data.category),
	])) {
		routes.add(`/categories/${category}/`);
	}
	for (const tag of new Set(published.flatMap((e) => e.data.tags))) routes.add(`/tags/${tag}/`);
	for (const { data } of content.runbooks) routes.add(`/runbooks/${data.id}/`);
	for (const { data } of content.templates) routes.add(`/templates/${data.id}/`);
	return routes;
}
