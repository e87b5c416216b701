import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedSchema, requirePostgresInCi, skipReason, testDatabaseUrl } from './postgres.ts';

// The collector runs as its own process, exactly as `npm run collector` starts it, so SIGKILL
// hits it the way a crash or an OOM kill would: no shutdown handler, no final flush.
const dir = mkdtempSync(join(tmpdir(), 'tierzero-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
	for (const child of children) {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	}
	rmSync(dir, { recursive: true, force: true });
});

/** Starts scripts/collector.ts on a free port with the given storage and resolves with its URL. */
function spawnCollector(storage: Record<string, string>): Promise<{ url: string; proc: ChildProcess }> {
	const proc = spawn(process.execPath, ['scripts/collector.ts'], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TIERZERO_RATE_LIMIT: '0', DATABASE_URL: '', ...storage },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	children.push(proc);
	return new Promise((resolve, reject) => {
		let out = '';
		proc.stdout?.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
			if (url) resolve({ url, proc });
		});
		proc.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
		proc.on('exit', (code) => reject(new Error(`collector exited (${code}) before listening:\n${out}`)));
	});
}

const BATCH = 10;
const PREFIX = 'crash-batch-';
const batchOf = (n: number) =>
	Array.from({ length: BATCH }, (_, i) => ({
		type: 'search',
		session: `${PREFIX}${n}`,
		ts: new Date().toISOString(),
		path: '/',
		query: `query ${n} ${i}`,
		results: i,
	}));

/**
 * Loads the collector from 8 clients until 300 batches of 10 are acknowledged, kills it with
 * SIGKILL from a timer (wherever it is: parsing, committing, replying), and returns what the
 * clients saw. Clients keep posting until their connection is cut.
 */
async function loadAndKill(url: string, proc: ChildProcess) {
	const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));
	const acked = new Set<number>();
	let cutOff = 0;
	let next = 0;
	let timer: NodeJS.Timeout | undefined;
	const client = async () => {
		for (;;) {
			const n = next++;
			try {
				const response = await fetch(`${url}/api/events`, {
					method: 'POST',
					headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
					body: JSON.stringify(batchOf(n)),
				});
				expect(response.status).toBe(200);
				acked.add(n);
			} catch (error) {
				if (!timer) throw error;
				cutOff++;
				return;
			}
			if (acked.size >= 300 && !timer) timer = setTimeout(() => proc.kill('SIGKILL'), 5);
		}
	};
	await Promise.all(Array.from({ length: 8 }, client));
	await exited;
	return { acked, cutOff };
}

/** Checks the survivors: every acknowledged batch complete, and no batch stored in part. */
function expectAcknowledgedStored(
	acked: Set<number>,
	cutOff: number,
	rows: { session: string; n: number }[],
) {
	const stored = new Map(rows.map((r) => [Number(r.session.slice(PREFIX.length)), Number(r.n)]));
	expect(acked.size).toBeGreaterThanOrEqual(300);
	expect([...acked].filter((n) => stored.get(n) !== BATCH)).toEqual([]);
	// Requests in flight at the kill may or may not have been committed, but never in part.
	expect([...stored.values()].filter((count) => count !== BATCH)).toEqual([]);
	// The kill happened under load: every client had a request cut off.
	expect(cutOff).toBe(8);
}

describe('a collector on SQLite killed with SIGKILL under load', () => {
	it('has stored every event it acknowledged, and no batch half-stored', async () => {
		const db = join(dir, 'crash.db');
		const { url, proc } = await spawnCollector({ TIERZERO_DB: db });
		const { acked, cutOff } = await loadAndKill(url, proc);
		expect(proc.signalCode).toBe('SIGKILL');
		// Opening the database runs SQLite's WAL recovery, as the next collector start would.
		const raw = new DatabaseSync(db);
		const rows = raw.prepare('SELECT session, count(*) AS n FROM events GROUP BY session').all();
		raw.close();
		expectAcknowledgedStored(acked, cutOff, rows as { session: string; n: number }[]);
	});
});

requirePostgresInCi();

describe.skipIf(!testDatabaseUrl)(`a collector on PostgreSQL killed with SIGKILL under load${skipReason}`, () => {
	it('has stored every event it acknowledged, and no batch half-stored', async () => {
		const schema = await isolatedSchema(testDatabaseUrl ?? '', 'crash');
		try {
			const { url, proc } = await spawnCollector({ DATABASE_URL: schema.url });
			const { acked, cutOff } = await loadAndKill(url, proc);
			expect(proc.signalCode).toBe('SIGKILL');
			const client = new pg.Client({ connectionString: schema.url });
			await client.connect();
			const { rows } = await client.query(
				'SELECT session, count(*) AS n FROM analytics_events GROUP BY session',
			);
			await client.end();
			expectAcknowledgedStored(acked, cutOff, rows);
		} finally {
			await schema.drop();
		}
	});
});
