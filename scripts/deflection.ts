// npm run deflection: the deflection report from the collector's events (see USAGE).
import { parseCli, runCommand } from './lib/cli.ts';
import { runDeflection, USAGE } from './lib/deflection.ts';
import { siteConfig } from '../src/site-config.ts';

const { values } = parseCli('deflection', USAGE, {
	options: {
		db: { type: 'string' },
		'database-url': { type: 'string' },
		since: { type: 'string' },
		until: { type: 'string' },
		out: { type: 'string' },
		'queries-out': { type: 'string' },
		content: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});
const { 'database-url': databaseUrl, 'queries-out': queriesOut, help, ...rest } = values;
await runCommand('deflection', USAGE, async () =>
	help ? [`usage: ${USAGE}`] : runDeflection({ ...rest, databaseUrl, queriesOut }, siteConfig),
);
