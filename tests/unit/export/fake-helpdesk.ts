/**
 * A helpdesk on 127.0.0.1 that answers the endpoints `npm run export -- --push` uses, as their
 * documentation describes them: Zendesk macros (offset pages with `next_page`), Freshdesk canned
 * responses in a folder (pages linked by a `Link: <…>; rel="next"` header), Chatwoot canned
 * responses and Help Scout saved replies (plain lists). It checks each tool's auth header, can
 * answer the next requests with 429 + Retry-After or 503, and records every request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeHelpdesk {
	url: string;
	/** Records by tool, as stored: the name field plus `id`. */
	stored: Record<string, { id: number; [k: string]: unknown }[]>;
	requests: string[];
	/** Statuses (429 or 5xx) to answer the next requests with, in order. */
	failNext: { status: number; retryAfter?: string }[];
	close(): Promise<void>;
}

const AUTH: Record<string, RegExp> = {
	zendesk: /^Basic /,
	freshdesk: /^Basic /,
	helpscout: /^Bearer /,
};

export async function fakeHelpdesk(pageSize = 2): Promise<FakeHelpdesk> {
	const stored: FakeHelpdesk['stored'] = { zendesk: [], freshdesk: [], chatwoot: [], helpscout: [] };
	const requests: string[] = [];
	const failNext: FakeHelpdesk['failNext'] = [];
	let nextId = 1;
	const body = (req: IncomingMessage) =>
		new Promise<Record<string, unknown>>((done) => {
			let text = '';
			req.on('data', (c) => (text += c));
			req.on('end', () => done(text ? JSON.parse(text) : {}));
		});
	const send = (res: ServerResponse, status: number, value?: unknown, headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
		res.end(value === undefined ? '' : JSON.stringify(value));
	};
	let origin = '';
	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		requests.push(`${req.method} ${url.pathname}${url.search}`);
		const fail = failNext.shift();
		if (fail) return send(res, fail.status, { error: 'try later' }, fail.retryAfter ? { 'Retry-After': fail.retryAfter } : {});
		const page = Number(url.searchParams.get('page') ?? 1);
		const slice = <T>(list: T[]) => list.slice((page - 1) * pageSize, page * pageSize);
		const more = (list: unknown[]) => page * pageSize < list.length;
		let m: RegExpExecArray | null;
		const tool = url.pathname.startsWith('/api/v2/macros')
			? 'zendesk'
			: url.pathname.startsWith('/api/v2/canned_')
				? 'freshdesk'
				: url.pathname.startsWith('/api/v1/accounts/')
					? 'chatwoot'
					: 'helpscout';
		const auth = tool === 'chatwoot' ? (req.headers['api_access_token'] ? 'ok' : '') : (req.headers.authorization ?? '');
		if (tool === 'chatwoot' ? !auth : !AUTH[tool]!.test(auth)) return send(res, 401, { error: 'unauthorized' });
		const list = stored[tool]!;
		if (tool === 'zendesk') {
			if (req.method === 'GET' && url.pathname === '/api/v2/macros.json') {
				const next = more(list) ? `${origin}/api/v2/macros.json?page=${page + 1}&per_page=${pageSize}` : null;
				return send(res, 200, { macros: slice(list), next_page: next, count: list.length });
			}
			if (req.method === 'POST' && url.pathname === '/api/v2/macros.json') {
				const { macro } = (await body(req)) as { macro: Record<string, unknown> };
				const created = { ...macro, id: nextId++ };
				list.push(created);
				return send(res, 201, { macro: created });
			}
			if (req.method === 'PUT' && (m = /^\/api\/v2\/macros\/(\d+)\.json$/.exec(url.pathname))) {
				const found = list.find((r) => r.id === Number(m![1]));
				if (!found) return send(res, 404, { error: 'RecordNotFound' });
				Object.assign(found, ((await body(req)) as { macro: object }).macro);
				return send(res, 200, { macro: found });
			}
		}
		if (tool === 'freshdesk') {
			if (req.method === 'GET' && (m = /^\/api\/v2\/canned_response_folders\/(\d+)\/responses$/.exec(url.pathname))) {
				const inFolder = list.filter((r) => r.folder_id === Number(m![1]));
				const headers: Record<string, string> = more(inFolder) ? { Link: `<${origin}${url.pathname}?page=${page + 1}&per_page=${pageSize}>; rel="next"` } : {};
				return send(res, 200, slice(inFolder), headers);
			}
			if (req.method === 'POST' && url.pathname === '/api/v2/canned_responses') {
				const created = { ...(await body(req)), id: nextId++ };
				list.push(created);
				return send(res, 201, created);
			}
			if (req.method === 'PUT' && (m = /^\/api\/v2\/canned_responses\/(\d+)$/.exec(url.pathname))) {
				const found = list.find((r) => r.id === Number(m![1]));
				if (!found) return send(res, 404, { errors: [] });
				Object.assign(found, await body(req));
				return send(res, 200, found);
			}
		}
		if (tool === 'chatwoot' && (m = /^\/api\/v1\/accounts\/(\d+)\/canned_responses(?:\/(\d+))?$/.exec(url.pathname))) {
			if (req.method === 'GET' && !m[2]) return send(res, 200, list);
			if (req.method === 'POST' && !m[2]) {
				const created = { ...(await body(req)), id: nextId++ };
				list.push(created);
				return send(res, 200, created);
			}
			if (req.method === 'PATCH' && m[2]) {
				const found = list.find((r) => r.id === Number(m![2]));
				if (!found) return send(res, 404, {});
				Object.assign(found, await body(req));
				return send(res, 200, found);
			}
		}
		if (tool === 'helpscout' && (m = /^\/v2\/mailboxes\/(\d+)\/saved-replies(?:\/(\d+))?$/.exec(url.pathname))) {
			if (req.method === 'GET' && !m[2]) return send(res, 200, list.map(({ id, name }) => ({ id, name, preview: '' })));
			if (req.method === 'POST' && !m[2]) {
				list.push({ ...(await body(req)), id: nextId++ });
				return send(res, 201);
			}
			if (req.method === 'PUT' && m[2]) {
				const found = list.find((r) => r.id === Number(m![2]));
				if (!found) return send(res, 404, {});
				Object.assign(found, await body(req));
				return send(res, 204);
			}
		}
		return send(res, 404, { error: `no route ${req.method} ${url.pathname}` });
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: origin,
		stored,
		requests,
		failNext,
		close: () => new Promise((done) => server.close(() => done())),
	};
}
