/**
 * Writing a report's files all or nothing: each file is written in full under a temporary name
 * beside it, and only when every one is written are they renamed into place, so a crash or a full
 * disk never leaves half a report or a JSON file that does not match its HTML.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Writes every file (path → content), creating folders; replaces existing files only at the end. */
export function writeFilesAtomically(files: ReadonlyMap<string, string>): void {
	const temporary: [string, string][] = [];
	try {
		for (const [path, content] of files) {
			mkdirSync(dirname(path), { recursive: true });
			const tmp = `${path}.tmp-${process.pid}`;
			temporary.push([tmp, path]);
			writeFileSync(tmp, content);
		}
	} catch (error) {
		for (const [tmp] of temporary) rmSync(tmp, { force: true });
		throw error;
	}
	for (const [tmp, path] of temporary) renameSync(tmp, path);
}
