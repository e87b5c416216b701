// What the build does to Pagefind's output, after `pagefind --site DIR`: re-cuts its word index
// into smaller chunks (src/lib/search/index-chunks.ts), moves its fragments' text into small
// blocks (src/lib/search/fragment-text.ts), then lists the words too common to search beside
// rarer ones (src/lib/search/common-words.ts), so a first query fetches less. `npm run build` and the
// benchmarks run it.
import { cacheDirFrom } from '../src/lib/edition.ts';
import { INDEX_CHUNKS_USAGE, rechunkSite } from '../src/lib/search/index-chunks-fs.ts';
import type { EncodedWord } from '../src/lib/search/index-chunks.ts';
import { splitSiteFragments } from '../src/lib/search/fragment-text-fs.ts';
import { writeCommonWords } from '../src/lib/search/common-words-fs.ts';
import { runCli, UsageError } from './lib/cli.ts';

await runCli(
	'after-pagefind',
	INDEX_CHUNKS_USAGE,
	{ options: { units: { type: 'string' } }, allowPositionals: true },
	async ({ values, positionals }) => {
		if (positionals.length !== 1) throw new UsageError('give one built site folder');
		const [site] = positionals as [string];
		// The build's cache folder, as `astro build` of the same environment uses it.
		const cacheDir = cacheDirFrom(process.env);
		// The re-cut's words, so listing the common words does not read every chunk again.
		const index = new Map<string, readonly EncodedWord[]>();
		const onWords = (language: string, words: readonly EncodedWord[]) => index.set(language, words);
		for (const line of rechunkSite(site, values.units, cacheDir, onWords)) console.log(`after-pagefind: ${line}`);
		for (const line of splitSiteFragments(site, cacheDir)) console.log(`after-pagefind: ${line}`);
		for (const line of await writeCommonWords(site, { index, cacheDir })) console.log(`after-pagefind: ${line}`);
	},
);
