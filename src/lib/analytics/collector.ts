import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EventProblem, parseEventBatch } from '../../schemas/event.ts';
import { MAX_BATCH_EVENTS, MAX_BODY_BYTES } from './limits.ts';
import { RateLimiter } from './rate-limit.ts';
import type { EventStore } from './store.ts';

/** The path browsers post events to. */
export const EVENTS_PATH = '/api/events';

/**
 * The origins `TIERZERO_ORIGINS` lists (comma-separated), or by default the site's own origin and
 * `localhost`. The entry `localhost` stands for http(s)://localhost, 127.0.0.1 and [::1] on any
 * port, so previews and test builds can post without configuration.
 */
export function parseOrigins(list: string | undefined, siteOrigin: string): string[] {
	const entries = (list ?? '').split(',').map((o) => o.trim().replace(/\/+$/, ''));
	const chosen = entries.filter((o) => o !== '');
	return chosen.length > 0 ? chosen : [siteOrigin.replace(/\/+$/, ''), 'localhost'];
}

const LOCALHOST = /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/;

/** Whether a request's `Origin` header is one of the allowed origins (see {@link parseOrigins}). */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
	return allowed.some((entry) =>
		entry === 'localhost' ? LOCALHOST.test(origin) : entry === origin,
	);
}

/**
 * The address to rate-limit a request by. Behind `hops` proxies of your own, each appends the
 * address it received the request from to `X-Forwarded-For`, so the client is the `hops`-th entry
 * from the right: the rightmost for one proxy, the second from the right for two (a CDN, then a
 * load balancer). Entries further left were written by the client and prove nothing: trusting the
 * leftmost would let every request with a new made-up first entry pass the limit. With no proxy
 * (`hops` 0), or when the header has fewer entries than hops, the socket's address or the
 * leftmost entry the proxies did write is used.
 */
export function clientAddress(
	forwarded: string | string[] | undefined,
	socketAddress: string | undefined,
	hops: number,
): string {
	const entries =
		hops > 0 && forwarded !== undefined
			? (Array.isArray(forwarded) ? forwarded : [forwarded])
					.flatMap((line) => line.split(','))
					.map((entry) => entry.trim())
					.filter((entry) => entry !== '')
			: [];
	const chosen = entries.length > 0 ? entries[Math.max(0, entries.length - hops)] : undefined;
	return chosen ?? socketAddress ?? 'unknown';
}

/**
 * `TIERZERO_TRUST_PROXY` as a hop count: unset, empty or 0 for none, a whole number for that many
 * proxies of your own; null for anything else.
 */
export function parseTrustProxy(value: string | undefined): number | null {
	const text = (value ?? '').trim();
	if (text === '') return 0;
	return /^\d{1,2}$/.test(text) ? Number(text) : null;
}

/** Options of the collector's HTTP handler. */
export interface CollectorOptions {
	/** Where accepted events go. */
	store: EventStore;
	/** Allowed browser origins (see {@link parseOrigins}). Requests without `Origin` are allowed. */
	origins: readonly string[];
	/** Requests per minute per client, with the same burst; 0 turns the limit off. Default 120. */
	rateLimitPerMinute?: number;
	/**
	 * How many proxies of your own stand in front of the collector (`TIERZERO_TRUST_PROXY`); 0,
	 * the default, uses the socket's address. See {@link clientAddress}.
	 */
	trustProxy?: number;
	/** Where to report storage failures. Default: console.error. */
	logError?: (message: string) => void;
}

/** What the collector has done since it started, as `GET /healthz` reports it. */
export interface CollectorStats {
	storedEvents: number;
	rejectedRequests: number;
}

class Rejection {
	readonly status: number;
	readonly error: string;
	readonly problems: EventProblem[] | undefined;
	readonly headers: Record<string, string>;
	constructor(
		status: number,
		error: string,
		problems?: EventProblem[],
		headers: Record<string, string> = {},
	) {
		this.status = status;
		this.error = error;
		this.problems = problems;
		this.headers = headers;
	}
}

/**
 * The collector's request handler: `POST /api/events` (one event or a batch of up to 50, as JSON
 * in a `text/plain` or `application/json` body, which is what sendBeacon sends), its CORS
 * preflight, and `GET /healthz`. Anything invalid gets a 4xx with a JSON `{ error, problems? }`
 * and nothing is stored; a 200 means every event in the request is committed.
 */
