/**
 * Cuts the content store module's one huge string literal into short ones when `astro build`
 * bundles it (src/lib/data-store-module.ts says why). The dev server loads the store its own way.
 */
import type { AstroIntegration } from 'astro';
import { splitStoreLiteral } from '../lib/data-store-module.ts';

// Astro's id for the store module (astro/dist/content/consts.js: RESOLVED_DATA_STORE_VIRTUAL_ID).
const STORE_MODULE_ID = '\0astro:data-layer-content';

export function dataStoreModule(): AstroIntegration {
	return {
		name: 'tierzero:data-store-module',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command !== 'build') return;
				updateConfig({
					vite: {
						plugins: [
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
		},
	};
}
