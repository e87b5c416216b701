/**
 * How the build's process collects garbage. `astro build` turns every page it renders into
 * bytes outside V8's heap (the response body's chunks and the copy the build writes out: about
 * twice the page's size). By default V8 allows such "external" memory a fixed 64 MB after each
 * full collection, and then marks the whole heap again; the heap holds the content store, so it
 * grows with the site. Each page then costs a share of a full mark over a heap that doubles with
 * the site, and the page step grows faster than the page count: measured, the page step of a
 * 10,000-article build ran 22 full collections of a 390 MB heap. Counted in the heap's own growing
 * limit instead, that memory starts a full collection only when the whole has grown by V8's
 * usual factor: none in the same page step.
 */
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { readKeptNames, writeKeptNames } from './search/kept-names-fs.ts';

/** The V8 flag (V8 13; Node 24 has it). */
export const EXTERNAL_MEMORY_FLAG = '--external-memory-accounted-in-global-limit';

/** Whether the V8 of `node` knows a flag: an unknown one would only print an error at setFlagsFromString. */
export function v8Knows(flag: string, node: string = process.execPath): boolean {
	const r = spawnSync(node, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
	return r.status === 0 && r.stdout.split('\n').some((line) => line.trim().startsWith(`${flag} `) || line.trim() === flag);
}

/**
 * {@link v8Knows} for this process's own Node, remembered in `file` (a kept-names-fs.ts file whose
 * format is the binary, its version and V8's): asking V8 starts another Node, which held up every
 * build by 80–115 ms, a rebuild after one edit included. Without a file, or one that cannot be
 * read or written, V8 is asked; a file is only ever a saving.
 */
export function v8KnowsRemembered(flag: string, file?: string): boolean {
	if (file === undefined) return v8Knows(flag);
	// Answers of another Node (another format) are not read, and go when this one's are written.
	const format = [process.execPath, process.version, process.versions.v8].join('\0');
	const known = readKeptNames(file, format, (v): v is boolean => typeof v === 'boolean');
	const kept = known.get(flag);
	if (kept !== undefined) return kept;
	const answer = v8Knows(flag);
	try {
		writeKeptNames(file, format, known.set(flag, answer));
	} catch {
		// Asked again next time.
	}
	return answer;
}

/**
 * Counts memory outside the heap in the heap's growing limit, for the rest of this process;
 * says whether it could (false on a V8 without the flag, where the build is only slower).
 * `knownFlagsFile` keeps whether this Node's V8 has the flag ({@link v8KnowsRemembered}).
 */
export function countExternalMemoryInHeapLimit(knownFlagsFile?: string): boolean {
	if (!v8KnowsRemembered(EXTERNAL_MEMORY_FLAG, knownFlagsFile)) return false;
	setFlagsFromString(EXTERNAL_MEMORY_FLAG);
	return true;
}
