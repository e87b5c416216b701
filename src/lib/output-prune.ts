/**
 * What a build's output folder keeps between builds. The output is not emptied when a build
 * starts (src/integrations/kept-output.ts), so the incremental build leaves a page it can reuse
 * where it is instead of copying it back from its cache; after the build, a file that the build
 * neither wrote nor kept as a page of its own is left over from an earlier build (a deleted
 * article's page, an old asset, the last search index) and goes. The search index's chunks
 * and its results' fragments and text blocks are the exception: the step after Pagefind
 * (scripts/after-pagefind.ts) keeps those that did not change under their names and removes the
 * rest itself (src/lib/search/index-chunks-fs.ts, fragment-text-fs.ts).
 */

/** Folders of the output that the step after Pagefind keeps and prunes, not the build. */
const PRUNED_AFTER_PAGEFIND = /^pagefind\/(?:index|fragment|text)\//;

/** A file below the output folder: its path relative to the folder (with `/`) and its mtime. */
export interface OutputFile {
	path: string;
	mtimeMs: number;
}

/**
 * Files left over from earlier builds: older than the build's start (the mtime of a marker the
 * build wrote as it started, so the file system's own clock and granularity decide) and not among
 * the files of this build's routes. A file as old as the marker is kept: on a file system that
 * stores whole seconds it may have been written just after it.
 */
export function leftOverFiles(files: readonly OutputFile[], startedMs: number, routeFiles: ReadonlySet<string>): string[] {
	return files
		.filter((f) => f.mtimeMs < startedMs && !routeFiles.has(f.path) && !PRUNED_AFTER_PAGEFIND.test(f.path))
		.map((f) => f.path);
}
