/**
 * Keeps the output folder between builds: Astro empties it when a build starts, and the
 * incremental build then copies every page it can reuse back from its cache (10,000 files for a
 * 5,000-article site, and as many deleted first). Kept, such a page stays where it is; when the
 * build is done, what it did not write or keep is removed (src/lib/output-prune.ts), so the
 * folder holds what a build from scratch would; the search folders the step after Pagefind
 * prunes itself (PRUNED_AFTER_PAGEFIND) are left to it, and `/api/kb/` to the step that writes it
 * (src/integrations/kb-api.ts).
 */
import { mkdirSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { markBuildStart, pruneOutput } from '../lib/output-prune-fs.ts';
import { KB_API_FOLDER } from '../lib/kb-api-files.ts';
import { PRUNED_AFTER_PAGEFIND } from '../lib/search/pagefind-site.ts';

export function keptOutput(): AstroIntegration {
	let outDir = '';
	let startedMs = 0;
	return {
		name: 'tierzero:kept-output',
		hooks: {
			'astro:config:setup': ({ command, updateConfig }) => {
				if (command === 'build') updateConfig({ vite: { build: { emptyOutDir: false } } });
			},
			'astro:config:done': ({ config }) => {
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:start': () => {
				mkdirSync(outDir, { recursive: true });
				startedMs = markBuildStart(outDir);
			},
			'astro:build:done': ({ assets, dir, logger }) => {
				const root = fileURLToPath(dir);
				const routeFiles = new Set(
					[...assets.values()].flat().map((url) => relative(root, fileURLToPath(url)).split(sep).join('/')),
				);
				const removed = pruneOutput(root, startedMs, routeFiles, [...PRUNED_AFTER_PAGEFIND, KB_API_FOLDER]);
				if (removed > 0) logger.info(`removed ${removed} file(s) left over from earlier builds`);
			},
		},
	};
}
