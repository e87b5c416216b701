/**
 * Two file operations the build's steps and caches share: writing a file so no reader ever finds
 * half of it, and telling a file unchanged without reading it.
 */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `data` at `path` aside and renames it into place, so a build that stops half-way, or one
 * running beside it, never leaves half a file for the next reader. The folder is made if needed;
 * on failure the file aside is removed and the error thrown.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
	mkdirSync(dirname(path), { recursive: true });
	const temporary = `${path}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, data);
		renameSync(temporary, path);
	} catch (e) {
		rmSync(temporary, { force: true });
		throw e;
	}
}

/**
 * What tells a file unchanged without reading it: its size, modification time in nanoseconds and
 * inode. A file rewritten, even with the same bytes, gets another stamp; one left alone (as
 * Astro's incremental build leaves the pages it reuses) keeps it.
 */
export function fileStamp(path: string): string {
	const st = statSync(path, { bigint: true });
	return `${st.size}:${st.mtimeNs}:${st.ino}`;
}
