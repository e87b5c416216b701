// Load benchmark of the collector on loopback: starts `scripts/collector.ts` as a child process on
// a throwaway database, posts events from concurrent keep-alive clients, prints events/s and
// latency percentiles, then stops the collector and counts the stored rows: nothing may be lost.
//
//   npm run bench:collector -- [--events 20000] [--batch 10] [--concurrency 16] [--timeout 60]
//                              [--database-url postgres://…]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { parseCli } from './lib/cli.ts';

const { values } = parseCli('bench-collector', 'npm run bench:collector -- [--events N] [--batch B] [--concurrency C] [--timeout S] [--database-url URL]', {
	options: {
		events: { type: 'string', default: '20000' },
		batch: { type: 'string', default: '10' },
		concurrency: { type: 'string', default: '16' },
		timeout: { type: 'string', default: '60' },
		'database-url': { type: 'string' },
	},
});
const int = (name: keyof typeof values, min: number, max: number) => {
	const n = Number(values[name]);
	if (!Number.isInteger(n) || n < min || n > max) {
		console.error(`bench-collector: --${name} must be a whole number from ${min} to ${max}`);
		process.exit(2);
	}
	return n;
};
const totalEvents = int('events', 1, 1_000_000);
const batch = int('batch', 1, 50);
const concurrency = int('concurrency', 1, 256);
const timeoutMs = int('timeout', 1, 600) * 1000;
const databaseUrl = values['database-url'];

// Throwaway storage: a temp SQLite file, or a schema of its own on the given PostgreSQL server.
const dir = mkdtempSync(join(tmpdir(), 'tierzero-bench-'));
let storageEnv: Record<string, string>;
let countRows: () => Promise<number>;
let cleanup: () => Promise<void>;
if (databaseUrl) {
	const schema = `tz_bench_${process.pid}`;
	const admin = new pg.Client({ connectionString: databaseUrl });
	await admin.connect();
	await admin.query(`CREATE SCHEMA ${schema}`);
	const scoped = new URL(databaseUrl);
	scoped.searchParams.set('options', `-c search_path=${schema}`);
	storageEnv = { DATABASE_URL: scoped.toString() };
	countRows = async () =>
		Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.analytics_events`)).rows[0].n);
	cleanup = async () => {
		await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
		await admin.end();
		rmSync(dir, { recursive: true, force: true });
	};
} else {
	const db = join(dir, 'bench.db');
	storageEnv = { TIERZERO_DB: db, DATABASE_URL: '' };
	countRows = async () => {
		const raw = new DatabaseSync(db);
		const row = raw.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
		raw.close();
		return row.n;
	};
	cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

// All load comes from 127.0.0.1, which the per-client rate limit would (rightly) throttle.
const collector = spawn(process.execPath, ['scripts/collector.ts'], {
	env: { ...process.env, ...storageEnv, PORT: '0', HOST: '127.0.0.1', TIERZERO_RATE_LIMIT: '0' },
	stdio: ['ignore', 'pipe', 'inherit'],
});
const port = await new Promise<number>((resolve, reject) => {
	let out = '';
	collector.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString();
		const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
		if (match) resolve(Number(match[1]));
	});
	collector.on('exit', (code) => reject(new Error(`collector exited with ${code}: ${out}`)));
});

const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const started = new Date().toISOString();
const body = (n: number) =>
	JSON.stringify(
		Array.from({ length: batch }, (_, i) => ({
			type: 'search',
			session: `bench-${n % 5000}-session`,
			ts: started,
			path: '/',
			query: `benchmark query ${(n * batch + i) % 997}`,
			results: (n + i) % 7,
		})),
	);

function post(payload: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: '127.0.0.1',
				port,
				path: '/api/events',
				method: 'POST',
				agent,
				headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Content-Length': Buffer.byteLength(payload) },
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			},
		);
		req.on('error', reject);
		req.end(payload);
	});
}

const requests = Math.ceil(totalEvents / batch);
const latencies: number[] = [];
const statuses = new Map<number, number>();
let next = 0;
let acked = 0;
const deadline = performance.now() + timeoutMs;
const t0 = performance.now();
await Promise.all(
	Array.from({ length: concurrency }, async () => {
		while (next < requests && performance.now() < deadline) {
			const n = next++;
			const payload = body(n);
			const start = performance.now();
			const status = await post(payload);
			latencies.push(performance.now() - start);
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
			if (status === 200) acked += batch;
		}
	}),
);
const seconds = (performance.now() - t0) / 1000;
agent.destroy();

// Graceful stop, then count what is on disk.
await new Promise<void>((resolve) => {
	collector.on('exit', () => resolve());
	collector.kill('SIGTERM');
});
const stored = await countRows();
await cleanup();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
const ms = (v: number) => `${v.toFixed(1)} ms`;
console.log(
	`storage: ${databaseUrl ? 'postgresql' : 'sqlite (WAL, synchronous=FULL)'}; ${latencies.length} requests of ${batch} events, ${concurrency} concurrent clients, loopback`,
);
console.log(`throughput: ${Math.round(acked / seconds)} events/s (${Math.round(latencies.length / seconds)} requests/s) over ${seconds.toFixed(2)} s`);
console.log(`latency: p50 ${ms(pct(50))}, p90 ${ms(pct(90))}, p99 ${ms(pct(99))}, max ${ms(pct(100))}`);
console.log(`responses: ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')}`);
console.log(`acknowledged ${acked} events, stored ${stored}, lost ${Math.max(0, acked - stored)}`);
// Shared machines: say how busy this one was, so numbers from different runs can be compared.
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
if (next < requests) console.log(`stopped at the ${timeoutMs / 1000} s time limit after ${next} of ${requests} requests`);
if (stored < acked || statuses.size !== 1 || !statuses.has(200)) process.exitCode = 1;
