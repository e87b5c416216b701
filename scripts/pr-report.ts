// npm run pr-report -- --base REF: a pull request's freshness warnings and its new, changed and
// removed public URLs (src/lib/freshness-fs.ts); the content workflow runs it.
import { PR_REPORT_USAGE, runPrReport } from '../src/lib/freshness-fs.ts';
import { runCli } from './lib/cli.ts';

await runCli(
	'pr-report',
	PR_REPORT_USAGE,
	{ options: { base: { type: 'string' }, content: { type: 'string' }, format: { type: 'string' }, summary: { type: 'string' } } },
	({ values }) => {
		for (const line of runPrReport(values)) console.log(line);
	},
);
