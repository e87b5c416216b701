/**
 * Turns site.config.ts (and the environment that may override it) into the settings the site
 * uses, with one clear message per mistake. Pure: src/site-config.ts passes the file's values and
 * process.env in.
 */
import { brandColours, type BrandColours } from './brand.ts';
import { parseHex } from './contrast.ts';

export interface SiteConfigFile {
	name: string;
	logo: string;
	accent: string;
	url?: string;
}

export interface SiteSettings {
	name: string;
	/** The logo's URL path on the site, e.g. `/logo.svg`. */
	logoUrl: string;
	/** The logo's path in the repository, e.g. `public/logo.svg`. */
	logoFile: string;
	colours: BrandColours;
	/** Public origin without a trailing slash. */
	origin: string;
	/** False when neither site.config.ts nor TIERZERO_SITE names the public URL. */
	publicUrlSet: boolean;
}

/** Where a local build points its absolute links when no public URL is configured. */
export const LOCAL_ORIGIN = 'http://localhost:4321';

/** What a build (and the deploy check) says when the public URL is not set. */
export const PUBLIC_URL_UNSET =
	`The public URL is not set, so canonical URLs, the sitemap and copied links point to ${LOCAL_ORIGIN}. ` +
	`Set \`url\` in site.config.ts (e.g. 'https://help.example.com') or the TIERZERO_SITE environment variable.`;

function fail(field: string, message: string): never {
	throw new Error(`site.config.ts: ${field}: ${message}`);
}

export function resolveSiteSettings(file: SiteConfigFile, env: Record<string, string | undefined>): SiteSettings {
	if (typeof file.name !== 'string' || file.name.trim() === '') fail('name', 'the site needs a name');
	if (typeof file.logo !== 'string' || !/^public\/.+\.svg$/i.test(file.logo)) {
		fail('logo', `"${file.logo}" must be an SVG file inside public/, e.g. public/logo.svg`);
	}
	try {
		parseHex(file.accent);
	} catch (error) {
		fail('accent', (error as Error).message);
	}
	const fromEnv = env.TIERZERO_SITE?.trim();
	const raw = fromEnv || file.url?.trim() || '';
	const field = fromEnv ? 'TIERZERO_SITE' : 'url';
	let origin = LOCAL_ORIGIN;
	if (raw) {
		let parsed: URL;
		try {
			parsed = new URL(raw);
		} catch {
			fail(field, `"${raw}" is not a URL; write it in full, e.g. https://help.example.com`);
		}
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') fail(field, `"${raw}" must start with https://`);
		origin = raw.replace(/\/+$/, '');
	}
	return {
		name: file.name.trim(),
		logoUrl: file.logo.slice('public'.length),
		logoFile: file.logo,
		colours: brandColours(file.accent),
		origin,
		publicUrlSet: raw !== '',
	};
}
