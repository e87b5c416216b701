import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';

// The collector runs as its own process, exactly as `npm run collector` starts it, so SIGKILL
// hits it the way a crash or an OOM kill would: no shutdown handler, no final flush.
const dir = mkdtempSync(join(tmpdir(), 'tierzero-crash-'));
let child: ChildProcess | undefined;
afterAll(() => {
	if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
	rmSync(dir, { recursive: true, force: true });
});

/** Starts scripts/collector.ts on a free port and resolves with its URL. */
function spawnCollector(db: string): Promise<{ url: string; proc: ChildProcess }> {
	const proc = spawn(process.execPath, ['scripts/collector.ts'], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', TIERZERO_DB: db, TIERZERO_RATE_LIMIT: '0', DATABASE_URL: '' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
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
const batchOf = (n: number) =>
	Array.from({ length: BATCH }, (_, i) => ({
		type: 'search',
		session: `crash-batch-${n}`,
		ts: new Date().toISOString(),
		path: '/',
		query: `query ${n} ${i}`,
		results: i,
	}));

describe('a collector killed with SIGKILL under load', () => {
	it('has stored every event it acknowledged, and no batch half-stored', async () => {
		const db = join(dir, 'crash.db');
		const { url, proc } = await spawnCollector(db);
		child = proc;
		const exited = new Promise<void>((resolve) => proc.on('exit', () => resolve()));

		const acked = new Set<number>();
		let cutOff = 0;
		let next = 0;
		// 8 clients post batches back to back and keep going until the collector is gone; once 300
		// batches are acknowledged a timer kills it, at whatever point it has reached.
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
					if (proc.signalCode === null && !timer) throw error;
					cutOff++;
					return;
				}
				if (acked.size >= 300 && !timer) timer = setTimeout(() => proc.kill('SIGKILL'), 5);
			}
		};
		await Promise.all(Array.from({ length: 8 }, client));
		await exited;
		expect(proc.signalCode).toBe('SIGKILL');

		// Opening the database runs SQLite's WAL recovery, as the next collector start would.
		const raw = new DatabaseSync(db);
		const rows = raw
			.prepare('SELECT session, count(*) AS n FROM events GROUP BY session')
			.all() as { session: string; n: number }[];
		raw.close();
		const storedBatches = new Map(rows.map((r) => [Number(r.session.slice('crash-batch-'.length)), r.n]));

		expect(acked.size).toBeGreaterThanOrEqual(300);
		const lost = [...acked].filter((n) => storedBatches.get(n) !== BATCH);
		expect(lost).toEqual([]);
		// Requests in flight at the kill may or may not have been committed, but never in part.
		for (const count of storedBatches.values()) expect(count).toBe(BATCH);
		// The kill happened under load: every client had a request cut off.
		expect(cutOff).toBe(8);
	});
});
