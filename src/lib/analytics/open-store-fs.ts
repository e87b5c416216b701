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
