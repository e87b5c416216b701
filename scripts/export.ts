// Writes the reply templates in a helpdesk's own format, and optionally pushes them:
//   npm run export -- --to zendesk|freshdesk|chatwoot|helpscout|json [--out DIR] [--content DIR] [--push]
// Exit 2: usage error; 1: bad content, or the helpdesk refused.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { ExportError, runExport } from '../src/lib/export/export-fs.ts';
import { TOOLS, type Tool } from '../src/lib/export/formats.ts';

const USAGE = `usage: npm run export -- --to ${TOOLS.join('|')} [--out DIR] [--content DIR] [--push]`;

function usage(message: string): never {
	console.error(`export: ${message}\n${USAGE}`);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			to: { type: 'string' },
			out: { type: 'string', default: 'reports/export' },
			content: { type: 'string', default: 'content' },
			push: { type: 'boolean', default: false },
		},
	}));
} catch (error) {
	usage((error as Error).message);
}
if (!values.to) usage('--to is required');
if (!(TOOLS as readonly string[]).includes(values.to)) usage(`--to must be one of ${TOOLS.join(', ')}, not "${values.to}"`);

try {
	await runExport({
		tool: values.to as Tool,
		contentDir: values.content,
		outDir: values.out,
		push: values.push,
		env: process.env,
		fetch: (url, init) => fetch(url, init),
		sleep: (ms) => sleep(ms),
		log: (line) => console.log(line),
	});
} catch (error) {
	if (!(error instanceof ExportError) && !(error instanceof Error && /HTTP \d{3}/.test(error.message))) throw error;
	console.error(`export: ${error.message}`);
	process.exit(1);
}
