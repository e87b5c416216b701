/**
 * The file side of {@link splitFragment}: moves the text of a built site's Pagefind fragments
 * into blocks, in place, after `pagefind --site DIR`. `scripts/after-pagefind.ts` is its command
 * line.
 *
 * It also gives the fragments short names. Every session loads Pagefind's metadata, which lists
 * each page by its fragment's name: a 7-digit content hash per page, random digits that do not
 * compress, 24 KB of the metadata's 44 KB on a 5,000-article site. The pages are renamed
 * `<language>_<tag>.<n>`, n counting in base 36 and the tag a hash of all the old names, so a
 * name still never stands for two different fragments (a browser may cache them for good), and
 * the list compresses to about 60 % of its size.
 *
 * A name outlives the build that gave it. With the build's cache folder, the names given are
 * kept there by a hash of the Pagefind fragment each came from (`fragment-names.json`); a page
 * whose fragment is byte for byte one named before, and whose files are still in the output,
 * keeps its name and its files. After one edit only the edited page gets a new name (Pagefind
 * lists the pages in the same order after an edit: tried on 10,031 pages, one moved), so a
 * rebuild writes a few files instead of every fragment and block again, and a deploy uploads and
 * browsers fetch only those. Names stay unique: a new one carries this build's tag, changed
 * until no kept name has it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../cli-errors.ts';
import {
	contentName,
	freeTag,
	KNOWN_VERSIONS,
	META_PAGES,
	readPagefindBytes,
	readPagefindFile,
	wrapPagefind,
	writePagefindFile,
} from './index-chunks.ts';
import { readKeptNames, writeKeptNames } from './kept-names-fs.ts';
import { readPagefindSite, removeUnlisted, writePagefindEntry } from './pagefind-site.ts';
import { splitFragment, TEXT_BLOCK_WORDS, textBlockPath, type Fragment } from './fragment-text.ts';

/** A fragment file's JSON. */
export function readFragment(file: Uint8Array, name: string): Fragment {
	const fragment = JSON.parse(readPagefindBytes(file, name).toString('utf8')) as Fragment;
	if (typeof fragment?.content !== 'string' || typeof fragment.url !== 'string') {
		throw new Error(`${name}: not a Pagefind fragment as this version of Tier Zero knows it`);
	}
	return fragment;
}

/** A fragment file, as Pagefind writes it. */
export function writeFragment(fragment: Fragment): Buffer {
	return wrapPagefind(Buffer.from(JSON.stringify(fragment), 'utf8'));
}

/** A page of Pagefind's metadata ({@link META_PAGES}). */
export type PageEntry = [name: string, words: number, group: string];

/** The page list of a metadata file's body. */
export function pageEntries(body: unknown, name: string): PageEntry[] {
	const pages = Array.isArray(body) ? (body[META_PAGES] as unknown) : undefined;
	const ok =
		Array.isArray(pages) &&
		pages.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number' && typeof (p[2] ?? '') === 'string');
	if (!ok) throw new InputError(`${name}: its page list is not [fragment, words, group] entries`);
	return pages as PageEntry[];
}

/** A name given to a fragment and the number of its text blocks. */
type GivenName = [name: string, blocks: number];
const isGivenName = (v: unknown): v is GivenName =>
	Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && v[0].includes('.') && Number.isInteger(v[1]) && v[1] >= 0;

const nameCacheFormat = (pagefindVersion: string) => `1 pagefind ${pagefindVersion} words ${TEXT_BLOCK_WORDS}`;

/**
 * After a Pagefind whose layout this code does not know: the blocks and the fragments its
 * metadata does not name are an earlier build's, which the build leaves to this step
 * (PRUNED_AFTER_PAGEFIND). The fragments go only when the metadata still lists its pages as
 * this code reads them; otherwise a line says they stay.
 */
function pruneUnknownVersion(dir: string, languages: Record<string, { hash: string }>, fragmentDir: string, textDir: string): string[] {
	rmSync(textDir, { recursive: true, force: true });
	const named = new Set<string>();
	try {
		for (const info of Object.values(languages)) {
			const metaPath = join(dir, `pagefind.${info.hash}.pf_meta`);
			for (const [name, , group] of pageEntries(readPagefindFile(readFileSync(metaPath), metaPath), metaPath)) named.add(group || name);
		}
	} catch {
		return ["its metadata lists pages in a way this code does not read, so fragments of earlier builds may be left in pagefind/fragment"];
	}
	const removed = removeUnlisted(fragmentDir, (file) => named.has(file.replace(/\.pf_fragment$/, '')));
	return removed ? [`${removed.toLocaleString('en-US')} fragments of earlier builds removed`] : [];
}

/**
 * Moves the text of every fragment under DIR/pagefind into blocks and renames the fragments
 * (see above); returns what it did. Run once after each Pagefind run. With `cacheDir` (the
 * build's cache folder), a fragment named by an earlier run keeps its name and files.
 */
