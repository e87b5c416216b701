/**
 * Tier Zero site configuration: the brand and where the site is published, in one place.
 * Every page, the sitemap, robots.txt, the collector and the deflection report read these
 * through src/site-config.ts. Edit the values; keep the shape.
 */
export default {
	/** Shown in the header, page titles and OpenGraph. */
	name: 'Caro Help Center',

	/** The logo, an SVG file inside public/ (also used as the favicon). */
	logo: 'public/logo.svg',

	/**
	 * Accent colour (#rrggbb) for links, buttons and focus rings. The build darkens it for light
	 * mode or lightens it for dark mode where that is needed to reach WCAG AA contrast (4.5:1), so
	 * any brand colour works.
	 */
	accent: '#0b5cad',

	/**
	 * The public URL the site is served from, e.g. 'https://help.example.com': canonical URLs,
	 * the sitemap, OpenGraph, copied permalinks. The TIERZERO_SITE environment variable overrides
	 * it. Left empty, a local build uses http://localhost:4321 and warns; a deploy refuses it.
	 */
	url: '',
};
