// Re-cuts the built site's Pagefind index into smaller chunks, so a first query fetches less
// (src/lib/search/index-chunks.ts says why). `npm run build` runs it after Pagefind.
import { cacheDirFrom } from '../src/lib/edition.ts';
import { INDEX_CHUNKS_USAGE, rechunkSite } from '../src/lib/search/index-chunks-fs.ts';
import { runCli, UsageError } from './lib/cli.ts';

await runCli(
	'index-chunks',
	INDEX_CHUNKS_USAGE,
	{ options: { units: { type: 'string' } }, allowPositionals: true },
	({ values, positionals }) => {
		if (positionals.length !== 1) throw new UsageError('give one built site folder');
		// The build's cache folder, as `astro build` of the same environment uses it.
		for (const line of rechunkSite(positionals[0]!, values.units, cacheDirFrom(process.env))) console.log(`index-chunks: ${line}`);
	},
);