export function splitSiteFragments(siteDir: string, cacheDir?: string): string[] {
	const { dir, entryPath, entry } = readPagefindSite(siteDir);
	const fragmentDir = join(dir, 'fragment');
	const textDir = join(dir, 'text');
	const fragmentPath = (name: string) => join(fragmentDir, `${name}.pf_fragment`);
	if (!KNOWN_VERSIONS.test(entry.version)) {
		// The search UI reads a fragment whose text is still in it as it always did.
		const line = `Pagefind ${entry.version} is not a version this code knows (${KNOWN_VERSIONS.source}): its fragments are left as they are`;
		return [line, ...pruneUnknownVersion(dir, entry.languages, fragmentDir, textDir)];
	}
	mkdirSync(textDir, { recursive: true });
	const cachePath = cacheDir === undefined ? undefined : join(cacheDir, 'tierzero', 'fragment-names.json');
	const format = nameCacheFormat(entry.version);
	const named = readKeptNames(cachePath, format, isGivenName);
	const nextNamed = new Map<string, GivenName>();
	// What the output holds now: a kept name is used only while all its files are there.
	const fragmentFiles = new Set(readdirSync(fragmentDir));
	const textFiles = new Set(readdirSync(textDir));
	const filesThere = ([name, blocks]: GivenName) =>
		fragmentFiles.has(`${name}.pf_fragment`) &&
		Array.from({ length: blocks }, (_, k) => textBlockPath(name, k)).every((p) => textFiles.has(p.slice('text/'.length)));
	/** Fragment and group files the new metadata names, and the text blocks of its fragments. */
	const keptFragments = new Set<string>();
	const keptBlocks = new Set<string>();
	const lines: string[] = [];
	const stale: string[] = [];
	for (const [language, info] of Object.entries(entry.languages)) {
		const metaPath = join(dir, `pagefind.${info.hash}.pf_meta`);
		if (!existsSync(metaPath)) throw new InputError(`${metaPath} is missing, though ${entryPath} names it`);
		const body = readPagefindFile(readFileSync(metaPath), metaPath) as unknown[];
		const pages = pageEntries(body, metaPath);
		const files = pages.map(([name, , group]) => (group ? null : readFileSync(fragmentPath(name))));
		const keys = files.map((file) => file && createHash('sha256').update(file).digest('hex'));
		const kept = keys.map((key) => (key === null ? undefined : named.get(key))).map((given) => (given && filesThere(given) ? given : undefined));
		const allNames = createHash('sha256').update(pages.map(([name]) => name).join('\n')).digest('hex').slice(0, 6);
		const tag = freeTag(language, allNames, kept.map((given) => given?.[0]));
		let moved = 0;
		let reused = 0;
		let blocks = 0;
		pages.forEach((page, n) => {
			const [old, , group] = page;
			if (group) {
				// A fragment inside a group file (Pagefind writes none by default) keeps its text.
				keptFragments.add(group);
				return;
			}
			const given = kept[n];
			if (given) {
				page[0] = given[0];
				keptFragments.add(given[0]);
				for (let k = 0; k < given[1]; k++) keptBlocks.add(textBlockPath(given[0], k));
				nextNamed.set(keys[n]!, given);
				reused++;
				return;
			}
			const fragment = readFragment(files[n]!, fragmentPath(old));
			if (fragment.tz_text) {
				// Already moved: this metadata was written by an earlier run over the same output.
				keptFragments.add(old);
				for (let k = 0; k < fragment.tz_text.blocks; k++) keptBlocks.add(textBlockPath(old, k));
				return;
			}
			const name = `${language}_${tag}.${n.toString(36)}`;
			const split = splitFragment(fragment);
			split.blocks.forEach((words, k) => {
				writeFileSync(join(dir, textBlockPath(name, k)), JSON.stringify(words));
				keptBlocks.add(textBlockPath(name, k));
			});
			writeFileSync(fragmentPath(name), writeFragment(split.fragment));
			keptFragments.add(name);
			nextNamed.set(keys[n]!, [name, split.blocks.length]);
			page[0] = name;
			moved++;
			blocks += split.blocks.length;
		});
		if (moved + reused === 0) continue;
		const metadata = writePagefindFile(body);
		const metaHash = contentName(language, metadata, 10, new Set());
		writeFileSync(join(dir, `pagefind.${metaHash}.pf_meta`), metadata);
		if (metaHash !== info.hash) stale.push(metaPath);
		info.hash = metaHash;
		const unchanged = reused ? `; ${reused.toLocaleString('en-US')} unchanged since the last build keep their names and blocks` : '';
		lines.push(
			`${language}: ${moved.toLocaleString('en-US')} fragments renamed, their text moved into ${blocks.toLocaleString('en-US')} blocks${unchanged}`,
		);
	}
	if (cachePath && lines.length > 0) writeKeptNames(cachePath, format, nextNamed);
	if (lines.length === 0) return ['nothing to do: every fragment already had its text moved'];
	writePagefindEntry(entryPath, entry);
	for (const path of stale) rmSync(path, { force: true });
	const removed =
		removeUnlisted(fragmentDir, (file) => keptFragments.has(file.replace(/\.pf_fragment$/, ''))) +
		removeUnlisted(textDir, (file) => keptBlocks.has(`text/${file}`));
	if (removed) lines.push(`${removed.toLocaleString('en-US')} files no metadata names removed (Pagefind's full fragments, earlier builds' blocks)`);
	return lines;
}
