import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { faqs, liveKbArticles, policies, runbooks, templates } from '../../content.ts';
import { SHARDS } from '../../lib/search/spell.ts';
import { buildVocabulary, dataText, mdxText, splitVocabulary } from '../../lib/search/vocabulary.ts';

/**
 * `/search-vocabulary/<shard>.json`: the words of every indexed entry (KB articles, FAQs,
 * runbooks, reply templates, support policy) with their frequencies, split by first letter. The
 * search UI fetches a shard only to correct a word the index lacks, a typo Pagefind itself does
 * not tolerate (src/lib/search/spell.ts). Archived and draft KB articles are not indexed, so
 * their words are left out.
 */
export const getStaticPaths = (async () => {
	const texts = [
		...(await liveKbArticles()).map((e) => [e.data.title, e.data.summary, ...e.data.aliases, e.body]),
		...(await faqs()).map((e) => [e.data.question, ...e.data.aliases, e.body]),
		...(await runbooks()).map((e) => [e.data.title, e.data.trigger, e.body]),
		...(await templates()).map((e) => [e.data.title, e.data.useCase, e.data.subject, e.body]),
	].map((parts) => parts.map((p) => mdxText(p ?? '')).join('\n'));
	// The support policy pages are built from the policy YAML files and indexed too (those of
	// this edition: an internal policy's words would otherwise reach the public edition).
	for (const data of await policies()) texts.push(dataText(data));
	const shards = splitVocabulary(buildVocabulary(texts));
	return SHARDS.map((shard) => ({ params: { shard }, props: { vocabulary: shards[shard]! } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(JSON.stringify(props.vocabulary), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
