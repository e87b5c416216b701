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
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../cli-errors.ts';
import {
	contentName,
	KNOWN_VERSIONS,
	readPagefindBytes,
	readPagefindFile,
	wrapPagefind,
	writePagefindFile,
} from './index-chunks.ts';
import { readPagefindSite, writePagefindEntry } from './pagefind-site.ts';
import { splitFragment, textBlockPath, type Fragment } from './fragment-text.ts';

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

/** Index 1 of Pagefind's metadata lists its pages: [fragment name, word count, group name]. */
const META_PAGES = 1;
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

/**
 * Moves the text of every fragment under DIR/pagefind into blocks and renames the fragments
 * (see above); returns what it did. Run once after each Pagefind run.
 */
export function splitSiteFragments(siteDir: string): string[] {
	const { dir, entryPath, entry } = readPagefindSite(siteDir);
	if (!KNOWN_VERSIONS.test(entry.version)) {
		// The search UI reads a fragment whose text is still in it as it always did.
		return [`Pagefind ${entry.version} is not a version this code knows (${KNOWN_VERSIONS.source}): its fragments are left as they are`];
	}
	const fragmentDir = join(dir, 'fragment');
	const textDir = join(dir, 'text');
	mkdirSync(textDir, { recursive: true });
	const fragmentPath = (name: string) => join(fragmentDir, `${name}.pf_fragment`);
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
		const tag = createHash('sha256').update(pages.map(([name]) => name).join('\n')).digest('hex').slice(0, 6);
		let moved = 0;
		let blocks = 0;
		pages.forEach((page, n) => {
			const [old, , group] = page;
			if (group) {
				// A fragment inside a group file (Pagefind writes none by default) keeps its text.
				keptFragments.add(group);
				return;
			}
			const fragment = readFragment(readFileSync(fragmentPath(old)), fragmentPath(old));
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
			page[0] = name;
			moved++;
			blocks += split.blocks.length;
		});
		if (moved === 0) continue;
		const metadata = writePagefindFile(body);
		const metaHash = contentName(language, metadata, 10, new Set());
		writeFileSync(join(dir, `pagefind.${metaHash}.pf_meta`), metadata);
		if (metaHash !== info.hash) stale.push(metaPath);
		info.hash = metaHash;
		lines.push(`${language}: ${moved.toLocaleString('en-US')} fragments renamed, their text moved into ${blocks.toLocaleString('en-US')} blocks`);
	}
	if (lines.length === 0) return ['nothing to do: every fragment already had its text moved'];
	writePagefindEntry(entryPath, entry);
	for (const path of stale) rmSync(path, { force: true });
	let removed = 0;
	for (const file of readdirSync(fragmentDir)) {
		if (!keptFragments.has(file.replace(/\.pf_fragment$/, ''))) {
			rmSync(join(fragmentDir, file));
			removed++;
		}
	}
	for (const file of readdirSync(textDir)) {
		if (!keptBlocks.has(`text/${file}`)) {
			rmSync(join(textDir, file));
			removed++;
		}
	}
	if (removed) lines.push(`${removed.toLocaleString('en-US')} files no metadata names removed (Pagefind's full fragments, earlier builds' blocks)`);
	return lines;
}
