// Indexes a built site for search: Pagefind over every page on a first build, and on a rebuild
// over the changed pages only, spliced into the last build's index kept in the build cache
// (src/lib/search/pagefind-incremental-fs.ts). `npm run build` runs it between `astro build` and
// scripts/after-pagefind.ts.
//
//   node scripts/pagefind.ts DIR [--full]
import { cacheDirFrom } from '../src/lib/edition.ts';
import { indexSite } from '../src/lib/search/pagefind-incremental-fs.ts';
import { runCli, UsageError } from './lib/cli.ts';

await runCli(
	'pagefind',
	'node scripts/pagefind.ts DIR [--full]',
	{ options: { full: { type: 'boolean', default: false } }, allowPositionals: true },
	async ({ values, positionals }) => {
		if (positionals.length !== 1) throw new UsageError('give one built site folder');
		// The build's cache folder, as `astro build` of the same environment uses it.
		const lines = await indexSite(positionals[0]!, { cacheDir: cacheDirFrom(process.env), full: values.full });
		for (const line of lines) console.log(`pagefind: ${line}`);
	},
);
