/**
 * Checks site.config.ts when a build starts: a missing logo stops the build; an unset public URL
 * is allowed (so `npm ci && npm start` works with no configuration) but warned about, because
 * canonical URLs, the sitemap and copied permalinks would point to localhost.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { PUBLIC_URL_UNSET, type SiteSettings } from '../lib/site-settings.ts';

export function siteCheck(settings: SiteSettings): AstroIntegration {
	return {
		name: 'tierzero:site-check',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				if (command !== 'build') return;
				if (!existsSync(fileURLToPath(new URL(settings.logoFile, config.root)))) {
					throw new AstroError(`site.config.ts: logo: ${settings.logoFile} does not exist.`, 'Put the SVG in public/ or correct the path.');
				}
				if (!settings.publicUrlSet) logger.warn(PUBLIC_URL_UNSET);
			},
		},
	};
}
