/**
 * Runs Pagefind over a built site, in full or, when the build's cache holds the index of the
 * last build, over the changed pages only, spliced into that index ({@link spliceIndex}).
 * `scripts/pagefind.ts` is its command line; `npm run build` runs it where it ran
 * `pagefind --site DIR`, and the steps after Pagefind read what it writes as Pagefind's own.
 *
 * The cache (`<cacheDir>/tierzero/pagefind/`) holds the last index as Pagefind wrote it, before
 * the steps after Pagefind rewrite it, and a manifest: a SHA-256 of every HTML file of the site
 * and each indexed page's URL. A page changed when its file's hash did. The changed pages are
 * copied into a scratch site with one unchanged page, the anchor: indexed with them, it must come
 * out as it did in the full index, which proves the scratch site was indexed as the site was
 * (Pagefind indexes only the pages with `data-pagefind-body` when any page has one, and the
 * anchor has). Anything that cannot be spliced exactly, a cache of another Pagefind version or
 * more than a quarter of the pages changed runs Pagefind in full, and says why. A full run reads
 * only the pages with a search body (src/lib/search/pagefind-glob.ts), which the hashing finds.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gunzipSync } from 'node:zlib';
import { InputError } from '../cli-errors.ts';
import { fileStamp, writeFileAtomic } from '../files-fs.ts';
import { META_CHUNKS, META_FILTERS, readPagefindFile } from './index-chunks.ts';
import { pageEntries, readFragment } from './fragment-text-fs.ts';
import { CannotSplice, spliceIndex, type LanguageIndex, type SplicePlan } from './pagefind-splice.ts';
import { readPagefindSite, writePagefindEntry, type PagefindEntry } from './pagefind-site.ts';
import { BODY_ATTRIBUTE, bodyGlob, matchedFileCount, mayHaveBody } from './pagefind-glob.ts';

const require = createRequire(import.meta.url);

/** The Pagefind binary of the installed `pagefind` package (not its Node wrapper, one process less). */
export function pagefindBinary(): string {
	const os = platform() === 'win32' ? 'windows' : platform();
	for (const name of ['pagefind_extended', 'pagefind']) {
		try {
			return require.resolve(`@pagefind/${os}-${arch()}/bin/${name}`);
		} catch {
			// Try the next name; not every platform package ships the extended binary.
		}
	}
	return join(pagefindPackage(), 'lib', 'runner', 'bin.cjs');
}

/** The `pagefind` package's folder (its exports name no file but its module). */
const pagefindPackage = (): string => dirname(dirname(fileURLToPath(import.meta.resolve('pagefind'))));

const pagefindVersion = (): string => (JSON.parse(readFileSync(join(pagefindPackage(), 'package.json'), 'utf8')) as { version: string }).version;

/**
 * Runs Pagefind on `site`, over the files `glob` matches (its default when there is none); its
 * output goes to ours as it comes when `quiet` is false, and is returned, or thrown with the
 * error when it fails.
 */
function runPagefind(site: string, quiet: boolean, glob: string | null = null): Promise<string> {
	const binary = pagefindBinary();
	const options = ['--site', site, ...(glob === null ? [] : ['--glob', glob])];
	const [command, args] = binary.endsWith('.cjs') ? [process.execPath, [binary, ...options]] : [binary, options];
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d: Buffer) => {
			output += d;
			if (!quiet) process.stdout.write(d);
		});
		child.stderr.on('data', (d: Buffer) => {
			output += d;
			if (!quiet) process.stderr.write(d);
		});
		child.on('error', reject);
		child.on('close', (code) => (code === 0 ? resolve(output) : reject(new InputError(`pagefind --site ${site} failed (exit ${code})${output ? `:\n${output}` : ''}`))));
	});
}

/**
 * The HTML files Pagefind indexes (its default glob, `**\/*.html`), relative to the site with
 * `/`. The folders of Pagefind's own data (thousands of files on a large site, never HTML) are
 * not listed.
 */
export function htmlFiles(site: string): string[] {
	const files: string[] = [];
	const data = new Set(['index', 'fragment', 'filter', 'text'].map((folder) => join(site, 'pagefind', folder)));
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (!data.has(path)) walk(path);
			} else if (entry.name.endsWith('.html')) files.push(relative(site, path).split(sep).join('/'));
		}
	};
	walk(site);
	return files.sort();
}

