/** The file-system side of src/lib/output-prune.ts. */
import { readdirSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/**
 * The files below `dir` (relative paths with `/`), without descending into the folders another
 * step prunes: on a large site those hold most of the output's files.
 */
function listFiles(dir: string, ownedElsewhere: readonly string[], prefix = ''): string[] {
	let entries;
	try {
		entries = readdirSync(dir, { withFileTypes: true });
	} catch {
		return [];
	}
	return entries.flatMap((e) => {
		if (prefix === '' && NEVER_PRUNED.has(e.name)) return [];
		const path = `${prefix}${e.name}`;
		if (e.isDirectory()) return ownedElsewhere.includes(`${path}/`) ? [] : listFiles(join(dir, e.name), ownedElsewhere, `${path}/`);
		return [path];
	});
}

/**
 * Removes the folders of removed files that are left empty, and their parents while they are
 * (never `root`): a folder that held no removed file did not become empty.
 */
function removeEmptyFolders(root: string, removed: readonly string[]): void {
	const folders = new Set(removed.map((path) => dirname(path)).filter((folder) => folder !== '.'));
	// Deepest first, so a parent is tried after its children.
	for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
		let current = folder;
		while (current !== '.' && current !== '') {
			try {
				rmdirSync(join(root, current));
			} catch {
				break;
			}
			current = dirname(current);
		}
	}
}

/**
 * Deletes the files of `outDir` left over from earlier builds (src/lib/output-prune.ts), but not
 * those in the folders `ownedElsewhere` names, and the marker; returns how many files went.
 */
export function pruneOutput(outDir: string, startedMs: number, routeFiles: ReadonlySet<string>, ownedElsewhere: readonly string[]): number {
	// A route's file stays whatever its age: only the others need their modification time.
	const others: OutputFile[] = listFiles(outDir, ownedElsewhere)
		.filter((path) => !routeFiles.has(path))
		.map((path) => ({ path, mtimeMs: statSync(join(outDir, path)).mtimeMs }));
	const stale = leftOverFiles(others, startedMs, routeFiles, ownedElsewhere);
	for (const path of stale) rmSync(join(outDir, path), { force: true });
	rmSync(join(outDir, START_MARKER), { force: true });
	removeEmptyFolders(outDir, stale);
	return stale.length;
}
