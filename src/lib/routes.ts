/**
 * The pages a production build makes, computed from the content alone, so links can be checked
 * before anything is built. It mirrors src/pages; a browser test compares it with the built site,
 * so the two cannot drift apart unnoticed.
 */

import {
	INDEX_PATH,
	categoryPath,
	faqCategoryPath,
	faqFilePath,
	kbPath,
	runbookPath,
	tagPath,
	templatePath,
} from './permalinks.ts';

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
	INDEX_PATH.kb,
	INDEX_PATH.faq,
	INDEX_PATH.runbooks,
	INDEX_PATH.templates,
	INDEX_PATH.support,
	'/support/tiers/',
	'/support/priorities/',
	'/support/escalation/',
	INDEX_PATH.categories,
	INDEX_PATH.tags,
	INDEX_PATH.search,
	'/404.html',
	'/robots.txt',
	'/search-vocabulary.json',
	'/sitemap-index.xml',
	'/favicon.svg',
];


/** Every path a production build makes: drafts have no page; archived articles keep theirs. */
export function siteRoutes(content: RouteSources): Set<string> {
	const routes = new Set(FIXED);
	const published = content.kb.filter((e) => e.data.status === 'published');
	for (const { data } of content.kb) if (data.status !== 'draft') routes.add(kbPath(data.id));
	const faqs = content.faq.filter((e) => e.data.status !== 'draft');
	for (const { filePath, data } of faqs) {
		routes.add(faqCategoryPath(data.category));
		routes.add(faqFilePath(data.category, filePath));
	}
	for (const category of new Set([
		...published.map((e) => e.data.category),
		...faqs.map((e) => e.data.category),
	])) {
		routes.add(categoryPath(category));
	}
	for (const tag of new Set(published.flatMap((e) => e.data.tags))) routes.add(tagPath(tag));
	for (const { data } of content.runbooks) routes.add(runbookPath(data.id));
	for (const { data } of content.templates) routes.add(templatePath(data.id));
	return routes;
}
