/**
 * Two editions are built from one content tree: the public help center, and the internal one
 * for support staff, which adds runbooks, reply templates and entries marked `audience: internal`.
 * Every entry has an audience, and an edition shows the entries meant for it.
 */

/** Who an entry is for; also the name of the edition that shows it. */
export const AUDIENCES = ['public', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];
export type Edition = Audience;

/** The edition a build makes, from `TIERZERO_EDITION` (unset: public). */
export function editionFrom(value: string | undefined): Edition {
	if (value === undefined || value === '') return 'public';
	if ((AUDIENCES as readonly string[]).includes(value)) return value as Edition;
	throw new Error(`TIERZERO_EDITION must be "public" or "internal", not "${value}"`);
}

/** Whether an entry for `audience` is part of `edition`: the internal edition has everything. */
export const inEdition = (edition: Edition, audience: Audience): boolean =>
	edition === 'internal' || audience === 'public';

/**
 * Whether an entry with a status (a KB article, an FAQ) has a page in a build of `edition`:
 * meant for it, and not a draft unless the build shows drafts (the dev server does).
 */
export const hasPage = (edition: Edition, data: { audience: Audience; status: string }, drafts = false): boolean =>
	inEdition(edition, data.audience) && (drafts || data.status !== 'draft');

/** Where each edition is written unless `TIERZERO_OUT_DIR` says otherwise. */
export const OUT_DIR: Record<Edition, string> = { public: './dist', internal: './dist-internal' };

/**
 * Each edition's build cache (Astro's cacheDir: the content layer's data store and the
 * incremental build's pages) unless `TIERZERO_CACHE_DIR` says otherwise. One per edition, so
 * building one edition never throws away what the other's next build would reuse. Builds keep
 * it (only `astro build --force` empties it); CI restores it between runs.
 */
export const CACHE_DIR: Record<Edition, string> = {
	public: './node_modules/.astro',
	internal: './node_modules/.astro-internal',
};

/** The build's cache folder for this environment: `TIERZERO_CACHE_DIR`, or its edition's. */
export const cacheDirFrom = (env: Record<string, string | undefined>): string =>
	env.TIERZERO_CACHE_DIR ?? CACHE_DIR[editionFrom(env.TIERZERO_EDITION)];
