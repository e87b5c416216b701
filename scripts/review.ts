// npm run review: the weekly support review as HTML and Markdown (see USAGE).
import { siteConfig } from '../src/site-config.ts';
import { parseCli, runCommand } from './lib/cli.ts';
import { runReview, USAGE } from './lib/review.ts';

const { values } = parseCli('review', USAGE, {
	options: {
		db: { type: 'string' },
		'database-url': { type: 'string' },
		tickets: { type: 'string', multiple: true },
		content: { type: 'string' },
		since: { type: 'string' },
		days: { type: 'string' },
		'stale-days': { type: 'string' },
		out: { type: 'string' },
		help: { type: 'boolean', short: 'h' },
	},
});
const { 'database-url': databaseUrl, 'stale-days': staleDays, help, ...rest } = values;
await runCommand('review', USAGE, async () =>
	help ? [`usage: ${USAGE}`] : runReview({ ...rest, databaseUrl, staleDays }, siteConfig),
);
