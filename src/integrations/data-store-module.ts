/**
 * The content store module of `astro build` (src/lib/data-store-module.ts says why): a static
 * build's pages read the store's file instead of a module holding its text; any other build
 * (an adapter's server, or a store Astro keeps in chunks) gets the text cut into short literals.
 * The dev server loads the store its own way.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { splitStoreLiteral, storeFromFile } from '../lib/data-store-module.ts';

// Astro's id for the store module (astro/dist/content/consts.js: RESOLVED_DATA_STORE_VIRTUAL_ID).
const STORE_MODULE_ID = '\0astro:data-layer-content';
// Where Astro keeps the store in a build (astro/dist/content/paths.js: getDataStoreFile).
const STORE_FILE = 'data-store.json';
// Astro's mark on its store module (astro/dist/core/build/incremental-metadata.js): the
// incremental build leaves content data out of the code that decides whether a page is reused.
const CONTENT_DATA_META = { astroIncremental: { kind: 'content-data' } };

export function dataStoreModule(): AstroIntegration {
	let snapshot: string | null = null;
	return {
		name: 'tierzero:data-store-module',
		hooks: {
			'astro:config:setup': ({ command, config, updateConfig }) => {
				if (command !== 'build') return;
				const cacheDir = fileURLToPath(config.cacheDir);
				const storage = (config.experimental as { collectionStorage?: unknown }).collectionStorage;
				const fromFile = config.output === 'static' && !config.adapter && (storage === undefined || storage === 'single-file');
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'tierzero:store-from-file',
								load: {
									// Before Astro's own loader, which would read the file and write it into code.
									order: 'pre',
									handler(id) {
										if (id !== STORE_MODULE_ID || !fromFile) return null;
										const store = join(cacheDir, STORE_FILE);
										if (!existsSync(store)) return null;
										// A copy, so the pages read the store as it is now, whatever Astro writes later.
										snapshot = join(cacheDir, 'tierzero', 'content-store-of-this-build.json');
										mkdirSync(join(cacheDir, 'tierzero'), { recursive: true });
										copyFileSync(store, snapshot);
										return { code: storeFromFile(snapshot), map: null, meta: CONTENT_DATA_META };
									},
								},
							},
							{
								name: 'tierzero:split-store-literal',
								transform(code, id) {
									if (id !== STORE_MODULE_ID) return null;
									const split = splitStoreLiteral(code);
									return split === null ? null : { code: split, map: null };
								},
							},
						],
					},
				});
			},
			'astro:build:done': () => {
				if (snapshot) rmSync(snapshot, { force: true });
			},
		},
	};
}
