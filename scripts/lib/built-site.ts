/**
 * Reading a built site as a static host serves it: its pages, and the links between them. The
 * link check (`npm run check:links`, the content workflow) and the browser tests share it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** URL paths of every HTML page in a built site (`/kb/KB-0001/`, `/404.html`). */
export function builtPages(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d)) {
			const p = join(d, name);
			if (statSync(p).isDirectory()) {
				if (name !== '_astro' && name !== 'pagefind') walk(p);
			} else if (name.endsWith('.html')) {
				const rel = relative(dir, p).replaceAll('\\', '/');
				out.push(rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`);
			}
		}
	};
	walk(dir);
	return out.sort();
}

/** The file a static host would serve for a site-relative URL path. */
export function fileFor(dir: string, path: string): string {
	return path.endsWith('/') ? join(dir, path, 'index.html') : join(dir, path);
}

/** Links from built pages to pages, anchors or files the build does not have: `page → href`. */
export function brokenLinks(dir: string): string[] {
	const broken = new Set<string>();
	for (const page of builtPages(dir)) {
		const html = readFileSync(fileFor(dir, page), 'utf8');
		const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
		for (const [, href] of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
			if (href!.startsWith('#')) {
				if (href!.length > 1 && !ids.has(decodeURIComponent(href!.slice(1)))) broken.add(`${page} → ${href}`);
				continue;
			}
			if (!href!.startsWith('/')) continue;
			const [path, hash] = href!.split('?')[0]!.split('#') as [string, string | undefined];
			const file = fileFor(dir, decodeURI(path));
			if (!existsSync(file)) {
				broken.add(`${page} → ${href}`);
			} else if (hash && file.endsWith('.html')) {
				const target = readFileSync(file, 'utf8');
				if (!target.includes(`id="${decodeURIComponent(hash)}"`)) broken.add(`${page} → ${href} (no such anchor)`);
			}
		}
	}
	return [...broken];
}
