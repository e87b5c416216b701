import { resolve } from 'node:path';

// The browser tests serve the site with the same server as `npm start`.
export { serveSite, type SiteServer } from '../../../scripts/lib/static-server.ts';

/**
 * The built edition the browser tests run against: the public one from `TIERZERO_DIST` (default
 * `dist`), the internal one from `TIERZERO_DIST_INTERNAL` (default `dist-internal`).
 */
export const siteDir = (edition: 'public' | 'internal' = 'public'): string =>
	resolve(
		edition === 'internal'
			? (process.env.TIERZERO_DIST_INTERNAL ?? 'dist-internal')
			: (process.env.TIERZERO_DIST ?? 'dist'),
	);
