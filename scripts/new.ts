// npm run new -- kb|faq|runbook|template "Title" [--category SLUG]: writes a new entry with the
// next free ID and every required field (src/lib/scaffold-fs.ts).
import { runNew, NEW_USAGE } from '../src/lib/scaffold-fs.ts';
import { UsageError } from '../src/lib/cli-errors.ts';
import { runCli } from './lib/cli.ts';

await runCli(
	'new',
	NEW_USAGE,
	{ allowPositionals: true, options: { category: { type: 'string' }, help: { type: 'boolean', short: 'h' } } },
	({ values, positionals }) => {
		if (values.help) return void console.log(`usage: ${NEW_USAGE}`);
		const [kind, title, ...rest] = positionals;
		if (rest.length > 0) throw new UsageError(`one title, in quotes; got also "${rest.join(' ')}"`);
		const lines = runNew({
			kind,
			title,
			category: values.category,
			root: process.env.TIERZERO_CONTENT_DIR ?? 'content',
			today: new Date().toISOString().slice(0, 10),
		});
		for (const line of lines) console.log(line);
	},
);
