/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`): a page whose key
 * and code are unchanged since the last build is copied from that build instead of rendered.
 *
 * A KB page shows its own article (title, body, facts) and, from the rest of the site, only
 * metadata: related articles' titles, category names, which tags have pages, the product's
 * versions, the site's navigation. So its key is its own entry's digest (frontmatter and body)
 * plus one digest of everything else pages show: every entry's frontmatter (never another
 * entry's body), the categories and the build settings read from the environment. Editing one
 * article's body changes one page's key; a change to any frontmatter, category or setting
 * changes every key, so no page can show a stale title or link.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted, so the same data always hashes the same. */
function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (v instanceof Date) return v.toISOString();
		if (v && typeof v === 'object' && !Array.isArray(v))
			return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
		return v;
	});
}

/** A hex SHA-256 of any JSON-able value (Dates as ISO strings, key order ignored). */
export function digestOf(value: unknown): string {
	return createHash('sha256').update(stableJson(value)).digest('hex');
}

/** What the site-wide digest is made from. */
export interface SiteMetadata {
	/** Every entry of every collection: its collection, id and frontmatter, never its body. */
	entries: readonly { collection: string; id: string; data: unknown }[];
	categories: unknown;
	/** Build settings from the environment (edition, origin, endpoints) that pages print. */
	settings: Readonly<Record<string, string | undefined>>;
}

/** One digest of everything on a page that does not come from the page's own entry. */
export function siteDigest(site: SiteMetadata): string {
	const entries = [...site.entries]
		.map((e) => ({ c: e.collection, id: e.id, data: e.data }))
		.sort((a, b) => (a.c + '\u0000' + a.id < b.c + '\u0000' + b.id ? -1 : 1));
	return digestOf({ entries, categories: site.categories, settings: site.settings });
}

type OwnEntry = { id: string; digest?: string | number; body?: string; data: unknown };

/** An entry's own digest (frontmatter and body). */
function ownDigest(entry: OwnEntry): string {
	// Astro's glob loader always sets a digest; without one, hash what the entry holds.
	return entry.digest !== undefined ? String(entry.digest) : digestOf({ id: entry.id, body: entry.body ?? '', data: entry.data });
}

/** A page's key: its own entry's digest (frontmatter and body) and the site-wide digest. */
export function pageCacheKey(entry: OwnEntry, site: string): string {
	return `${ownDigest(entry)}:${site}`;
}

/**
 * The key of a page that shows several entries whole, bodies too (an API list of FAQ answers):
 * their own digests, in order, and the site-wide digest.
 */
export function entriesCacheKey(entries: readonly OwnEntry[], site: string): string {
	return `${digestOf(entries.map(ownDigest))}:${site}`;
}

// Where the build reads and writes, and the benchmark's own variables: none of them shows on a page.
const NOT_SHOWN = new Set(['TIERZERO_CACHE_DIR', 'TIERZERO_OUT_DIR', 'TIERZERO_CONTENT_DIR']);

/** The environment variables whose values pages can show: the TIERZERO_ settings, sorted. */
export function buildSettings(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
	return Object.fromEntries(
		Object.keys(env)
			.filter((k) => k.startsWith('TIERZERO_') && !NOT_SHOWN.has(k) && !k.startsWith('TIERZERO_BENCH_'))
			.sort()
			.map((k) => [k, env[k]]),
	);
}
