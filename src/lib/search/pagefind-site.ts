/**
 * A built site's Pagefind folder as the steps after Pagefind read and rewrite it
 * (scripts/after-pagefind.ts): its entry file names each language's metadata, and a step that
 * writes new metadata switches the entry to it in one rename.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../cli-errors.ts';
import { writeFileAtomic } from '../files-fs.ts';

/** `pagefind-entry.json`, the fields read here (the rest is kept as it is). */
export interface PagefindEntry {
	version: string;
	languages: Record<string, { hash: string; page_count?: number }>;
}

/** The Pagefind folder of a built site and its entry; a UsageError when Pagefind has not run. */
export function readPagefindSite(siteDir: string): { dir: string; entryPath: string; entry: PagefindEntry } {
	const dir = join(siteDir, 'pagefind');
	const entryPath = join(dir, 'pagefind-entry.json');
	if (!existsSync(entryPath)) throw new UsageError(`${entryPath} is missing: run pagefind --site ${siteDir} first`);
	return { dir, entryPath, entry: JSON.parse(readFileSync(entryPath, 'utf8')) as PagefindEntry };
}

/**
 * Writes the entry in one rename, so a reader of the site at any moment finds every file it
 * names; old files go only after it.
 */
export function writePagefindEntry(entryPath: string, entry: PagefindEntry): void {
	writeFileAtomic(entryPath, JSON.stringify(entry));
}

/**
 * The folders of a built site that the steps after Pagefind keep between builds and prune
 * themselves (relative to the output folder): the index chunks, fragments and text blocks that did
 * not change keep their names and files (index-chunks-fs.ts, fragment-text-fs.ts), so the build's
 * own pruning of left-over files (src/integrations/kept-output.ts) leaves them alone.
 */
export const PRUNED_AFTER_PAGEFIND = ['pagefind/index/', 'pagefind/fragment/', 'pagefind/text/'] as const;

/**
 * Removes the files of `folder` that `keep` does not keep (by file name) and returns how many
 * went: what no metadata lists any more, in a folder the build leaves to the steps after Pagefind.
 */
export function removeUnlisted(folder: string, keep: (file: string) => boolean): number {
	let removed = 0;
	for (const file of existsSync(folder) ? readdirSync(folder) : []) {
		if (keep(file)) continue;
		rmSync(join(folder, file), { force: true });
		removed++;
	}
	return removed;
}
