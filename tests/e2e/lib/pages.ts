import { readdirSync, statSync } from 'node:fs';
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

/** One page of each kind, for checks too slow to run on every page. */
export const REPRESENTATIVE_PAGES = [
	'/',
	'/kb/',
	'/kb/KB-0026/',
	'/kb/KB-0030/',
	'/faq/',
	'/faq/webhooks/',
	'/runbooks/',
	'/runbooks/RB-001/',
	'/templates/',
	'/templates/TPL-001/',
	'/support/',
	'/support/tiers/',
	'/support/priorities/',
	'/support/escalation/',
	'/categories/webhooks/',
	'/tags/',
	'/search/',
	'/404.html',
];
