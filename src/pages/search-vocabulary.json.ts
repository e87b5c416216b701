import type { APIRoute } from 'astro';
import { faqs, liveKbArticles, policies, runbooks, templates } from '../content.ts';
import { readSynonyms } from '../lib/search/synonyms-fs.ts';
import { buildVocabulary, dataText, mdxText } from '../lib/search/vocabulary.ts';

/**
 * `/search-vocabulary.json`: the words of every indexed entry (KB articles, FAQs, runbooks, reply
 * templates, support policy) with their frequencies, which the search UI loads with Pagefind to
 * correct typos Pagefind itself does not tolerate. Archived and draft KB articles are not indexed,
 * so their words are left out. It also carries the writers' synonym groups
 * (`content/search/synonyms.yaml`, checked before the build), so search needs one request for both.
 */
export const GET: APIRoute = async () => {
	const texts = [
		...(await liveKbArticles()).map((e) => [e.data.title, e.data.summary, ...e.data.aliases, e.body]),
		...(await faqs()).map((e) => [e.data.question, ...e.data.aliases, e.body]),
		...(await runbooks()).map((e) => [e.data.title, e.data.trigger, e.body]),
		...(await templates()).map((e) => [e.data.title, e.data.useCase, e.data.subject, e.body]),
	].map((parts) => parts.map((p) => mdxText(p ?? '')).join('\n'));
	// The support policy pages are built from the policy YAML files and indexed too (those of
	// this edition: an internal policy's words would otherwise reach the public edition).
	for (const data of await policies()) texts.push(dataText(data));
	const { groups } = readSynonyms(process.env.TIERZERO_CONTENT_DIR ?? './content');
	return new Response(JSON.stringify({ ...buildVocabulary(texts), synonyms: groups }), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
