/**
 * A hash of the code a build cache's contents were made by, so contents made by other code are
 * not reused: the content check's records (src/lib/content-check-cache-fs.ts) and the KB API's
 * files (src/lib/kb-api-files-fs.ts) each keep one beside what they keep.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative, sep } from 'node:path';

/** A file itself, or every `.ts` file below a folder (with `/`, sorted); nothing when it is missing. */
function sources(path: string): { name: string; file: string }[] {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [{ name: basename(path), file: path }];
	return readdirSync(path, { withFileTypes: true, recursive: true })
		.filter((d) => d.isFile() && d.name.endsWith('.ts'))
		.map((d) => ({ name: relative(path, join(d.parentPath, d.name)).split(sep).join('/'), file: join(d.parentPath, d.name) }))
		.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The hash of `paths` (files, and folders' `.ts` sources at any depth) and of the installed
 * versions of `packages`: any change to one of them changes it.
 */
export function codeFingerprint(paths: readonly string[], packages: readonly string[] = []): string {
	const hash = createHash('sha256');
	// Names relative to each path, so the same code in another checkout gives the same hash.
	for (const path of paths) {
		for (const { name, file } of sources(path)) hash.update(`${name}\0`).update(readFileSync(file)).update('\0');
		hash.update('\0');
	}
	const require = createRequire(import.meta.url);
	for (const name of packages) {
		const version = (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
		hash.update(`${name}@${version}\0`);
	}
	return hash.digest('base64url');
}
