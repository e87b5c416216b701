// npm run prune-events: deletes analytics events past their retention period (see USAGE).
import { runCli } from './lib/cli.ts';
import { runPruneEvents, USAGE } from './lib/prune-events.ts';

await runCli(
	'prune-events',
	USAGE,
	{
		options: {
			'older-than': { type: 'string' },
			before: { type: 'string' },
			db: { type: 'string' },
			'database-url': { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
		},
	},
	async ({ values }) => {
		const lines = await runPruneEvents(
			{
				olderThan: values['older-than'],
				before: values.before,
				db: values.db,
				databaseUrl: values['database-url'],
				dryRun: values['dry-run'],
			},
			Date.now(),
		);
		for (const line of lines) console.log(line);
	},
);
