/**
 * The incremental build's page cache is the output folder itself.
 *
 * Astro's incremental build (`experimental.incrementalBuild`) keeps a second copy of every page
 * it renders, in `<cacheDir>/dist/`, to copy back a page it can reuse when the output folder has
 * lost it. The build keeps its output folder (src/integrations/kept-output.ts), so a page it can
 * reuse is still there and the copy is never read; yet writing it cost every cold build one more
 * file and folder per page. At 10,000 articles that is 10,000 folders and 400 MB more, about 4 s
 * more system CPU (11.3–16.4 s with the copies, 9.1–10.4 s without, over runs of the same build)
 * on this kind of machine, where creating a file costs more than writing it.
 *
 * So `<cacheDir>/dist` is made a symbolic link to the output folder: Astro's copy of a page is
 * then the page itself (written again, in place), and a reusable page is one the output folder
 * still has. A build whose output folder is gone renders every page again, as Astro does when it
 * has no copy; CI keeps the output folder with the cache (.github/workflows/content.yml). When
 * Astro prunes the copy of a page no longer built, it removes that page from the output folder,
 * as the build's own pruning would after it (src/integrations/kept-output.ts).
 *
 * Where no link can be made (a file system without them), Astro's own folder of copies is left
 * as it is: the build is then as it was, only slower.
 */
import { lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Where Astro 7 keeps the incremental build's copies of pages, below its cacheDir. */
export const ASTRO_PAGE_COPIES = 'dist';

/** What the build's log says about the link: nothing when it was already there. */
export type PageCacheNote = { line: string; warning: boolean } | undefined;

/**
 * Makes `<cacheDir>/dist` a link to `outDir` (relative, so a cache restored elsewhere beside its
 * output still points at it), removing a folder of copies an earlier build left there. Returns
 * what it did, for the build's log, or why it left Astro's copies alone.
 */
export function linkPageCacheToOutput(cacheDir: string, outDir: string): PageCacheNote {
	const link = join(cacheDir, ASTRO_PAGE_COPIES);
	const target = relative(resolve(cacheDir), resolve(outDir));
	if (target === ASTRO_PAGE_COPIES || target === '') {
		// The output folder is where Astro keeps its copies (or the cache itself): nothing to link.
		return { line: `the output folder ${outDir} is where Astro keeps its page copies: left as it is`, warning: false };
	}
	let stat;
	try {
		stat = lstatSync(link);
	} catch {
		stat = undefined;
	}
	if (stat?.isSymbolicLink() && readlinkSync(link) === target) return undefined;
	const earlier = stat?.isSymbolicLink() ? 'a link to another folder' : stat?.isDirectory() ? 'a folder of page copies' : stat ? 'a file' : undefined;
	try {
		mkdirSync(cacheDir, { recursive: true });
		mkdirSync(outDir, { recursive: true });
		// rmSync does not follow a link: only the link or the folder of copies goes.
		if (stat) rmSync(link, { recursive: true, force: true });
		symlinkSync(target, link, 'dir');
	} catch (error) {
		return { line: `could not link ${link} to the output folder (${(error as Error).message}): Astro keeps its own copies of the pages`, warning: true };
	}
	return { line: `${link} now links to the output folder${earlier ? ` (it was ${earlier})` : ''}: a page the build reuses is the one in the output folder`, warning: false };
}