/** The URL Pagefind gives the page of a file (its default: `index.html` dropped). */
export function pageUrl(file: string): string {
	return `/${file.endsWith('index.html') && (file === 'index.html' || file.endsWith('/index.html')) ? file.slice(0, -'index.html'.length) : file}`;
}

interface Manifest {
	format: string;
	language: string;
	entry: PagefindEntry;
	metaName: string;
	/** SHA-256 of every HTML file, by path. */
	files: Record<string, string>;
	/** Each file's size, modification time and inode when it was hashed, by path. */
	stats: Record<string, string>;
	/** The files whose bytes name the search body's attribute (src/lib/search/pagefind-glob.ts), sorted. */
	body: string[];
	/** Each page's URL, by page number. */
	urls: string[];
}

const MANIFEST_FORMAT = (version: string) => `2 pagefind ${version}`;
/** More changed pages than this share of the site: indexing them alone would save little, and Pagefind runs in full. */
const MAX_CHANGED_SHARE = 0.25;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The URL a fragment file holds, from its first bytes (it starts `{"url":…`), without inflating the rest. */
function fragmentUrl(file: Buffer, name: string): string {
	const head = gunzipSync(file.subarray(0, 4096), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
	const match = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/.exec(head);
	return match ? (JSON.parse(match[1]!) as string) : readFragment(file, name).url;
}

/** The files a language's metadata (its body, read by {@link readPagefindFile}) lists, by folder. */
function listedFiles(body: unknown, metaName: string): { index: string[]; filter: string[]; fragment: string[] } {
	const fields = body as unknown[];
	return {
		index: (fields[META_CHUNKS] as [string, string, string][]).map(([, , hash]) => `${hash}.pf_index`),
		filter: (fields[META_FILTERS] as [string, string][]).map(([, hash]) => `${hash}.pf_filter`),
		fragment: pageEntries(body, metaName).map(([hash]) => `${hash}.pf_fragment`),
	};
}

class PagefindCache {
	readonly dir: string;
	readonly raw: string;
	readonly manifestPath: string;
	constructor(cacheDir: string) {
		this.dir = join(cacheDir, 'tierzero', 'pagefind');
		this.raw = join(this.dir, 'raw');
		this.manifestPath = join(this.dir, 'manifest.json');
	}

	read(format: string): Manifest | string {
		if (!existsSync(this.manifestPath)) return 'no index of an earlier build in the cache';
		try {
			const manifest = JSON.parse(readFileSync(this.manifestPath, 'utf8')) as Manifest;
			if (manifest.format !== format) return `the cached index is of another format (${manifest.format})`;
			if (!existsSync(join(this.raw, manifest.metaName))) return 'the cached index is incomplete';
			return manifest;
		} catch {
			return 'the cached index cannot be read';
		}
	}

	/** Forgets the cached index first, so a build stopped half-way never trusts a half-written one. */
	invalidate(): void {
		rmSync(this.manifestPath, { force: true });
	}

	write(manifest: Manifest): void {
		writeFileAtomic(this.manifestPath, JSON.stringify(manifest));
	}
}

interface Hashed {
	files: Record<string, string>;
	stats: Record<string, string>;
	body: string[];
}

/**
 * Hashes of the site's HTML files. A file whose size, modification time (in nanoseconds) and
 * inode are those it had when the last build hashed it keeps that hash without being read:
 * Astro's incremental build leaves the files of pages it did not render again untouched.
 */
function hashFiles(site: string, before?: Hashed): Hashed {
	const hashed: Hashed = { files: {}, stats: {}, body: [] };
	const hadBody = new Set(before?.body);
	for (const file of htmlFiles(site)) {
		const path = join(site, file);
		const stat = fileStamp(path);
		const known = before?.stats[file] === stat ? before.files[file] : undefined;
		if (known !== undefined) {
			hashed.files[file] = known;
			if (hadBody.has(file)) hashed.body.push(file);
		} else {
			const bytes = readFileSync(path);
			hashed.files[file] = sha256(bytes);
			if (mayHaveBody(bytes)) hashed.body.push(file);
		}
		hashed.stats[file] = stat;
	}
	return hashed;
}

/** Writes a new file at `path`: one linked there ({@link linkOrCopy}) is unlinked, not written into. */
function writeNew(path: string, bytes: Uint8Array): void {
	rmSync(path, { force: true });
	writeFileSync(path, bytes);
}

/**
 * Gives `to` the file `from`, as a second link where both are on one file system (nothing is
 * copied; every writer here writes a new file and renames, or removes, and never writes into one
 * in place), else as a copy.
 */
function linkOrCopy(from: string, to: string): void {
	rmSync(to, { force: true });
	try {
		linkSync(from, to);
	} catch {
		copyFileSync(from, to);
	}
}

/** After a full run: keeps Pagefind's index as it wrote it, and the manifest, for the next build. */
function snapshot(site: string, cache: PagefindCache, format: string, hashed: Hashed): string | null {
	cache.invalidate();
	const { dir, entry } = readPagefindSite(site);
	const languages = Object.entries(entry.languages);
	if (languages.length !== 1) return `the site has ${languages.length} languages; only a site of one is indexed incrementally`;
	const [language, info] = languages[0]!;
	const metaName = `pagefind.${info.hash}.pf_meta`;
	const meta = readFileSync(join(dir, metaName));
	const listed = listedFiles(readPagefindFile(meta, metaName), metaName);
	rmSync(cache.raw, { recursive: true, force: true });
	for (const folder of ['index', 'filter', 'fragment'] as const) {
		mkdirSync(join(cache.raw, folder), { recursive: true });
		for (const file of listed[folder]) linkOrCopy(join(dir, folder, file), join(cache.raw, folder, file));
	}
	writeNew(join(cache.raw, metaName), meta);
	const urls = listed.fragment.map((file) => fragmentUrl(readFileSync(join(cache.raw, 'fragment', file)), file));
	cache.write({ format, language, entry, metaName, ...hashed, urls });
	return null;
}

/** One language's index in a folder laid out as Pagefind writes it. */
function languageIndex(dir: string, language: string, metaName: string): LanguageIndex {
	return {
		language,
		meta: readFileSync(join(dir, metaName)),
		metaName,
		chunk: (hash) => readFileSync(join(dir, 'index', `${hash}.pf_index`)),
		filter: (hash) => readFileSync(join(dir, 'filter', `${hash}.pf_filter`)),
	};
}

export interface IndexOptions {
	cacheDir?: string;
	/** Index every page, whatever the cache holds. */
	full?: boolean;
	/** Prints Pagefind's own output of a full run (as `pagefind --site` would). */
	quiet?: boolean;
}

/** Indexes the site under `site` into `site/pagefind`; returns what it did, a line each. */
export async function indexSite(site: string, options: IndexOptions = {}): Promise<string[]> {
	if (!existsSync(site) || !statSync(site).isDirectory()) throw new InputError(`${site} is not a built site's folder`);
	const cache = options.cacheDir === undefined ? null : new PagefindCache(options.cacheDir);
	const format = MANIFEST_FORMAT(pagefindVersion());
	const manifest = cache?.read(format);
	const hashed = cache ? hashFiles(site, typeof manifest === 'object' ? manifest : undefined) : { files: {}, stats: {}, body: [] };
	let why = options.full ? 'a full run was asked for' : cache ? undefined : 'no build cache folder';
	if (cache && !why) {
		if (typeof manifest === 'string') why = manifest;
		else if (manifest) {
			try {
				return await indexChanged(site, cache, manifest, hashed);
			} catch (error) {
				if (!(error instanceof CannotSplice)) throw error;
				why = error.message;
			}
		}
	}
	cache?.invalidate();
	const lines = [`indexed every page: ${why}`];
	// Only with a cache are the pages read before Pagefind runs; without one, Pagefind reads them all.
	const files = Object.keys(hashed.files);
	const glob = cache ? bodyGlob(files, new Set(hashed.body)) : null;
	const output = await runPagefind(site, options.quiet ?? false, glob);
	if (glob !== null) {
		const found = matchedFileCount(output);
		if (found === hashed.body.length) {
			const skipped = files.length - found;
			lines.push(`Pagefind read only the ${found.toLocaleString('en-US')} pages with ${BODY_ATTRIBUTE}, not the ${skipped.toLocaleString('en-US')} without it, which it leaves out of the index`);
		} else {
			// Never expected: the glob is made to match those pages exactly. Its index could lack a page, so it is made again from every file.
			await runPagefind(site, options.quiet ?? false);
			lines.push(`Pagefind's glob matched ${found ?? 'an unknown number of'} files, not the ${hashed.body.length} pages with ${BODY_ATTRIBUTE}: indexed again from every HTML file`);
		}
	}
	if (cache) {
		const notKept = snapshot(site, cache, format, hashed);
		lines.push(notKept ?? 'kept the index in the build cache for the next build');
	}
	return lines;
}

/** Indexes the changed pages alone and splices them into the cached index; CannotSplice when it cannot. */
async function indexChanged(site: string, cache: PagefindCache, manifest: Manifest, hashed: Hashed): Promise<string[]> {
	const { files } = hashed;
	const changed = Object.keys(files).filter((file) => manifest.files[file] !== files[file]);
	const deleted = Object.keys(manifest.files).filter((file) => !(file in files));
	const total = Object.keys(files).length;
	if (changed.length + deleted.length > Math.max(1, total * MAX_CHANGED_SHARE)) {
		throw new CannotSplice(`${changed.length + deleted.length} of ${total} HTML files changed`);
	}
	const fileOfUrl = new Map(Object.keys(manifest.files).map((file) => [pageUrl(file), file]));
	const basePage = new Map(manifest.urls.map((url, page) => [url, page]));
	if (manifest.urls.some((url) => !fileOfUrl.has(url))) throw new CannotSplice('a page of the cached index has a URL that is not its file’s');

	// The anchor: the smallest unchanged page of the index.
	const baseIndex = languageIndex(cache.raw, manifest.language, manifest.metaName);
	const baseBody = readPagefindFile(baseIndex.meta, manifest.metaName);
	const baseEntries = pageEntries(baseBody, manifest.metaName);
	let anchor: { file: string; page: number } | undefined;
	manifest.urls.forEach((url, page) => {
		const file = fileOfUrl.get(url)!;
		if (files[file] !== manifest.files[file]) return;
		if (!anchor || baseEntries[page]![1] < baseEntries[anchor.page]![1]) anchor = { file, page };
	});
	if (!anchor) throw new CannotSplice('no page of the index is unchanged');

	const scratch = join(cache.dir, 'scratch');
	rmSync(scratch, { recursive: true, force: true });
	for (const file of [...changed, anchor.file]) {
		mkdirSync(dirname(join(scratch, file)), { recursive: true });
		linkOrCopy(join(site, file), join(scratch, file));
	}
	try {
		await runPagefind(scratch, true);
	} catch (error) {
		throw new CannotSplice(`Pagefind failed on the changed pages alone: ${(error as Error).message}`);
	}
	const { dir: patchDir, entry: patchEntry } = readPagefindSite(scratch);
	const patchLanguages = Object.entries(patchEntry.languages);
	if (patchLanguages.length !== 1 || patchLanguages[0]![0] !== manifest.language) {
		throw new CannotSplice(`the changed pages are in ${patchLanguages.map(([l]) => l).join(', ')}, the site in ${manifest.language}`);
	}
	const patchMetaName = `pagefind.${patchLanguages[0]![1].hash}.pf_meta`;
	const patchIndex = languageIndex(patchDir, manifest.language, patchMetaName);
	const patchUrls = listedFiles(readPagefindFile(patchIndex.meta, patchMetaName), patchMetaName).fragment.map((file) => fragmentUrl(readFileSync(join(patchDir, 'fragment', file)), file));
	const patchPage = new Map(patchUrls.map((url, page) => [url, page]));

	const replaced = new Map<number, number>();
	const removed = new Set<number>();
	const added: number[] = [];
	const accounted = new Set<number>();
	for (const file of [...changed, ...deleted]) {
		const url = pageUrl(file);
		const before = basePage.get(url);
		const now = file in files ? patchPage.get(url) : undefined;
		if (now !== undefined) accounted.add(now);
		if (before !== undefined && now !== undefined) replaced.set(before, now);
		else if (before !== undefined) removed.add(before);
		else if (now !== undefined) added.push(now);
	}
	const anchorPatch = patchPage.get(pageUrl(anchor.file));
	if (anchorPatch === undefined) throw new CannotSplice('the unchanged page indexed with the changed ones was not indexed');
	accounted.add(anchorPatch);
	if (accounted.size !== patchUrls.length) throw new CannotSplice('a changed page has a URL that is not its file’s');
	const plan: SplicePlan = { replaced, removed, added, anchor: [anchor.page, anchorPatch] };
	const spliced = spliceIndex(baseIndex, patchIndex, plan);

	// The site's Pagefind folder, as a full run would leave it: Pagefind's own scripts and styles
	// from the scratch run, the spliced index, every page's fragment.
	const out = join(site, 'pagefind');
	mkdirSync(out, { recursive: true });
	for (const entry of readdirSync(patchDir, { withFileTypes: true })) {
		if (['index', 'filter', 'fragment', 'pagefind-entry.json'].includes(entry.name) || entry.name.endsWith('.pf_meta')) continue;
		cpSync(join(patchDir, entry.name), join(out, entry.name), { recursive: true });
	}
	cache.invalidate();
	// Written once, into the cache, and linked into the site.
	const write = (folder: string, files: Map<string, Buffer>, extension: string) => {
		mkdirSync(join(out, folder), { recursive: true });
		mkdirSync(join(cache.raw, folder), { recursive: true });
		for (const [hash, file] of files) {
			writeNew(join(cache.raw, folder, `${hash}${extension}`), file);
			linkOrCopy(join(cache.raw, folder, `${hash}${extension}`), join(out, folder, `${hash}${extension}`));
		}
	};
	write('index', spliced.chunks, '.pf_index');
	for (const hash of spliced.keptChunks) linkOrCopy(join(cache.raw, 'index', `${hash}.pf_index`), join(out, 'index', `${hash}.pf_index`));
	write('filter', spliced.filters, '.pf_filter');
	mkdirSync(join(out, 'fragment'), { recursive: true });
	const urls = spliced.pages.map(({ from, source, fragment }) => {
		const name = `${fragment}.pf_fragment`;
		if (from === 'patch') linkOrCopy(join(patchDir, 'fragment', name), join(cache.raw, 'fragment', name));
		linkOrCopy(join(cache.raw, 'fragment', name), join(out, 'fragment', name));
		return from === 'patch' ? patchUrls[source]! : manifest.urls[source]!;
	});
	writeNew(join(out, spliced.metaName), spliced.meta);
	writeNew(join(cache.raw, spliced.metaName), spliced.meta);
	const entry: PagefindEntry = structuredClone(manifest.entry);
	entry.languages[manifest.language] = { ...entry.languages[manifest.language]!, hash: spliced.metaName.slice('pagefind.'.length, -'.pf_meta'.length), page_count: spliced.pages.length };
	writePagefindEntry(join(out, 'pagefind-entry.json'), entry);

	// The cache now holds this index: what the last one listed and this one does not goes.
	const listed = listedFiles(readPagefindFile(spliced.meta, spliced.metaName), spliced.metaName);
	const before = listedFiles(baseBody, manifest.metaName);
	for (const folder of ['index', 'filter', 'fragment'] as const) {
		const keep = new Set(listed[folder]);
		for (const file of before[folder]) if (!keep.has(file)) rmSync(join(cache.raw, folder, file), { force: true });
	}
	if (manifest.metaName !== spliced.metaName) rmSync(join(cache.raw, manifest.metaName), { force: true });
	cache.write({ ...manifest, entry, metaName: spliced.metaName, ...hashed, urls });
	rmSync(scratch, { recursive: true, force: true });
	const pages = (n: number) => `${n.toLocaleString('en-US')} page${n === 1 ? '' : 's'}`;
	return [
		`indexed ${pages(replaced.size + added.length)} of ${pages(spliced.pages.length)} (${changed.length} HTML files changed, ${deleted.length} removed): ` +
			`${replaced.size} replaced, ${added.length} added, ${removed.size} removed; ${spliced.rebuiltWords.toLocaleString('en-US')} word entries rebuilt, the rest moved as they were`,
	];
}
