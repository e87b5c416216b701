// npm run stale -- [--days 180] [--by category|owner|author]: entries not updated in that time,
// from their `updated` dates and git (src/lib/freshness-fs.ts).
import { runStale, STALE_USAGE } from '../src/lib/freshness-fs.ts';
import { runCli } from './lib/cli.ts';

await runCli(
	'stale',
	STALE_USAGE,
	{ options: { days: { type: 'string' }, by: { type: 'string' }, content: { type: 'string' }, today: { type: 'string' } } },
	({ values }) => {
		const today = values.today ?? new Date().toISOString().slice(0, 10);
		for (const line of runStale({ ...values, today })) console.log(line);
	},
);
