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
	analyticsEndpoint: process.env.TIERZERO_ANALYTICS_ENDPOINT || undefined,
} as const;
