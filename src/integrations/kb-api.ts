/**
 * `/api/kb/<ID>.json` in a build: written in one pass over the content store once Astro has
 * written the pages (src/lib/kb-api-files-fs.ts), not as one of Astro's routes. As a route, each
 * file went through the page pipeline and was written twice, to the output and to the
 * incremental build's cache: at 10,000 articles a build took 158 s of CPU with them as routes
 * (profiled) and 101 s without them; the one pass takes about 14 s. The dev server serves them from the route
 * (src/pages/api/kb/[id].json.ts), which gives a build no path.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Origins } from '../lib/api.ts';
import type { Edition } from '../lib/edition.ts';
import { writeKbApiFiles } from '../lib/kb-api-files-fs.ts';

// Where Astro keeps the content store (astro/dist/content/paths.js: getDataStoreFile).
const STORE_FILE = 'data-store.json';

export function kbApi(settings: { edition: Edition; origins: Origins }): AstroIntegration {
	let root = '';
	let cacheDir = '';
	return {
		name: 'tierzero:kb-api',
		hooks: {
			'astro:config:done': ({ config }) => {
				root = fileURLToPath(config.root);
				cacheDir = fileURLToPath(config.cacheDir);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const started = performance.now();
				const result = await writeKbApiFiles({
					root,
					storeFile: join(cacheDir, STORE_FILE),
					outDir: fileURLToPath(dir),
					keysFile: join(cacheDir, 'tierzero', 'kb-api-keys.json'),
					...settings,
				});
				logger.info(
					`/api/kb/: ${result.written} file(s) written, ${result.kept} kept from the last build, ${result.removed} removed in ${Math.round(performance.now() - started)} ms`,
				);
			},
		},
	};
}
