/**
 * The file side of {@link splitFragment}: moves the text of a built site's Pagefind fragments
 * into blocks, in place, after `pagefind --site DIR`. `scripts/after-pagefind.ts` is its command
 * line.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { UsageError } from '../cli-errors.ts';
import { KNOWN_VERSIONS } from './index-chunks.ts';
import { splitFragment, textBlockPath, type Fragment } from './fragment-text.ts';

/** Every Pagefind fragment starts with this, before its JSON (gzip-compressed on disk). */
const SIGNATURE = 'pagefind_dcd';

/** A fragment file's JSON. */
export function readFragment(file: Uint8Array, name: string): Fragment {
	let raw: Buffer;
	try {
		raw = gunzipSync(file);
	} catch (cause) {
		throw new Error(`${name}: not a gzip-compressed Pagefind fragment`, { cause });
	}
	if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) {
		throw new Error(`${name}: does not start with Pagefind's signature "${SIGNATURE}"`);
	}
	const fragment = JSON.parse(raw.subarray(SIGNATURE.length).toString('utf8')) as Fragment;
	if (typeof fragment?.content !== 'string' || typeof fragment.url !== 'string') {
		throw new Error(`${name}: not a Pagefind fragment as this version of Tier Zero knows it`);
	}
	return fragment;
}

/** A fragment file, as Pagefind writes it. */
export function writeFragment(fragment: Fragment): Buffer {
	return gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), Buffer.from(JSON.stringify(fragment), 'utf8')]));
}

/** Moves the text of every fragment under DIR/pagefind into blocks; returns what it did. */
export function splitSiteFragments(siteDir: string): string[] {
	const dir = join(siteDir, 'pagefind');
	const entryPath = join(dir, 'pagefind-entry.json');
	if (!existsSync(entryPath)) throw new UsageError(`${entryPath} is missing: run pagefind --site ${siteDir} first`);
	const { version } = JSON.parse(readFileSync(entryPath, 'utf8')) as { version: string };
	if (!KNOWN_VERSIONS.test(version)) {
		// The search UI reads a fragment whose text is still in it as it always did.
		return [`Pagefind ${version} is not a version this code knows (${KNOWN_VERSIONS.source}): its fragments are left as they are`];
	}
	const fragmentDir = join(dir, 'fragment');
	const textDir = join(dir, 'text');
	mkdirSync(textDir, { recursive: true });
	const names = new Set<string>();
	let moved = 0;
	let blocks = 0;
	for (const file of readdirSync(fragmentDir)) {
		if (!file.endsWith('.pf_fragment')) continue;
		const name = file.slice(0, -'.pf_fragment'.length);
		names.add(name);
		const path = join(fragmentDir, file);
		const fragment = readFragment(readFileSync(path), path);
		// A fragment kept from an earlier build already had its text moved, and its blocks are there.
		if (fragment.tz_text) continue;
		const split = splitFragment(fragment);
		split.blocks.forEach((words, k) => writeFileSync(join(dir, textBlockPath(name, k)), JSON.stringify(words)));
		writeFileSync(path, writeFragment(split.fragment));
		moved++;
		blocks += split.blocks.length;
	}
	// Blocks of fragments Pagefind no longer wrote (pages changed or gone) go.
	let removed = 0;
	for (const file of readdirSync(textDir)) {
		const name = file.replace(/\.\d+\.json$/, '');
		if (!names.has(name)) {
			rmSync(join(textDir, file));
			removed++;
		}
	}
	return [
		`${moved.toLocaleString('en-US')} fragments' text moved into ${blocks.toLocaleString('en-US')} blocks` +
			(removed ? `; ${removed.toLocaleString('en-US')} stale blocks removed` : ''),
	];
}
