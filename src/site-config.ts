import { editionFrom } from './lib/edition.ts';

/**
 * Site-wide settings, read once at build time (and by the collector for its default origin).
 * Environment variables let a deployment or a test build change them without editing code.
 */
export const siteConfig = {
	/** Shown in the header and page titles. */
	name: 'Caro Help Center',
	/** Public origin of the built site: canonical URLs, sitemap, OpenGraph, collector's default allowed origin. */
	origin: (process.env.TIERZERO_SITE ?? 'http://localhost:4321').replace(/\/$/, ''),
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
