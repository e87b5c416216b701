// npm run check:content: checks content/ against the schemas and cross-entry rules without a
// full site build (src/lib/check-content-fs.ts); --update-urls records the public URLs.
import { CHECK_USAGE, runCheckContent } from '../src/lib/check-content-fs.ts';
import { UsageError } from '../src/lib/cli-errors.ts';
import { cacheDirFrom } from '../src/lib/edition.ts';
import { runCli } from './lib/cli.ts';

await runCli(
	'check:content',
	CHECK_USAGE,
	{ allowPositionals: true, options: { 'update-urls': { type: 'boolean', default: false }, format: { type: 'string' } } },
	({ values, positionals }) => {
		if (positionals.length > 1) throw new UsageError('one content folder at most');
		return runCheckContent({
			root: positionals[0] ?? process.env.TIERZERO_CONTENT_DIR ?? 'content',
			cacheDir: cacheDirFrom(process.env),
			updateUrls: values['update-urls'],
			format: values.format,
			out: (l) => console.log(l),
			err: (l) => console.error(l),
		});
	},
);
