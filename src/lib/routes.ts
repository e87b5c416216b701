/**
 * The pages a production build makes, computed from the content alone, so links can be checked
 * before anything is built. It mirrors src/pages; a browser test compares it with each built
 * edition, so the two cannot drift apart unnoticed.
 */
import siteFile from '../../site.config.ts';
import { SHARDS } from './search/spell.ts';

import { POLICY_PAGE_KINDS } from '../schemas/policy.ts';
import { hasPage, inEdition, type Audience, type Edition } from './edition.ts';
import {
	API_PATH,
	INDEX_PATH,
	OPENSEARCH_PATH,
	apiKbPath,
	categoryPath,
	faqCategoryPath,
	faqFilePath,
	kbPath,
	policyPath,
	runbookPath,
	tagPath,
	templatePath,
} from './permalinks.ts';

/** The parts of the content that decide which pages exist. */
export interface RouteSources {
	kb: readonly {
		data: { id: string; status: string; category: string; tags: readonly string[]; audience: Audience };
	}[];
	faq: readonly { filePath: string; data: { category: string; status: string; audience: Audience } }[];
	runbooks: readonly { data: { id: string; audience: Audience } }[];
	templates: readonly { data: { id: string; audience: Audience } }[];
	/** The policy files; those of a kind with a page (POLICY_PAGE_KINDS) make one. */
	policy: readonly { data: { kind: string; audience: Audience } }[];
}

/** Pages and files that exist whatever the content, in both editions. */
const FIXED = [
	'/',
	INDEX_PATH.kb,
	INDEX_PATH.faq,
	INDEX_PATH.support,
	INDEX_PATH.categories,
	INDEX_PATH.tags,
	INDEX_PATH.search,
	'/404.html',
	'/robots.txt',
	'/search-vocabulary.json',
	...SHARDS.map((shard) => `/search-vocabulary/${shard}.json`),
	'/favicon.svg',
	OPENSEARCH_PATH,
	API_PATH.kb,
	API_PATH.faq,
	API_PATH.policy,
	// The logo from site.config.ts (public/logo.svg is served as /logo.svg).
	siteFile.logo.slice('public'.length),
];

/** Whether the runbook and reply template sections (index page, API file) exist in an edition. */
export function sectionsOf(content: Pick<RouteSources, 'runbooks' | 'templates'>, edition: Edition) {
	return {
		runbooks: content.runbooks.some((e) => inEdition(edition, e.data.audience)),
		templates: content.templates.some((e) => inEdition(edition, e.data.audience)),
	};
}

/**
 * Every path a production build of `edition` makes: drafts have no page; archived articles keep
 * theirs; the public edition has no internal entry (policy pages included) and no runbook or template section when none
 * of them is public; only the public edition has a sitemap.
 */
export function siteRoutes(content: RouteSources, edition: Edition = 'public'): Set<string> {
	const shown = <T extends { data: { audience: Audience } }>(list: readonly T[]) =>
		list.filter((e) => inEdition(edition, e.data.audience));
	const routes = new Set(FIXED);
	if (edition === 'public') routes.add('/sitemap-index.xml');
	const kb = shown(content.kb);
	const published = kb.filter((e) => e.data.status === 'published');
	for (const { data } of content.kb) {
		if (!hasPage(edition, data)) continue;
		routes.add(kbPath(data.id));
		routes.add(apiKbPath(data.id));
	}
	const faqs = content.faq.filter((e) => hasPage(edition, e.data));
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
	const sections = sectionsOf(content, edition);
	if (sections.runbooks) routes.add(INDEX_PATH.runbooks).add(API_PATH.runbooks);
	if (sections.templates) routes.add(INDEX_PATH.templates).add(API_PATH.templates);
	for (const { data } of shown(content.runbooks)) routes.add(runbookPath(data.id));
	for (const { data } of shown(content.templates)) routes.add(templatePath(data.id));
	for (const { data } of shown(content.policy)) {
		if ((POLICY_PAGE_KINDS as readonly string[]).includes(data.kind)) routes.add(policyPath(data.kind));
	}
	return routes;
}
