/**
 * The file side of {@link rechunk}: re-cuts a built site's Pagefind index in place, after
 * `pagefind --site DIR`. `scripts/after-pagefind.ts` is its command line.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { InputError, UsageError } from '../cli-errors.ts';
import { writeFileAtomic } from '../files-fs.ts';
import { contentName, GZIP_OPTIONS, gzipPagefind, KNOWN_VERSIONS, parseMetadata, rechunk, type Compress, type EncodedWord } from './index-chunks.ts';
import { readKeptNames, writeKeptNames } from './kept-names-fs.ts';
import { readPagefindSite, removeUnlisted, writePagefindEntry } from './pagefind-site.ts';

export const INDEX_CHUNKS_USAGE = 'node scripts/after-pagefind.ts DIR [--units N]   (after pagefind --site DIR)';

/**
 * The build's compression of Pagefind files ({@link gzipPagefind}), keeping each result in the
 * build's cache folder by a hash of what it compressed. Compressing is most of the re-cut's
 * work, and after one edit most new chunks hold the same bytes as in the last build. A kept file
 * is used only when its gzip trailer (CRC-32 and length) matches those bytes; its folder is
 * named by zlib's version and the gzip options, so a file is only ever what this zlib with these
 * options would write. What a run did not use goes at its end.
 */
class KeptGzip {
	private readonly dir: string;
	private readonly used = new Set<string>();
	/** Files kept from the last run, and files compressed afresh. */
	kept = 0;
	compressed = 0;

	constructor(cacheDir: string) {
		this.dir = join(cacheDir, 'tierzero', `index-chunks-zlib-${process.versions.zlib}-${GZIP_OPTIONS.level}-${GZIP_OPTIONS.memLevel}`);
		mkdirSync(this.dir, { recursive: true });
	}

	compress: Compress = (raw) => {
		const name = createHash('sha256').update(raw).digest('hex');
		const path = join(this.dir, name);
		this.used.add(name);
		if (existsSync(path)) {
			const file = readFileSync(path);
			if (file.length > 18 && file.readUInt32LE(file.length - 8) === crc32(raw) && file.readUInt32LE(file.length - 4) === raw.length % 2 ** 32) {
				this.kept++;
				return file;
			}
		}
		const file = gzipPagefind(raw);
		this.compressed++;
		writeFileAtomic(path, file);
		return file;
	};

	/** Removes the files this run did not use, and the folders of other zlib versions. */
	prune(): void {
		for (const name of readdirSync(this.dir)) if (!this.used.has(name)) rmSync(join(this.dir, name), { force: true });
		const parent = join(this.dir, '..');
		for (const name of readdirSync(parent)) {
			if (name.startsWith('index-chunks-zlib-') && join(parent, name) !== this.dir) rmSync(join(parent, name), { recursive: true, force: true });
		}
	}
}

/**
 * After a Pagefind whose layout this code does not know: the chunks its metadata does not list
 * are an earlier build's, which the build leaves to this step (PRUNED_AFTER_PAGEFIND). They go
 * only when the metadata still lists its chunks as this code reads them.
 */
