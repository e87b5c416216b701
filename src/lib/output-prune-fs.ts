/** The file-system side of src/lib/output-prune.ts. */
import { readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { leftOverFiles, type OutputFile } from './output-prune.ts';

/** Name of the marker a build writes into its output folder as it starts. */
export const START_MARKER = '.build-started';

/** Writes the start marker and returns its mtime: the build's start, by the file system's clock. */
export function markBuildStart(outDir: string): number {
	const marker = join(outDir, START_MARKER);
	writeFileSync(marker, '');
	return statSync(marker).mtimeMs;
}

// Astro keeps a `.git` folder in the output when it empties it (a site deployed by pushing it).
const NEVER_PRUNED = new Set(['.git']);

function listFiles(dir: string, root = dir): OutputFile[] {
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch {
		return [];
	}
	return entries.flatMap((e) => {
		if (dir === root && NEVER_PRUNED.has(e.name)) return [];
		const p = join(dir, e.name);
		if (e.isDirectory()) return listFiles(p, root);
		return [{ path: relative(root, p).split(sep).join('/'), mtimeMs: statSync(p).mtimeMs }];
	});
}

/** Removes empty folders below `dir` (not `dir` itself); true when `dir` is left empty. */
function removeEmptyFolders(dir: string, isRoot = true): boolean {
	let empty = true;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		if (isRoot && NEVER_PRUNED.has(e.name)) {
			empty = false;
			continue;
		}
		if (e.isDirectory() && removeEmptyFolders(join(dir, e.name), false)) continue;
		empty = false;
	}
	if (empty && !isRoot) rmdirSync(dir);
	return empty;
}

/**
 * Deletes the files of `outDir` left over from earlier builds (src/lib/output-prune.ts), but not
 * those in the folders `ownedElsewhere` names, and the marker; returns how many files went.
 */
export function pruneOutput(outDir: string, startedMs: number, routeFiles: ReadonlySet<string>, ownedElsewhere: readonly string[]): number {
	const stale = leftOverFiles(listFiles(outDir), startedMs, routeFiles, ownedElsewhere);
	for (const path of stale) rmSync(join(outDir, path), { force: true });
	rmSync(join(outDir, START_MARKER), { force: true });
	removeEmptyFolders(outDir);
	return stale.length;
}
