/**
 * `fs.promises.readFile`, `writeFile`, `mkdir` and `copyFile` done synchronously for the rest of
 * a process, for `astro build` (src/integrations/sync-file-io.ts). Astro writes every page, and
 * the incremental build's copy of it, with `fs.promises`: each open, write, close and mkdir goes
 * to libuv's thread pool and back, a wake-up of a worker thread and of the main thread per
 * operation, about eight per page. A build does nothing else while it waits for them, so doing them
 * in place costs it no time and spares those hand-overs: measured on a 10,000-article cold
 * `astro build` (output on tmpfs, six alternating pairs), 38.6–41.7 s of CPU against 46.1–52.8 s,
 * with the same output.
 *
 * The replacements keep the promise API: they return a promise, which a failure rejects (nothing
 * is thrown at the call), and they hand any call the synchronous function cannot make the same way
 * to the original: a FileHandle, an AbortSignal, data that is not a string or bytes (a stream or
 * an iterable).
 */
import nodeFs from 'node:fs';

type FsPromises = typeof nodeFs.promises;

/** The functions replaced. */
const REPLACED = ['readFile', 'writeFile', 'mkdir', 'copyFile'] as const;
type Replaced = (typeof REPLACED)[number];

/** A path the synchronous functions take as the promise ones do (not a FileHandle). */
const isPath = (p: unknown): p is string | Buffer | URL => typeof p === 'string' || Buffer.isBuffer(p) || p instanceof URL;

/** Options the synchronous function reads the same way: none, an encoding, or an object without an AbortSignal. */
const isPlainOptions = (o: unknown): boolean =>
	o === undefined || o === null || typeof o === 'string' || (typeof o === 'object' && !('signal' in o && (o as { signal?: unknown }).signal));

/** A promise of what `run` returns, rejected with what it throws. */
function settle<T>(run: () => T): Promise<T> {
	try {
		return Promise.resolve(run());
	} catch (e) {
		return Promise.reject(e);
	}
}

/**
 * `original` with its arguments given to `sync` instead whenever `inPlace` says the synchronous
 * function takes them the same way; the result, or the failure, as a promise.
 */
function syncWhen<F extends (...args: never[]) => Promise<unknown>>(
	inPlace: (...args: unknown[]) => boolean,
	sync: (...args: never[]) => unknown,
	original: F,
): F {
	return ((...args: Parameters<F>) => (inPlace(...args) ? settle(() => sync(...args)) : original(...args))) as F;
}

/** The synchronous replacements of `original`'s functions, each handing unusual calls to `original`. */
export function syncReplacements(original: Pick<FsPromises, Replaced>): Pick<FsPromises, Replaced> {
	return {
		readFile: syncWhen((path, options) => isPath(path) && isPlainOptions(options), nodeFs.readFileSync, original.readFile),
		writeFile: syncWhen(
			(path, data, options) => isPath(path) && (typeof data === 'string' || ArrayBuffer.isView(data)) && isPlainOptions(options),
			nodeFs.writeFileSync,
			original.writeFile,
		),
		mkdir: syncWhen((path) => isPath(path), nodeFs.mkdirSync, original.mkdir),
		copyFile: syncWhen((from, to) => isPath(from) && isPath(to), nodeFs.copyFileSync, original.copyFile),
	};
}

/**
 * Puts the synchronous replacements in `promises` (by default `fs.promises`, which is also
 * `node:fs/promises`; callers that look the function up when they call it, as Astro does, get
 * them) and gives back a function that puts the originals back. The originals go back only where
 * a replacement is still in place, so a later change by someone else is kept.
 */
export function useSyncFsPromises(promises: Pick<FsPromises, Replaced> = nodeFs.promises): () => void {
	const original = Object.fromEntries(REPLACED.map((name) => [name, promises[name]])) as Pick<FsPromises, Replaced>;
	const replacements = syncReplacements(original);
	const target = promises as Record<Replaced, unknown>;
	for (const name of REPLACED) target[name] = replacements[name];
	return () => {
		for (const name of REPLACED) if (target[name] === replacements[name]) target[name] = original[name];
	};
}
