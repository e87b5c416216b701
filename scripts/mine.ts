// npm run mine: groups support tickets by question and drafts FAQ entries for the uncovered ones.
import { parseArgs } from 'node:util';
import { runMine, USAGE } from '../src/lib/mine/cli-fs.ts';
import { InputError, UsageError } from '../src/lib/cli-errors.ts';

try {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			format: { type: 'string' },
			map: { type: 'string' },
			queries: { type: 'string' },
			out: { type: 'string' },
			drafts: { type: 'string' },
			content: { type: 'string' },
			'min-size': { type: 'string' },
			help: { type: 'boolean', short: 'h' },
		},
	});
	if (values.help) console.log(USAGE);
	else {
		const { 'min-size': minSize, help: _help, ...rest } = values;
		const lines = await runMine(
			{ ...rest, ...(minSize === undefined ? {} : { minSize }), files: positionals },
			(l) => console.error(l),
		);
		for (const line of lines) console.log(line);
	}
} catch (e) {
	// Mistakes in the arguments (exit 2, with the usage) or the input (exit 1): no stack trace.
	if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
		console.error(`${(e as Error).message}\n${USAGE}`);
		process.exitCode = 2;
	} else if (e instanceof InputError) {
		console.error(e.format());
		process.exitCode = 1;
	} else throw e;
}
