import { editionFrom } from './lib/edition.ts';

/**
 * Site-wide settings, read once at build time (and by the collector and the deflection report).
 * The values live in site.config.ts at the repository root; environment variables let a
 * deployment or a test build change them without editing code.
 */
import file from '../site.config.ts';
import { resolveSiteSettings } from './lib/site-settings.ts';

export const siteConfig = {
	...resolveSiteSettings(file, process.env),
	/**
	 * Where the site sends analytics events (`POST`, sendBeacon). Unset: the site sends nothing and
	 * ships no analytics script.
	 */
	/**
	 * Origin of the public edition, for the links agents send customers from the internal one
	 * (`TIERZERO_PUBLIC_SITE`; defaults to `origin`, right for the public edition itself).
	 */
	publicOrigin: (process.env.TIERZERO_PUBLIC_SITE || process.env.TIERZERO_SITE || 'http://localhost:4321').replace(/\/$/, ''),
	analyticsEndpoint: process.env.TIERZERO_ANALYTICS_ENDPOINT || undefined,
	/**
	 * `TIERZERO_EDITION`: `public` (default) builds the help center for customers; `internal`
	 * adds runbooks, reply templates and internal entries, for support staff behind sign-in.
	 */
	edition: editionFrom(process.env.TIERZERO_EDITION),
} as const;
