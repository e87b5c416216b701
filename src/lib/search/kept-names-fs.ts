/**
 * Names the steps after Pagefind gave to files, kept in the build's cache folder for the next
 * build (scripts/after-pagefind.ts): by a hash of what each name stands for, so an unchanged
 * chunk or fragment keeps its name and its file, and a deploy and the browsers' caches keep them
 * too. The words' stems Pagefind gave are kept the same way (common-words-fs.ts), and so is
 * whether the build's Node has a V8 flag (src/lib/v8-heap.ts). A cache is
 * only ever a saving: one that is missing, unreadable or of another format gives no names, and
 * every file is named afresh.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../files-fs.ts';

interface KeptNames<T> {
	/** What the names depend on besides the content (Pagefind version, gzip options, block size). */
	format: string;
	names: Record<string, T>;
}

/** The names kept at `path` for `format` that pass `valid` (a damaged entry is dropped), or none. */
export function readKeptNames<T>(path: string | undefined, format: string, valid: (value: unknown) => value is T): Map<string, T> {
	if (!path || !existsSync(path)) return new Map();
	try {
		const kept = JSON.parse(readFileSync(path, 'utf8')) as KeptNames<unknown>;
		if (kept?.format !== format || !kept.names || typeof kept.names !== 'object') return new Map();
		return new Map(Object.entries(kept.names).filter((entry): entry is [string, T] => valid(entry[1])));
	} catch {
		return new Map();
	}
}

/** Keeps `names` at `path`, written aside and renamed so no build reads half a file. */
export function writeKeptNames<T>(path: string, format: string, names: ReadonlyMap<string, T>): void {
	const kept: KeptNames<T> = { format, names: Object.fromEntries(names) };
	writeFileAtomic(path, JSON.stringify(kept));
}
