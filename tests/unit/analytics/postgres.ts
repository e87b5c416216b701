import pg from 'pg';
import { it } from 'vitest';

/**
 * The PostgreSQL server for tests, from TIERZERO_TEST_DATABASE_URL (`source .ci/postgres.sh`
 * starts one). Unset: the PostgreSQL tests skip locally, and fail in CI (`CI=true`), where a
 * silently skipped durability test would prove nothing.
 */
export const testDatabaseUrl = process.env.TIERZERO_TEST_DATABASE_URL || undefined;

/** Why PostgreSQL tests are skipped, for their describe() titles. */
export const skipReason = testDatabaseUrl
	? ''
	: ' (skipped: TIERZERO_TEST_DATABASE_URL is unset; run `source .ci/postgres.sh` first)';

/** Registers a failing test in CI when no PostgreSQL server was provided. */
export function requirePostgresInCi(): void {
	if (!testDatabaseUrl && process.env.CI === 'true') {
		it('has a PostgreSQL server to test against (CI must source .ci/postgres.sh)', () => {
			throw new Error('TIERZERO_TEST_DATABASE_URL is unset in CI; source .ci/postgres.sh before npm test');
		});
	}
}

/**
 * Creates a schema of its own for one test file and returns a connection URL whose search_path
 * points at it, so tests never see each other's tables (or real data); `drop` removes it.
 */
export async function isolatedSchema(url: string, name: string) {
	const schema = `tz_${name}_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`CREATE SCHEMA ${schema}`);
	await admin.end();
	const scoped = new URL(url);
	scoped.searchParams.set('options', `-c search_path=${schema}`);
	return {
		url: scoped.toString(),
		schema,
		async drop() {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
			await client.end();
		},
	};
}
