/**
 * Keeps each entry file's record (src/lib/entry-record.ts) between runs of the content check, in
 * the build's cache folder, keyed by a hash of the file's bytes: a rebuild after editing one
 * article of 5,000 parses one file's YAML and body instead of all of them, and reads only the
 * files whose size, modification time or inode changed. Every rule across
 * files (IDs, links, audiences, URLs) still runs on all the records each time.
 *
 * The records depend on the code that makes them, so the cache also names a fingerprint of that
 * code (every module of src/lib and src/schemas, and the YAML parsers' versions): after a change
 * to any of it, the first run reads everything again. A cache that cannot be read is ignored.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { readEntry, type EntryRecord } from './entry-record.ts';
import { codeFingerprint } from './code-fingerprint-fs.ts';
import { fileStamp, writeFileAtomic } from './files-fs.ts';

/** The cache's file in a build's cache folder. */
export const contentCheckCacheFile = (cacheDir: string): string => join(cacheDir, 'tierzero', 'content-check.bin');

interface Stored {
	fingerprint: string;
	root: string;
	entries: Map<string, Kept>;
}

/** A file's record, the hash of the bytes it was made from, and the file's size, modification time and inode then. */
interface Kept {
	hash: string;
	record: EntryRecord;
	stat?: string;
}


const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

let codeFingerprintOfRecords: string | undefined;

/** A hash of the code records depend on: the sources of src/lib and src/schemas, and the YAML parsers' versions. */
export function recordCodeFingerprint(): string {
	const lib = dirname(fileURLToPath(import.meta.url));
	codeFingerprintOfRecords ??= codeFingerprint([lib, join(lib, '..', 'schemas')], ['yaml', 'js-yaml']);
	return codeFingerprintOfRecords;
}

/** Entry records of one content tree, the kept ones where a file's bytes are unchanged. */
export class EntryRecordCache {
	private readonly file: string;
	private readonly root: string;
	private readonly fingerprint: string;
	private readonly kept: Map<string, Kept>;
	private readonly seen = new Map<string, Kept>();
	/** Files whose record was kept from the last run, and files read afresh. */
	reused = 0;
	parsed = 0;

	constructor(cacheDir: string, root: string, fingerprint = recordCodeFingerprint()) {
		this.file = contentCheckCacheFile(cacheDir);
		this.root = resolve(root);
		this.fingerprint = fingerprint;
		this.kept = new Map();
		try {
			const stored = deserialize(readFileSync(this.file)) as Stored;
			if (stored.fingerprint === fingerprint && stored.root === this.root && stored.entries instanceof Map) {
				this.kept = stored.entries;
			}
		} catch {
			// No cache yet, or one this code cannot read: every file is read afresh.
		}
	}

	/**
	 * The record of the file at `path`, and its body when it was read afresh (a kept record has
	 * none: the rules read its facts). A file whose size, modification time and inode are those
	 * of the last run is not read at all; one whose bytes hash as before is not parsed.
	 */
	record(path: string): { record: EntryRecord; body?: string } {
		const key = resolve(path);
		const stat = fileStamp(path);
		const kept = this.kept.get(key);
		if (kept && kept.stat === stat) {
			this.reused++;
			this.seen.set(key, kept);
			return { record: kept.record };
		}
		const bytes = readFileSync(path);
		const hash = hashOf(bytes);
		if (kept && kept.hash === hash) {
			this.reused++;
			this.seen.set(key, { ...kept, stat });
			return { record: kept.record };
		}
		this.parsed++;
		const { record, body } = readEntry(bytes.toString('utf8'));
		this.seen.set(key, { hash, record, stat });
		return { record, body };
	}

	/** Writes the records of this run's files only, so a deleted file's goes with it. */
	save(): void {
		const stored: Stored = { fingerprint: this.fingerprint, root: this.root, entries: this.seen };
		writeFileAtomic(this.file, serialize(stored));
	}
}
