/**
 * The file side of {@link rechunk}: re-cuts a built site's Pagefind index in place, after
 * `pagefind --site DIR`. `scripts/after-pagefind.ts` is its command line.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { InputError, UsageError } from '../cli-errors.ts';
import { contentName, GZIP_OPTIONS, gzipPagefind, KNOWN_VERSIONS, rechunk, type Compress } from './index-chunks.ts';
import { readPagefindSite, writePagefindEntry } from './pagefind-site.ts';

export const INDEX_CHUNKS_USAGE = 'node scripts/after-pagefind.ts DIR [--units N]   (after pagefind --site DIR)';

/**
 * The build's compression of Pagefind files ({@link gzipPagefind}), keeping each result in the
 * build's cache folder by a hash of what it compressed. Compressing is most of the re-cut's work, and after one edit most
 * new chunks hold the same bytes as in the last build. A kept file is used only when its gzip
 * trailer (CRC-32 and length) matches those bytes; its folder is named by zlib's version and
 * the gzip options, so a file is only ever what this zlib with these options would write. What a run did not use goes at its end.
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
		// Written aside and renamed, so no run reads half a file.
		writeFileSync(`${path}.${process.pid}.tmp`, file);
		renameSync(`${path}.${process.pid}.tmp`, path);
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
 * Re-cuts every language's index under DIR/pagefind; returns what it did, a line each. With
 * `cacheDir` (the build's cache folder), chunks whose bytes the last run compressed are not
 * compressed again.
 */
export function rechunkSite(siteDir: string, unitsOption?: string, cacheDir?: string): string[] {
	const units = unitsOption === undefined ? undefined : Number(unitsOption);
	if (units !== undefined && !(Number.isInteger(units) && units > 0)) {
		throw new UsageError(`--units must be a positive whole number, not "${unitsOption}"`);
	}
	const { dir, entryPath, entry } = readPagefindSite(siteDir);
	if (!KNOWN_VERSIONS.test(entry.version)) {
		// The site still works with Pagefind's own chunks; only the first query is heavier.
		return [`Pagefind ${entry.version} is not a version this code knows (${KNOWN_VERSIONS.source}): its index chunks are left as they are`];
	}
	const gzip = cacheDir === undefined ? null : new KeptGzip(cacheDir);
	const lines: string[] = [];
	const stale: string[] = [];
	const written = new Set<string>();
	for (const [language, info] of Object.entries(entry.languages)) {
		const metaPath = join(dir, `pagefind.${info.hash}.pf_meta`);
		if (!existsSync(metaPath)) throw new InputError(`${metaPath} is missing, though ${entryPath} names it`);
		const metaFile = readFileSync(metaPath);
		const chunkPath = (hash: string) => join(dir, 'index', `${hash}.pf_index`);
		const before = gzip?.kept ?? 0;
		const result = rechunk(metaFile, metaPath, (hash) => readFileSync(chunkPath(hash)), units, gzip?.compress);
		for (const [hash, file] of result.chunks) {
			writeFileSync(chunkPath(hash), file);
			written.add(chunkPath(hash));
		}
		const metaHash = contentName(language, result.metadata, 10, new Set());
		writeFileSync(join(dir, `pagefind.${metaHash}.pf_meta`), result.metadata);
		written.add(join(dir, `pagefind.${metaHash}.pf_meta`));
		stale.push(metaPath, ...result.replaced.map(chunkPath));
		info.hash = metaHash;
		const unchanged = gzip ? `, ${gzip.kept - before} of them unchanged since the last build` : '';
		lines.push(
			`${language}: ${result.replaced.length} index chunks re-cut into ${result.chunks.size} of about ${result.units.toLocaleString('en-US')} locations each${unchanged}`,
		);
	}
	writePagefindEntry(entryPath, entry);
	for (const path of stale) if (!written.has(path)) rmSync(path, { force: true });
	gzip?.prune();
	return lines;
}
