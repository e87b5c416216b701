import { resolve } from 'node:path';

// The browser tests serve the site with the same server as `npm start`.
export { serveSite, type SiteServer } from '../../../scripts/lib/static-server.ts';

/** The built site the browser tests run against: `TIERZERO_DIST`, or `dist` by default. */
export const siteDir = (): string => resolve(process.env.TIERZERO_DIST ?? 'dist');