function pruneUnknownVersion(dir: string, languages: Record<string, { hash: string }>): string[] {
	const listed = new Set<string>();
	try {
		for (const info of Object.values(languages)) {
			const metaPath = join(dir, `pagefind.${info.hash}.pf_meta`);
			for (const [, , hash] of parseMetadata(readFileSync(metaPath), metaPath).ranges) listed.add(`${hash}.pf_index`);
		}
	} catch {
		return ['its metadata lists chunks in a way this code does not read, so chunks of earlier builds may be left in pagefind/index'];
	}
	const removed = removeUnlisted(join(dir, 'index'), (file) => listed.has(file));
	return removed ? [`${removed.toLocaleString('en-US')} index chunks of earlier builds removed`] : [];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Re-cuts every language's index under DIR/pagefind; returns what it did, a line each. With
 * `cacheDir` (the build's cache folder), chunks whose bytes the last run compressed are not
 * compressed again, and a chunk with the bytes of one the last run named, whose file is still in
 * the output, keeps that name and file (`chunk-names.json`), so a rebuild after one edit renames
 * and writes only the chunks the edit changed. Whatever else is in `pagefind/index` goes: the
 * build leaves that folder to this step. `onWords` gets each language's words as re-cut, for the
 * step after this one, which would otherwise read every chunk again.
 */
export function rechunkSite(
	siteDir: string,
	unitsOption?: string,
	cacheDir?: string,
	onWords?: (language: string, words: readonly EncodedWord[]) => void,
): string[] {
	const units = unitsOption === undefined ? undefined : Number(unitsOption);
	if (units !== undefined && !(Number.isInteger(units) && units > 0)) {
		throw new UsageError(`--units must be a positive whole number, not "${unitsOption}"`);
	}
	const { dir, entryPath, entry } = readPagefindSite(siteDir);
	if (!KNOWN_VERSIONS.test(entry.version)) {
		// The site still works with Pagefind's own chunks; only the first query is heavier.
		const line = `Pagefind ${entry.version} is not a version this code knows (${KNOWN_VERSIONS.source}): its index chunks are left as they are`;
		return [line, ...pruneUnknownVersion(dir, entry.languages)];
	}
	const gzip = cacheDir === undefined ? null : new KeptGzip(cacheDir);
	const indexDir = join(dir, 'index');
	const namesPath = cacheDir === undefined ? undefined : join(cacheDir, 'tierzero', 'chunk-names.json');
	const format = `1 pagefind ${entry.version} zlib ${process.versions.zlib} gzip ${GZIP_OPTIONS.level}-${GZIP_OPTIONS.memLevel}`;
	const named = readKeptNames(namesPath, format, (v): v is string => typeof v === 'string' && v.includes('.'));
	const nextNamed = new Map<string, string>();
	const there = new Set(existsSync(indexDir) ? readdirSync(indexDir) : []);
	// Each chunk's hash, taken once: naming asks for it, and so does writing the chunks.
	const keys = new WeakMap<Uint8Array, string>();
	const keyOf = (file: Uint8Array) => keys.get(file) ?? keys.set(file, sha256(file)).get(file)!;
	const keptName = (file: Uint8Array) => {
		const name = named.get(keyOf(file));
		return name !== undefined && there.has(`${name}.pf_index`) ? name : undefined;
	};
	const lines: string[] = [];
	const staleMetas: string[] = [];
	const live = new Set<string>();
	for (const [language, info] of Object.entries(entry.languages)) {
		const metaPath = join(dir, `pagefind.${info.hash}.pf_meta`);
		if (!existsSync(metaPath)) throw new InputError(`${metaPath} is missing, though ${entryPath} names it`);
		const metaFile = readFileSync(metaPath);
		const chunkPath = (hash: string) => join(indexDir, `${hash}.pf_index`);
		const before = gzip?.kept ?? 0;
		const result = rechunk(metaFile, metaPath, (hash) => readFileSync(chunkPath(hash)), units, gzip?.compress, namesPath ? keptName : undefined);
		onWords?.(language, result.words);
		let kept = 0;
		for (const [hash, file] of result.chunks) {
			const key = keyOf(file);
			// A kept name's file holds these bytes: it was written for them.
			if (named.get(key) === hash && there.has(`${hash}.pf_index`)) kept++;
			else writeFileSync(chunkPath(hash), file);
			nextNamed.set(key, hash);
			live.add(`${hash}.pf_index`);
		}
		const metaHash = contentName(language, result.metadata, 10, new Set());
		writeFileSync(join(dir, `pagefind.${metaHash}.pf_meta`), result.metadata);
		if (metaHash !== info.hash) staleMetas.push(metaPath);
		info.hash = metaHash;
		const unchanged = gzip ? `, ${gzip.kept - before} of them unchanged since the last build` : '';
		const names = kept ? ` (${kept} keep their names and files)` : '';
		lines.push(
			`${language}: ${result.replaced.length} index chunks re-cut into ${result.chunks.size} of about ${result.units.toLocaleString('en-US')} locations each${unchanged}${names}`,
		);
	}
	writePagefindEntry(entryPath, entry);
	for (const path of staleMetas) rmSync(path, { force: true });
	// Pagefind's own chunks, and an earlier build's that no metadata lists any more.
	removeUnlisted(indexDir, (file) => live.has(file));
	if (namesPath) writeKeptNames(namesPath, format, nextNamed);
	gzip?.prune();
	return lines;
}
