import type { APIRoute } from 'astro';
import { editionSections, entriesCacheKeyOf, entrySlug, faqs, frontmatterCacheKey, kbArticles, policies, runbooks, templates } from '../../content.ts';
import { faqList, kbList, policyList, runbookList, templateList } from '../../lib/api.ts';
import { markdownToHtml } from '../../lib/markdown-html.ts';
import { siteConfig } from '../../site-config.ts';

/**
 * `/api/kb.json`, `/api/faq.json`, `/api/policy.json`, and in an edition with runbooks and reply templates (the
 * internal one by default) `/api/runbooks.json` and `/api/templates.json`. Shapes: src/lib/api.ts.
 */
export async function getStaticPaths() {
	const sections = await editionSections();
	// The incremental build's keys: the KB list and the policy show frontmatter and policy data
	// only, which the site-wide key covers; the other lists show their entries' bodies too. An
	// edit to one article's body leaves every list to be copied from the last build.
	const frontmatter = await frontmatterCacheKey();
	const keys: Record<string, () => Promise<string>> = {
		kb: async () => frontmatter,
		faq: async () => entriesCacheKeyOf(await faqs()),
		policy: async () => frontmatter,
		runbooks: async () => entriesCacheKeyOf(await runbooks()),
		templates: async () => entriesCacheKeyOf(await templates()),
	};
	const lists = ['kb', 'faq', 'policy', ...(sections.runbooks ? ['runbooks'] : []), ...(sections.templates ? ['templates'] : [])];
	return Promise.all(lists.map(async (list) => ({ params: { list }, cacheKey: await keys[list]!() })));
}

const origins = { site: siteConfig.origin, public: siteConfig.publicOrigin };
const build: Record<string, () => Promise<unknown>> = {
	kb: async () => kbList((await kbArticles()).map((e) => e.data), origins),
	faq: async () =>
		faqList(
			(await faqs()).map((e) => ({ data: { ...e.data, slug: entrySlug(e) }, body: e.body ?? '' })),
			origins,
			markdownToHtml,
		),
	policy: async () => policyList(await policies(), origins),
	runbooks: async () => runbookList((await runbooks()).map((e) => ({ data: e.data, body: e.body ?? '' })), origins, markdownToHtml),
	templates: async () =>
		templateList((await templates()).map((e) => ({ data: e.data, body: e.body ?? '' })), origins, markdownToHtml),
};

export const GET: APIRoute = async ({ params }) =>
	new Response(JSON.stringify(await build[params.list!]!(), null, '\t'), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
