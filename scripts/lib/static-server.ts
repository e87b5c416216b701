import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { fillFromQuery } from '../../src/lib/query-fill.ts';

const gzipAsync = promisify(gzip);

/** Content types of what an Astro + Pagefind build holds; anything else is sent as bytes. */
const CONTENT_TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	// Pagefind's compressed index chunks: opaque bytes it decompresses itself.
	'.wasm': 'application/wasm',
	'.pagefind': 'application/octet-stream',
	'.pf_meta': 'application/octet-stream',
	'.pf_index': 'application/octet-stream',
	'.pf_fragment': 'application/octet-stream',
	'.pf_filter': 'application/octet-stream',
};

/**
 * Types a static host compresses on the way out (GitHub Pages, Netlify and Cloudflare Pages all
 * gzip or brotli text). Pagefind's index, fragment and wasm files are gzip already, images and
 * fonts are compressed formats.
 */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg']);

/** One response as sent: its path, the body bytes on the wire, and the file's own size. */
export interface Sent {
	path: string;
	/** Body bytes sent (compressed when the client accepted gzip). */
	bytes: number;
	/** The file's size on disk. */
	fileBytes: number;
}

/** A running static server; `url` has no trailing slash (`http://127.0.0.1:41234`). */
export interface SiteServer {
	url: string;
	close(): Promise<void>;
}

/** Options of {@link serveSite}. */
export interface ServeOptions {
	port?: number;
	host?: string;
	/** Called for every response body sent, so a benchmark can count what a visit fetches. */
	onSent?: (sent: Sent) => void;
}

async function fileInfo(path: string) {
	try {
		return await stat(path);
	} catch {
		return undefined;
	}
}

/**
 * Serves a built site from `dir` the way a static host would (GitHub Pages, Netlify, Cloudflare
 * Pages): `index.html` for a directory, `/x` → `/x/` redirect when `x` is a directory, and the
 * site's `404.html` with status 404 for anything else, so `/kb/kb-0042` reaches the 404 page's
 * permalink fix-up as in production. Text is sent gzip-compressed to clients that accept it, as
 * those hosts do. Only GET and HEAD. `npm start` and the browser tests both use it; by default on
 * 127.0.0.1 at a free port.
 */
export async function serveSite(dir: string, { port = 0, host = '127.0.0.1', onSent }: ServeOptions = {}): Promise<SiteServer> {
	const root = resolve(dir);
	const notFound = join(root, '404.html');
	const server = createServer(async (req, res) => {
		try {
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405, { Allow: 'GET, HEAD' }).end();
				return;
			}
			const url = new URL(req.url ?? '/', 'http://localhost');
			const path = join(root, decodeURIComponent(url.pathname));
			// `join` normalises `..`; anything that still leaves the root is not ours to serve.
			if (path !== root && !path.startsWith(root + sep)) {
				res.writeHead(403).end();
				return;
			}
			let file = path;
			let info = await fileInfo(file);
			if (info?.isDirectory()) {
				if (!url.pathname.endsWith('/')) {
					res.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
					return;
				}
				file = join(path, 'index.html');
				info = await fileInfo(file);
			}
			let status = 200;
			if (!info?.isFile()) {
				status = 404;
				file = notFound;
				info = await fileInfo(file);
				if (!info?.isFile()) {
					res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
					return;
				}
			}
			const ext = extname(file).toLowerCase();
			let body: Buffer = await readFile(file);
			// A static host cannot read the query string; this server fills /search/?q= into the
			// search box and /kb/?severity=… into the filter chips, so a shared link works without
			// JavaScript (src/lib/query-fill.ts; README, "Search" and "The help center").
			if (status === 200 && ext === '.html' && url.search) {
				body = Buffer.from(fillFromQuery(url.pathname, body.toString('utf8'), url.searchParams));
			}
			const headers: Record<string, string | number> = {
				'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
				'Cache-Control': 'no-store',
			};
			const fileBytes = body.length;
			if (COMPRESSIBLE.has(ext)) {
				headers.Vary = 'Accept-Encoding';
				if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
					body = await gzipAsync(body);
					headers['Content-Encoding'] = 'gzip';
				}
			}
			if (req.method === 'GET') onSent?.({ path: url.pathname, bytes: body.length, fileBytes });
			headers['Content-Length'] = body.length;
			res.writeHead(status, headers);
			res.end(req.method === 'HEAD' ? undefined : body);
		} catch (error) {
			res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
		}
	});
	await new Promise<void>((done, fail) => {
		server.once('error', fail);
		server.listen(port, host, done);
	});
	const address = server.address() as AddressInfo;
	return {
		url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
		close: () =>
			new Promise((done, fail) => {
				server.closeAllConnections();
				server.close((error) => (error ? fail(error) : done()));
			}),
	};
}
