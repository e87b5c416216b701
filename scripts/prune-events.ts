// Deletes analytics events past their retention period:
//   npm run prune-events -- (--older-than DAYS | --before DATE) [--db PATH | --database-url URL]
//                           [--dry-run]
// "Received" is the collector's clock, so a visitor's wrong clock cannot keep an event forever.
import { parseArgs } from 'node:util';
import { locateStore, openStore } from '../src/lib/analytics/open-store-fs.ts';
import { retentionCutoff } from '../src/lib/analytics/retention.ts';

function fail(message: string): never {
	console.error(`prune-events: ${message}`);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			'older-than': { type: 'string' },
			before: { type: 'string' },
			db: { type: 'string' },
			'database-url': { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
		},
	}));
} catch (error) {
	fail((error as Error).message);
}

const cutoff = retentionCutoff(
	{ olderThan: values['older-than'], before: values.before },
	Date.now(),
);
if ('error' in cutoff) fail(cutoff.error);
const location = locateStore({ db: values.db, databaseUrl: values['database-url'] });
if ('error' in location) fail(location.error);

const { store, description } = await openStore(location).catch((error: unknown) =>
	fail(`${location.databaseUrl ? '--database-url' : location.dbPath}: ${(error as Error).message}`),
);
try {
	const cut = new Date(cutoff.before).toISOString();
	if (values['dry-run']) {
		const due = await store.countReceivedBefore(cutoff.before);
		console.log(
			`${description}: would delete ${due} events received before ${cut}; nothing deleted`,
		);
	} else {
		const deleted = await store.deleteReceivedBefore(cutoff.before);
		const kept = await store.count();
		console.log(`${description}: deleted ${deleted} events received before ${cut}; ${kept} kept`);
	}
} finally {
	await store.close();
}
