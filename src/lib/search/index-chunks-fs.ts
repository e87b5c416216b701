/**
 * The file side of {@link rechunk}: re-cuts a built site's Pagefind index in place, after
 * `pagefind --site DIR`. `scripts/index-chunks.ts` is its command line.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, UsageError } from '../cli-errors.ts';
import { contentName, KNOWN_VERSIONS, rechunk } from './index-chunks.ts';

export const INDEX_CHUNKS_USAGE = 'node scripts/index-chunks.ts DIR [--units N]   (after pagefind --site DIR)';

/** Re-cuts every language's index under DIR/pagefind; returns what it did, a line each. */
export function rechunkSite(siteDir: string, unitsOption?: string): string[] {
	const units = unitsOption === undefined ? undefined : Number(unitsOption);
	if (units !== undefined && !(Number.isInteger(units) && units > 0)) {
		throw new UsageError(`--units must be a positive whole number, not "${unitsOption}"`);
	}
	const dir = join(siteDir, 'pagefind');
	const entryPath = join(dir, 'pagefind-entry.json');
	if (!existsSync(entryPath)) throw new UsageError(`${entryPath} is missing: run pagefind --site ${siteDir} first`);
	const entry = JSON.parse(readFileSync(entryPath, 'utf8')) as {
		version: string;
		languages: Record<string, { hash: string }>;
	};
	if (!KNOWN_VERSIONS.test(entry.version)) {
		// The site still works with Pagefind's own chunks; only the first query is heavier.
		return [`Pagefind ${entry.version} is not a version this code knows (${KNOWN_VERSIONS.source}): its index chunks are left as they are`];
	}
	const lines: string[] = [];
	const stale: string[] = [];
	const written = new Set<string>();
	for (const [language, info] of Object.entries(entry.languages)) {
		const metaPath = join(dir, `pagefind.${info.hash}.pf_meta`);
		if (!existsSync(metaPath)) throw new InputError(`${metaPath} is missing, though ${entryPath} names it`);
		const metaFile = readFileSync(metaPath);
		const chunkPath = (hash: string) => join(dir, 'index', `${hash}.pf_index`);
		const result = rechunk(metaFile, metaPath, (hash) => readFileSync(chunkPath(hash)), units);
		for (const [hash, file] of result.chunks) {
			writeFileSync(chunkPath(hash), file);
			written.add(chunkPath(hash));
		}
		const metaHash = contentName(language, result.metadata, 10, new Set());
		writeFileSync(join(dir, `pagefind.${metaHash}.pf_meta`), result.metadata);
		written.add(join(dir, `pagefind.${metaHash}.pf_meta`));
		stale.push(metaPath, ...result.replaced.map(chunkPath));
		info.hash = metaHash;
		lines.push(
			`${language}: ${result.replaced.length} index chunks re-cut into ${result.chunks.size} of about ${result.units.toLocaleString('en-US')} locations each`,
		);
	}
	// The entry is switched at once, and the old files go only after it: a reader of the site
	// at any moment finds every file its entry names.
	writeFileSync(`${entryPath}.tmp`, JSON.stringify(entry));
	renameSync(`${entryPath}.tmp`, entryPath);
	for (const path of stale) if (!written.has(path)) rmSync(path, { force: true });
	return lines;
}
