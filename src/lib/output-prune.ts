/**
 * What a build's output folder keeps between builds. The output is not emptied when a build
 * starts (src/integrations/kept-output.ts), so the incremental build leaves a page it can reuse
 * where it is instead of copying it back from its cache; after the build, a file that the build
 * neither wrote nor kept as a page of its own is left over from an earlier build (a deleted
 * article's page, an old asset, the last search index) and goes, except in the folders another
 * step keeps and prunes itself (the search index's chunks, fragments and text blocks, which the
 * step after Pagefind keeps under their names while they do not change: src/lib/search/pagefind-site.ts).
 */

/** A file below the output folder: its path relative to the folder (with `/`) and its mtime. */
export interface OutputFile {
	path: string;
	mtimeMs: number;
}

/**
 * Files left over from earlier builds: older than the build's start (the mtime of a marker the
 * build wrote as it started, so the file system's own clock and granularity decide), not among
 * the files of this build's routes, and not in a folder another step prunes (`ownedElsewhere`,
 * paths ending in `/`). A file as old as the marker is kept: on a file system that stores whole
 * seconds it may have been written just after it.
 */
export function leftOverFiles(
	files: readonly OutputFile[],
	startedMs: number,
	routeFiles: ReadonlySet<string>,
	ownedElsewhere: readonly string[],
): string[] {
	return files
		.filter((f) => f.mtimeMs < startedMs && !routeFiles.has(f.path) && !ownedElsewhere.some((folder) => f.path.startsWith(folder)))
		.map((f) => f.path);
}
