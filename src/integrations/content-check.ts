/**
 * Runs the content checks of `npm run check:content` around Astro. Astro's own validation stops
 * at the first entry that fails its schema and names no line; this lists every problem at once,
 * as `file:line: field: message`:
 * - `astro build`: before any page is rendered; the list is printed and the build exits 1, with
 *   no stack trace (a writer has nothing to do with one);
 * - `astro dev`: on start and on every change under the content folder, in the browser's error
 *   overlay and the terminal, so a bad field does not leave the old page showing unnoticed.
 * What each entry file gives is kept in Astro's cache folder between runs, keyed by the file's
 * bytes (src/lib/content-check-cache-fs.ts), so a rebuild reads again only the files that changed.
 * In dev it also serves the search index of the last build (`dist/pagefind/`): Pagefind indexes
 * built pages, which the dev server never writes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContentTree, contentFolderError } from '../lib/content-fs.ts';
import { formatProblems, type ContentProblem } from '../lib/content-rules.ts';
import { overlayError } from '../lib/content-overlay.ts';

const FIX_HINT = 'Fix each file at the line shown; `npm run check:content` checks again in about a second.';

export function contentCheck(contentDir: string, outDir = 'dist'): AstroIntegration {
	let cacheDir = '';
	return {
		name: 'tierzero:content-check',
		hooks: {
			'astro:config:setup': ({ command, config, logger }) => {
				cacheDir = fileURLToPath(config.cacheDir);
				if (command !== 'build') return;
				const folderError = contentFolderError(contentDir);
				const problems = folderError ? [] : checkContentTree(contentDir, { cacheDir, warn: (m) => logger.warn(m) }).problems;
				if (!folderError && problems.length === 0) return;
				// Logged as is: Astro renders an error's message as Markdown, which would turn
				// `**Fix**` quoted from a runbook into bold and lose what the writer must look for.
				if (folderError) logger.error(`${folderError}\nCheck TIERZERO_CONTENT_DIR, or unset it to build content/.`);
				else logger.error(`${formatProblems(problems)}\n${FIX_HINT}`);
				// Exiting here rather than throwing: Astro would print the error again as an
				// "unhandled" AstroUserError with a stack trace, burying the list.
				process.exit(1);
			},
			'astro:server:setup': ({ server, logger }) => {
				let problems: ContentProblem[] = [];
				const check = () => {
					const folderError = contentFolderError(contentDir);
					problems = folderError
						? [{ file: contentDir, field: '(folder)', message: folderError }]
						: checkContentTree(contentDir, { cacheDir, warn: (m) => logger.warn(m) }).problems;
					if (problems.length > 0) {
						logger.error(formatProblems(problems));
						server.ws.send(overlayError(problems, FIX_HINT));
					}
				};
				check();
				// A page opened or reloaded later gets the overlay too, not only pages open at the edit.
				server.ws.on('connection', () => {
					if (problems.length > 0) setTimeout(() => server.ws.send(overlayError(problems, FIX_HINT)), 200);
				});
				const root = resolve(contentDir);
				const onChange = (file: string) => {
					if (resolve(file).startsWith(root)) check();
				};
				server.watcher.on('change', onChange);
				server.watcher.on('add', onChange);
				server.watcher.on('unlink', onChange);

				const pagefindDir = resolve(outDir, 'pagefind');
				server.middlewares.use('/pagefind/', (req, res, next) => {
					const file = join(pagefindDir, decodeURIComponent((req.url ?? '/').split('?')[0]!));
					if (!file.startsWith(pagefindDir) || !existsSync(file) || !statSync(file).isFile()) return next();
					res.setHeader('Content-Type', PAGEFIND_TYPES[extname(file)] ?? 'application/octet-stream');
					res.end(readFileSync(file));
				});
			},
		},
	};
}

const PAGEFIND_TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.wasm': 'application/wasm',
};