export function createCollectorHandler(options: CollectorOptions) {
	const perMinute = options.rateLimitPerMinute ?? 120;
	const limiter = perMinute > 0 ? new RateLimiter(perMinute) : undefined;
	const logError = options.logError ?? ((message: string) => console.error(message));
	const stats: CollectorStats = { storedEvents: 0, rejectedRequests: 0 };

	const clientOf = (req: IncomingMessage) =>
		clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, options.trustProxy ?? 0);

	async function postEvents(req: IncomingMessage, res: ServerResponse, cors: Record<string, string>) {
		if (limiter) {
			const wait = limiter.take(clientOf(req));
			if (wait > 0) {
				throw new Rejection(429, `too many requests from this client; retry in ${wait} s`, undefined, {
					'Retry-After': String(wait),
				});
			}
		}
		const [mediaType = '', ...params] = (req.headers['content-type'] ?? '')
			.split(';')
			.map((part) => part.trim().toLowerCase());
		const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length);
		if (!['application/json', 'text/plain'].includes(mediaType) || (charset && charset !== 'utf-8')) {
			throw new Rejection(
				415,
				'Content-Type must be application/json or text/plain (UTF-8), holding a JSON event or array of events',
			);
		}
		const body = await readBody(req);
		let json: unknown;
		try {
			json = JSON.parse(body);
		} catch (error) {
			throw new Rejection(400, `body is not valid JSON: ${(error as Error).message}`);
		}
		if (Array.isArray(json) && json.length > MAX_BATCH_EVENTS) {
			throw new Rejection(
				413,
				`a batch may hold at most ${MAX_BATCH_EVENTS} events; this one has ${json.length}`,
			);
		}
		const parsed = parseEventBatch(json);
		if (!parsed.ok) {
			throw new Rejection(
				400,
				`${parsed.problems.length === 1 ? 'an event is' : 'events are'} invalid; nothing was stored`,
				parsed.problems,
			);
		}
		try {
			await options.store.append(parsed.events);
		} catch (error) {
			logError(`collector: could not store ${parsed.events.length} events: ${String(error)}`);
			throw new Rejection(503, 'storage is unavailable; nothing was stored, please retry');
		}
		stats.storedEvents += parsed.events.length;
		send(res, 200, { stored: parsed.events.length }, cors);
	}

	const handler = (req: IncomingMessage, res: ServerResponse) => {
		let path: string;
		try {
			path = new URL(req.url ?? '/', 'http://collector').pathname;
		} catch {
			path = '';
		}
		const origin = req.headers.origin;
		const originOk = origin === undefined || originAllowed(origin, options.origins);
		const cors: Record<string, string> =
			origin !== undefined && originOk ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {};

		const reject = (rejection: Rejection) => {
			stats.rejectedRequests++;
			const body = { error: rejection.error, ...(rejection.problems && { problems: rejection.problems }) };
			send(res, rejection.status, body, { ...cors, ...rejection.headers });
		};

		if (path === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
			send(res, 200, { ok: true, ...stats });
			return;
		}
		if (path !== EVENTS_PATH) {
			reject(new Rejection(404, `not found; events go to POST ${EVENTS_PATH}`));
			return;
		}
		if (!originOk) {
			reject(new Rejection(403, `origin ${origin} is not allowed; set TIERZERO_ORIGINS to allow it`));
			return;
		}
		if (req.method === 'OPTIONS') {
			res.writeHead(204, {
				...cors,
				'Access-Control-Allow-Methods': 'POST, OPTIONS',
				'Access-Control-Allow-Headers': 'Content-Type',
				'Access-Control-Max-Age': '86400',
			});
			res.end();
			return;
		}
		if (req.method !== 'POST') {
			reject(new Rejection(405, `${req.method} is not allowed; use POST`, undefined, { Allow: 'POST, OPTIONS' }));
			return;
		}
		postEvents(req, res, cors).catch((error: unknown) => {
			if (error === ABORTED) {
				// The client hung up mid-body: nobody is left to answer, and it is not the server's fault.
				stats.rejectedRequests++;
				return;
			}
			if (error instanceof Rejection) reject(error);
			else {
				logError(`collector: ${String(error)}`);
				reject(new Rejection(500, 'internal error; nothing was stored'));
			}
		});
	};
	return Object.assign(handler, { stats });
}

/** What readBody rejects with when the client went away before its body ended. */
const ABORTED = Symbol('client aborted the request');

/** Reads a UTF-8 body of at most {@link MAX_BODY_BYTES}, refusing larger ones early. */
function readBody(req: IncomingMessage): Promise<string> {
	const tooLarge = () =>
		new Rejection(413, `the body must be at most ${MAX_BODY_BYTES} bytes (16 KB); send fewer events per request`, undefined, {
			Connection: 'close',
		});
	const declared = Number(req.headers['content-length']);
	if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.reject(tooLarge());
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				req.removeAllListeners('data');
				req.pause();
				reject(tooLarge());
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		// A client that disconnects mid-body makes the request emit "aborted" (ECONNRESET) and
		// close; either way the promise must settle, and quietly.
		req.on('error', (error) => reject(req.complete ? error : ABORTED));
		req.on('close', () => {
			if (!req.complete) reject(ABORTED);
		});
	});
}

function send(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	if (res.headersSent) return;
	const json = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(json),
		'Cache-Control': 'no-store',
		...headers,
	});
	// A refused oversized body is not read to its end: close the connection instead of draining it.
	res.end(json, () => {
		if (headers.Connection === 'close') res.req.destroy();
	});
}

/** A running collector. */
export interface RunningCollector {
	server: Server;
	/** e.g. http://127.0.0.1:8787 */
	url: string;
	port: number;
	stats: CollectorStats;
	/** Stops accepting requests, lets running ones finish, then closes the store. */
	close(): Promise<void>;
}

/** Starts the collector on `host:port` (port 0 picks a free one). */
export async function startCollector(
	options: CollectorOptions & { port: number; host: string },
): Promise<RunningCollector> {
	const handler = createCollectorHandler(options);
	const server = createServer(handler);
	// Slow or stalled clients must not hold sockets open for minutes.
	server.requestTimeout = 10_000;
	server.headersTimeout = 10_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const host = options.host.includes(':') ? `[${options.host}]` : options.host;
	return {
		server,
		url: `http://${host}:${port}`,
		port,
		stats: handler.stats,
		async close() {
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeIdleConnections();
			});
			await options.store.close();
		},
	};
}
