// The prune-events command: deletes analytics events past their retention period, by the
// collector's receive time, so a visitor's wrong clock cannot keep an event forever.
import { locateStore, openStore } from '../../src/lib/analytics/open-store-fs.ts';
import { retentionCutoff } from '../../src/lib/analytics/retention.ts';
import { InputError, UsageError } from './cli.ts';

export const USAGE =
	'npm run prune-events -- (--older-than DAYS | --before DATE) [--db PATH | --database-url URL] [--dry-run]';

export interface PruneOptions {
	olderThan?: string;
	before?: string;
	db?: string;
	databaseUrl?: string;
	dryRun?: boolean;
}

/**
 * Prunes (or, with `dryRun`, counts) the events received before the cut-off and returns the
 * lines to print. Option mistakes are {@link UsageError}s; a store that cannot be opened is an
 * {@link InputError}.
 */
export async function runPruneEvents(options: PruneOptions, now: number): Promise<string[]> {
	const cutoff = retentionCutoff({ olderThan: options.olderThan, before: options.before }, now);
	if ('error' in cutoff) throw new UsageError(cutoff.error);
	const location = locateStore({ db: options.db, databaseUrl: options.databaseUrl });
	if ('error' in location) throw new UsageError(location.error);
	const { store, description } = await openStore(location).catch((error: unknown) => {
		throw new InputError(
			(error as Error).message,
			location.databaseUrl ? '--database-url' : location.dbPath,
		);
	});
	try {
		const cut = new Date(cutoff.before).toISOString();
		if (options.dryRun) {
			const due = await store.countReceivedBefore(cutoff.before);
			return [`${description}: would delete ${due} events received before ${cut}; nothing deleted`];
		}
		const deleted = await store.deleteReceivedBefore(cutoff.before);
		const kept = await store.count();
		return [`${description}: deleted ${deleted} events received before ${cut}; ${kept} kept`];
	} finally {
		await store.close();
	}
}
