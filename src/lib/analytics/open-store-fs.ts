import { existsSync } from 'node:fs';
import { DEFAULT_DB_PATH, SqliteEventStore } from './store-sqlite-fs.ts';
import { PostgresEventStore } from './store-postgres.ts';
import type { EventStore } from './store.ts';

/**
 * Opens the store the collector and the report share: PostgreSQL when a database URL is given,
 * otherwise the SQLite file (default data/analytics.db). `description` names it for logs,
 * without the URL's password.
 */
export async function openStore(options: {
	databaseUrl?: string | undefined;
	dbPath?: string | undefined;
}): Promise<{ store: EventStore; description: string }> {
	if (options.databaseUrl) {
		const store = await PostgresEventStore.open(options.databaseUrl);
		const url = new URL(options.databaseUrl);
		return { store, description: `postgresql ${url.hostname}:${url.port || 5432}${url.pathname}` };
	}
	const path = options.dbPath || DEFAULT_DB_PATH;
	return { store: new SqliteEventStore(path), description: `sqlite ${path}` };
}

/**
 * Which store a reading command (the report, pruning) opens, from its `--db` / `--database-url`
 * flags and the environment the collector uses: a flag wins over the environment, and `--db`
 * also over a DATABASE_URL there. A SQLite file must exist: opening would create an empty one.
 */
export function locateStore(
	flags: { db?: string | undefined; databaseUrl?: string | undefined },
	env: Record<string, string | undefined> = process.env,
): { databaseUrl: string | undefined; dbPath: string } | { error: string } {
	if (flags.db && flags.databaseUrl) return { error: 'give either --db or --database-url, not both' };
	const databaseUrl = flags.databaseUrl ?? (flags.db ? undefined : env.DATABASE_URL || undefined);
	const dbPath = flags.db ?? env.TIERZERO_DB ?? DEFAULT_DB_PATH;
	if (!databaseUrl && !existsSync(dbPath)) {
		return { error: `${dbPath}: no analytics database here; run the collector first or pass --db PATH` };
	}
	return { databaseUrl, dbPath };
}
