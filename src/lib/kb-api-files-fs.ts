/**
 * Writes `/api/kb/<ID>.json` for every KB article with a page, in one pass over the content
 * store after `astro build` has written the pages (src/integrations/kb-api.ts says why), reusing
 * the files of the last build that nothing changed (src/lib/kb-api-files.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as devalue from 'devalue';
import { kbDocumentText, type KbSource, type Origins } from './api.ts';
import { codeFingerprint } from './code-fingerprint-fs.ts';
import { hasPage, type Edition } from './edition.ts';
import { KB_API_FOLDER, kbApiFileName, kbApiKey, planKbApiFiles } from './kb-api-files.ts';
import { markdownToHtmlFor } from './markdown-html.ts';

/** A KB entry as Astro's content store holds it: the fields as the schema gave them, and the body. */
interface StoredEntry {
	data: KbSource;
	body?: string;
	filePath?: string;
}

/** The KB entries of Astro's content store file (`data-store.json` in its cacheDir). */
export function storedKbEntries(storeFile: string): StoredEntry[] {
	// Astro writes the store with devalue (astro/dist/content/mutable-data-store.js) and reads it with unflatten.
	const store = devalue.unflatten(JSON.parse(readFileSync(storeFile, 'utf8'))) as Map<string, Map<string, StoredEntry>>;
	return [...(store.get('kb')?.values() ?? [])];
}

/**
 * What stands for the code that renders the files: the project's library code and the lock
 * file of the installed packages (the Markdown processors). Any change there writes every file
 * again, as Astro's incremental build renders a route again when its code changes.
 */
export const kbApiCodeFingerprint = (root: string): string =>
	codeFingerprint([join(root, 'src', 'lib'), join(root, 'package-lock.json')]);

export interface KbApiBuild {
	/** The project's root (for the code digest). */
	root: string;
	/** Astro's content store file. */
	storeFile: string;
	outDir: string;
	/** Where the keys of the last build's files are kept (in the build's cacheDir). */
	keysFile: string;
	edition: Edition;
	origins: Origins;
}

export interface KbApiResult {
	written: number;
	kept: number;
	removed: number;
}

/** How many articles are rendered at once (one at a time measured slower, 12.9 s of CPU against 12.3 s at 10,000). */
const BATCH = 32;

function readKeys(file: string): Record<string, string> {
	try {
		const keys = JSON.parse(readFileSync(file, 'utf8'));
		return keys && typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
	} catch {
		return {};
	}
}

/** Writes, keeps and removes the files of KB_API_FOLDER for this build; says how many of each. */
export async function writeKbApiFiles(build: KbApiBuild): Promise<KbApiResult> {
	const digest = kbApiCodeFingerprint(build.root);
	const entries = storedKbEntries(build.storeFile).filter((e) => hasPage(build.edition, e.data));
	const wanted = new Map(entries.map((e) => [e.data.id, kbApiKey(digest, build.origins, e.filePath ?? '', e.data, e.body ?? '')]));
	const dir = join(build.outDir, KB_API_FOLDER);
	const present = new Set(existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : []);
	const plan = planKbApiFiles(wanted, readKeys(build.keysFile), present);
	// The keys go before any file changes: a build stopped halfway leaves no keys, and the next writes every file.
	rmSync(build.keysFile, { force: true });
	const toWrite = new Set(plan.write);
	const pending = entries.filter((e) => toWrite.has(e.data.id));
	// No folder for a knowledge base with no article, as a build from scratch would have none.
	if (pending.length > 0) mkdirSync(dir, { recursive: true });
	for (let i = 0; i < pending.length; i += BATCH) {
		await Promise.all(
			pending.slice(i, i + BATCH).map(async (e) => {
				const text = await kbDocumentText(e.data, e.body ?? '', build.origins, markdownToHtmlFor(e.filePath));
				// Written synchronously: through the thread pool, each file's open, write and close
				// go to a thread and back, about 1 s more CPU over 10,000 files (measured, 4 runs each).
				writeFileSync(join(dir, kbApiFileName(e.data.id)), text);
			}),
		);
	}
	for (const name of plan.remove) rmSync(join(dir, name), { force: true });
	if (wanted.size === 0) rmSync(dir, { recursive: true, force: true });
	mkdirSync(dirname(build.keysFile), { recursive: true });
	writeFileSync(build.keysFile, JSON.stringify(Object.fromEntries(wanted)));
	return { written: plan.write.length, kept: plan.keep.length, removed: plan.remove.length };
}
