import type { APIRoute } from 'astro';
import { readSynonyms } from '../lib/search/synonyms-fs.ts';

/**
 * `/search-vocabulary.json`: the part of the search vocabulary every query uses, the writers'
 * synonym groups (`content/search/synonyms.yaml`, checked before the build); small, fetched with
 * Pagefind. The spelling words are in `/search-vocabulary/<shard>.json`, fetched only when a word
 * needs correcting.
 */
export const GET: APIRoute = () => {
	const { groups } = readSynonyms(process.env.TIERZERO_CONTENT_DIR ?? './content');
	return new Response(JSON.stringify({ synonyms: groups }), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
