// npm run check:links -- [DIR]: every link of the built site (default dist/) leads to a page,
// anchor or file the build has (scripts/lib/built-site.ts). Run after `npm run build`.
import { existsSync } from 'node:fs';
import { InputError, UsageError } from '../src/lib/cli-errors.ts';
import { brokenLinks, builtPages } from './lib/built-site.ts';
import { runCli } from './lib/cli.ts';

await runCli('check:links', 'npm run check:links -- [DIR]   (default: dist/, or TIERZERO_OUT_DIR)', { allowPositionals: true, options: {} }, ({ positionals }) => {
	if (positionals.length > 1) throw new UsageError('one folder at most');
	const dir = positionals[0] ?? process.env.TIERZERO_OUT_DIR ?? 'dist';
	if (!existsSync(`${dir}/index.html`)) throw new InputError('no built site here; run `npm run build` first', dir);
	const broken = brokenLinks(dir);
	if (broken.length === 0) {
		console.log(`links ok: ${builtPages(dir).length} pages`);
		return 0;
	}
	console.error(`${broken.length} broken link${broken.length === 1 ? '' : 's'}:\n${broken.map((b) => `  ${b}`).join('\n')}`);
	return 1;
});
