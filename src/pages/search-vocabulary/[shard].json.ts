import { join } from 'node:path';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { faqs, liveKbArticles, policies, runbooks, templates } from '../../content.ts';
import { cacheDirFrom } from '../../lib/edition.ts';
import { SHARDS } from '../../lib/search/spell.ts';
import { keptVocabulary, VOCABULARY_CACHE_FILE, vocabularyCodeFingerprint, type VocabularyText } from '../../lib/search/vocabulary-kept-fs.ts';
import { dataText, mdxText, splitVocabulary } from '../../lib/search/vocabulary.ts';

/**
 * `/search-vocabulary/<shard>.json`: the words of every indexed entry (KB articles, FAQs,
 * runbooks, reply templates, support policy) with their frequencies, split by first letter. The
 * search UI fetches a shard only to correct a word the index lacks, a typo Pagefind itself does
 * not tolerate (src/lib/search/spell.ts). Archived and draft KB articles are not indexed, so
 * their words are left out. A build counts again only the texts that changed since the last one
 * (src/lib/search/vocabulary-kept-fs.ts).
 */
export const getStaticPaths = (async () => {
	const markdown = (parts: (string | undefined)[]): VocabularyText => {
		const written = parts.map((p) => p ?? '');
		// The kind leads the parts: the same words as Markdown and as data are different texts.
		return { parts: ['markdown', ...written], text: () => written.map(mdxText).join('\n') };
	};
	const texts = [
		...(await liveKbArticles()).map((e) => markdown([e.data.title, e.data.summary, ...e.data.aliases, e.body])),
		...(await faqs()).map((e) => markdown([e.data.question, ...e.data.aliases, e.body])),
		...(await runbooks()).map((e) => markdown([e.data.title, e.data.trigger, e.body])),
		...(await templates()).map((e) => markdown([e.data.title, e.data.useCase, e.data.subject, e.body])),
		// The support policy pages are built from the policy YAML files and indexed too (those of
		// this edition: an internal policy's words would otherwise reach the public edition).
		...(await policies()).map((data): VocabularyText => {
			const text = dataText(data);
			// A policy's words are counted as they are, not as Markdown.
			return { parts: ['policy', text], text: () => text };
		}),
	];
	const cacheFile = join(cacheDirFrom(process.env), VOCABULARY_CACHE_FILE);
	const { vocabulary } = keptVocabulary(cacheFile, vocabularyCodeFingerprint(process.cwd()), texts);
	const shards = splitVocabulary(vocabulary);
	return SHARDS.map((shard) => ({ params: { shard }, props: { vocabulary: shards[shard]! } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
	new Response(JSON.stringify(props.vocabulary), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
