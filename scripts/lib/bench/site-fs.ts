/**
 * The file-system side of the build benchmarks: the copy of the site's code a benchmark builds
 * from, the tools' entry points, and sizes of what a build wrote.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/**
 * Where {@link setAside} moves what a measured build must not find: `<benchDir>/trash`.
 *
 * Why not delete it: on ext4 without a journal (this machine's root file system), creating a
 * file or folder skips every inode deleted in the last 60 to 360 seconds, and the check reads the
 * inode table for each one (ext4's `recently_deleted`, seen at the top of a kernel profile of a
 * cold build). Right after the previous run's 100,000 files are deleted, a build's every new
 * file costs about four times the kernel time: 10,000 folders and 20,000 files took 8.4 to 8.7 s
 * of system time after such a delete against 2.0 s without one. The build that writes the most
 * files pays the most, by an amount that depends on how long ago the delete was: a figure of
 * the benchmark, not of the build. A rename deletes nothing; {@link emptyTrash} deletes it all
 * once the last build of the run is measured.
 */
const trashDir = (benchDir: string) => join(benchDir, 'trash');

/** Moves `path`, when it exists, into the benchmark's trash (a rename: nothing is deleted yet). */
export function setAside(path: string, benchDir: string): void {
	if (!existsSync(path)) return;
	const trash = trashDir(benchDir);
	mkdirSync(trash, { recursive: true });
	renameSync(path, join(trash, `${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${basename(path)}`));
}

/**
 * Deletes what {@link setAside} moved aside, in this run or one that stopped before its end;
 * true when there was any.
 */
export function emptyTrash(benchDir: string): boolean {
	const trash = trashDir(benchDir);
	if (!existsSync(trash)) return false;
	rmSync(trash, { recursive: true, force: true });
	return true;
}

/** Total bytes of the files below a directory. */
export function dirBytes(dir: string): number {
	let total = 0;
	for (const name of readdirSync(dir)) {
		const p = join(dir, name);
		const st = statSync(p);
		total += st.isDirectory() ? dirBytes(p) : st.size;
	}
	return total;
}

/** Astro's CLI entry in a project's node_modules, from its package.json, to run under this Node. */
export function astroBin(projectRoot: string): string {
	const pkg = join(projectRoot, 'node_modules', 'astro', 'package.json');
	const bin = (JSON.parse(readFileSync(pkg, 'utf8')) as { bin: string | Record<string, string> }).bin;
	return resolve(pkg, '..', typeof bin === 'string' ? bin : bin.astro!);
}

/** The installed version of a package in a project (read directly: not every package exports its package.json). */
export function installedVersion(projectRoot: string, pkg: string): string {
	return (JSON.parse(readFileSync(join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
		.version;
}

/**
 * Environment of a benchmark's Tier Zero build: its content, output and cache folders (kept apart
 * from the repository's own), no telemetry, no colours in the logs the figures are read from.
 */
export function buildEnv(dirs: { content: string; out: string; cache: string }, siteUrl?: string): NodeJS.ProcessEnv {
	return {
		...process.env,
		ASTRO_TELEMETRY_DISABLED: '1',
		NO_COLOR: '1',
		TIERZERO_CONTENT_DIR: dirs.content,
		TIERZERO_OUT_DIR: dirs.out,
		TIERZERO_CACHE_DIR: dirs.cache,
		// Lighthouse's SEO audit reads the canonical URL: it must name the origin being audited.
		...(siteUrl ? { TIERZERO_SITE: siteUrl } : {}),
	};
}

// Top-level entries the site build does not read; everything else is copied into the build root.
const NOT_SITE = new Set([
	'.git',
	'.bench',
	'.astro',
	'node_modules',
	'dist',
	'dist-internal',
	'content',
	'tests',
	'reports',
	'data',
	'test-results',
]);

/**
 * A copy of the site's code (src, public, configs; node_modules linked) to build from, at
 * `<benchDir>/site`. Astro writes `.astro/` (types and the content-module map that rendering
 * reads) under its root, and the root cannot be pointed elsewhere by config; building in a copy
 * keeps the repository's shared `.astro/` untouched, so a build someone else runs meanwhile is
 * never handed this benchmark's 5,000-entry module map. It also keeps the code the same for
 * every site of a run.
 */
export function prepareSiteRoot(root: string, benchDir: string): string {
	const dir = join(benchDir, 'site');
	setAside(dir, benchDir);
	mkdirSync(dir, { recursive: true });
	for (const name of readdirSync(root)) {
		if (NOT_SITE.has(name) || name.endsWith('.log')) continue;
		cpSync(join(root, name), join(dir, name), { recursive: true });
	}
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}
