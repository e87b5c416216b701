import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import {
	clientAddress,
	originAllowed,
	parseTrustProxy,
	parseOrigins,
	type RunningCollector,
	startCollector,
} from '../../../src/lib/analytics/collector.ts';
import { SqliteEventStore } from '../../../src/lib/analytics/store-sqlite-fs.ts';
import type { EventStore } from '../../../src/lib/analytics/store.ts';
import type { AnalyticsEvent } from '../../../src/schemas/event.ts';
import { at } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'tierzero-collector-'));
let store: SqliteEventStore;
let collector: RunningCollector;

beforeAll(async () => {
	store = new SqliteEventStore(join(dir, 'events.db'));
	collector = await startCollector({
		store,
		origins: ['https://help.caro.example', 'localhost'],
		rateLimitPerMinute: 0,
		port: 0,
		host: '127.0.0.1',
	});
});
afterAll(async () => {
	await collector.close();
	rmSync(dir, { recursive: true, force: true });
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
	fetch(`${collector.url}/api/events`, {
		method: 'POST',
		headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
const stored = async () => {
	const events: AnalyticsEvent[] = [];
	for await (const event of store.read()) events.push(event);
	return events;
};

describe('POST /api/events', () => {
	it('stores a batch sent as sendBeacon sends a string (text/plain) and answers 200', async () => {
		const before = await store.count();
		const batch = [at('s1', 0).search('webhooks', 3), at('s1', 1).contact('email')];
		const response = await post(batch);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ stored: 2 });
		expect(await store.count()).toBe(before + 2);
	});

	it('stores one event sent as a Blob of application/json', async () => {
		const event = at('s2', 0).view('KB-0042');
		const response = await post(event, { 'Content-Type': 'application/json' });
		expect(response.status).toBe(200);
		expect((await stored()).filter((e) => e.session === event.session)).toEqual([event]);
	});

	it('rejects a batch with one bad event whole, saying which field is wrong', async () => {
		const before = await store.count();
		const response = await post([at('s3', 0).view('KB-0001'), { ...at('s3', 1).search('x', 1), results: -1 }]);
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: 'an event is invalid; nothing was stored',
			problems: [{ where: 'events[1].results', message: 'results must be a whole number from 0 to 2147483647' }],
		});
		expect(await store.count()).toBe(before);
	});

	it.each([
		['a body over 16 KB', () => post('x'.repeat(17 * 1024)), 413, 'the body must be at most 16384 bytes (16 KB); send fewer events per request'],
		['more than 50 events', () => post(Array(51).fill(at('s4', 0).view('KB-0001'))), 413, 'a batch may hold at most 50 events; this one has 51'],
		['invalid JSON', () => post('[{"type":'), 400, undefined],
		['a form post', () => post('a=b', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'Content-Type must be application/json or text/plain (UTF-8), holding a JSON event or array of events'],
		['an origin outside TIERZERO_ORIGINS', () => post(at('s4', 0).view('KB-0001'), { Origin: 'https://evil.example' }), 403, 'origin https://evil.example is not allowed; set TIERZERO_ORIGINS to allow it'],
	])('refuses %s with a reason and stores nothing', async (_, send, status, error) => {
		const before = await store.count();
		const response = await send();
		expect(response.status).toBe(status);
		const body = (await response.json()) as { error: string };
		if (error) expect(body.error).toBe(error);
		else expect(body.error).toMatch(/^body is not valid JSON: /);
		expect(await store.count()).toBe(before);
	});

	it('refuses an oversized body by its declared length without reading it', async () => {
		const { request } = await import('node:http');
		const status = await new Promise<number>((resolve, reject) => {
			const req = request(`${collector.url}/api/events`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Content-Length': String(10 * 1024 * 1024) },
			});
			req.on('response', (res) => resolve(res.statusCode ?? 0));
			req.on('error', reject);
			req.write('[');
		});
		expect(status).toBe(413);
	});

	it('answers CORS for allowed origins, including a preflight', async () => {
		const response = await post(at('s5', 0).view('KB-0001'), { Origin: 'https://help.caro.example' });
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBe('https://help.caro.example');

		const preflight = await fetch(`${collector.url}/api/events`, {
			method: 'OPTIONS',
			headers: { Origin: 'http://127.0.0.1:4321', 'Access-Control-Request-Method': 'POST' },
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4321');
		expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
		expect(preflight.headers.get('access-control-allow-headers')).toBe('Content-Type');

		const refused = await fetch(`${collector.url}/api/events`, {
			method: 'OPTIONS',
			headers: { Origin: 'https://evil.example' },
		});
		expect(refused.status).toBe(403);
		expect(refused.headers.get('access-control-allow-origin')).toBeNull();
	});

	it('answers GET with 405 and unknown paths with 404', async () => {
		expect((await fetch(`${collector.url}/api/events`)).status).toBe(405);
		expect((await fetch(`${collector.url}/api/other`)).status).toBe(404);
	});
});

describe('GET /healthz', () => {
	it('reports ok and what was stored and rejected since start', async () => {
		const response = await fetch(`${collector.url}/healthz`);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { ok: boolean; storedEvents: number };
		expect(body.ok).toBe(true);
		expect(body.storedEvents).toBeGreaterThan(0);
	});
});

describe('limits and failures', () => {
	it('rate-limits each client with 429 and Retry-After', async () => {
		const limited = await startCollector({
			store: new SqliteEventStore(':memory:'),
			origins: ['localhost'],
			rateLimitPerMinute: 3,
			port: 0,
			host: '127.0.0.1',
		});
		try {
			const statuses: number[] = [];
			let retryAfter: string | null = null;
			for (let i = 0; i < 4; i++) {
				const response = await fetch(`${limited.url}/api/events`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify(at('r1', i).view('KB-0001')),
				});
				statuses.push(response.status);
				if (response.status === 429) retryAfter = response.headers.get('retry-after');
			}
			expect(statuses).toEqual([200, 200, 200, 429]);
			// 20 s for a full token at 3 a minute, less what refilled while the requests were served
			// (seconds on a busy machine); rate-limit.test.ts checks the exact figure with a fake clock.
			expect(Number(retryAfter)).toBeGreaterThanOrEqual(15);
			expect(Number(retryAfter)).toBeLessThanOrEqual(20);
			expect(Number.isInteger(Number(retryAfter))).toBe(true);
		} finally {
			await limited.close();
		}
	});

	it('behind a trusted proxy, limits by the address the proxy appended, whatever the client put first', async () => {
		const limited = await startCollector({
			store: new SqliteEventStore(':memory:'),
			origins: ['localhost'],
			rateLimitPerMinute: 3,
			trustProxy: 1,
			port: 0,
			host: '127.0.0.1',
		});
		try {
			const send = (forwardedFor: string, i: number) =>
				fetch(`${limited.url}/api/events`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forwardedFor },
					body: JSON.stringify(at('r2', i).view('KB-0001')),
				}).then((r) => r.status);
			// One client (the proxy saw 203.0.113.7) inventing a new first entry every time.
			const spoofed = [];
			for (let i = 0; i < 5; i++) spoofed.push(await send(`198.51.100.${i}, 203.0.113.7`, i));
			expect(spoofed).toEqual([200, 200, 200, 429, 429]);
			// Another client behind the same proxy has its own allowance.
			expect(await send('203.0.113.8', 9)).toBe(200);
		} finally {
			await limited.close();
		}
	});

	it('takes the client as the Nth X-Forwarded-For entry from the right behind N proxies', () => {
		const header = 'made-up, 192.0.2.1, 198.51.100.2, 10.0.0.3';
		expect(clientAddress(header, '10.0.0.9', 0)).toBe('10.0.0.9');
		expect(clientAddress(header, '10.0.0.9', 1)).toBe('10.0.0.3');
		expect(clientAddress(header, '10.0.0.9', 2)).toBe('198.51.100.2');
		expect(clientAddress(['made-up, 192.0.2.1', '198.51.100.2'], '10.0.0.9', 2)).toBe('192.0.2.1');
		// Fewer entries than proxies: the furthest one a proxy wrote.
		expect(clientAddress('192.0.2.1', '10.0.0.9', 2)).toBe('192.0.2.1');
		expect(clientAddress(undefined, '10.0.0.9', 1)).toBe('10.0.0.9');
		expect(clientAddress(' , ', undefined, 1)).toBe('unknown');
		expect([undefined, '', '0', '1', '2', ' 3 '].map(parseTrustProxy)).toEqual([0, 0, 0, 1, 2, 3]);
		expect(['true', 'yes', '-1', '1.5', '100'].map(parseTrustProxy)).toEqual([null, null, null, null, null]);
	});

	it('logs nothing when clients disconnect in the middle of their body', async () => {
		const errors: string[] = [];
		const quiet = await startCollector({
			store: new SqliteEventStore(':memory:'),
			origins: ['localhost'],
			rateLimitPerMinute: 0,
			port: 0,
			host: '127.0.0.1',
			logError: (m) => errors.push(m),
		});
		try {
			for (let i = 0; i < 20; i++) {
				await new Promise<void>((resolve, reject) => {
					const socket = connect(quiet.port, '127.0.0.1', () => {
						socket.write(
							'POST /api/events HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\n' +
								'Content-Length: 1000\r\n\r\n[{"type":"page_view",',
							() => setImmediate(() => socket.destroy()),
						);
					});
					socket.on('close', () => resolve());
					socket.on('error', reject);
				});
			}
			await expect.poll(() => quiet.stats.rejectedRequests, { timeout: 10_000 }).toBe(20);
			expect(errors).toEqual([]);
			// And the collector still answers.
			expect((await fetch(`${quiet.url}/healthz`)).status).toBe(200);
		} finally {
			await quiet.close();
		}
	});

	it('answers 503 and acknowledges nothing when storage fails', async () => {
		const errors: string[] = [];
		const failing: EventStore = {
			append: async () => {
				throw new Error('disk full');
			},
			read: async function* () {},
			count: async () => 0,
			deleteReceivedBefore: async () => 0,
			countReceivedBefore: async () => 0,
			close: async () => {},
		};
		const broken = await startCollector({
			store: failing,
			origins: ['localhost'],
			port: 0,
			host: '127.0.0.1',
			logError: (m) => errors.push(m),
		});
		try {
			const response = await fetch(`${broken.url}/api/events`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(at('f1', 0).view('KB-0001')),
			});
			expect(response.status).toBe(503);
			expect(errors).toEqual(['collector: could not store 1 events: Error: disk full']);
		} finally {
			await broken.close();
		}
	});
});

describe('allowed origins', () => {
	it('defaults to the site origin and localhost on any port', () => {
		const origins = parseOrigins(undefined, 'https://help.caro.example/');
		expect(origins).toEqual(['https://help.caro.example', 'localhost']);
		expect(originAllowed('http://localhost:4321', origins)).toBe(true);
		expect(originAllowed('http://[::1]:8080', origins)).toBe(true);
		expect(originAllowed('https://help.caro.example', origins)).toBe(true);
		expect(originAllowed('https://help.caro.example.evil.example', origins)).toBe(false);
		expect(originAllowed('http://localhost.evil.example', origins)).toBe(false);
		expect(originAllowed('null', origins)).toBe(false);
	});

	it('takes TIERZERO_ORIGINS as a comma list that replaces the defaults', () => {
		expect(parseOrigins(' https://a.example/ , https://b.example', 'https://site.example')).toEqual([
			'https://a.example',
			'https://b.example',
		]);
	});
});
