/**
 * Builds the site from a throw-away copy of a content tree, the way CI builds it from content/,
 * and gives back the exit code and the build's text output without colours.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';

/** Time a test that builds may take, waiting for other builds included (vitest's default is 5 s). */
export const BUILD_TIMEOUT = 300_000;

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BASE = fileURLToPath(new URL('../fixtures/base/', import.meta.url));
// Astro writes generated types and prerender chunks to <root>/.astro/ whatever the outDir, so two
// builds of this repository must not overlap; the machines also have only two cores.
const LOCK = join(tmpdir(), 'tierzero-build-tests.lock');

export interface Tree {
	/** The temporary directory holding content/, dist/ and cache/. */
	dir: string;
	/** Absolute path of the copied content tree. */
	content: string;
	/** The content tree as the build names its files: relative to the repository root. */
	shown: string;
	read(path: string): string;
	write(path: string, text: string): void;
	/** Replaces `from` (which must occur) in a content file. */
	edit(path: string, from: string | RegExp, to: string): void;
	remove(): void;
}

/** A fresh copy of tests/build/fixtures/base in a temporary directory. */
export function baseTree(): Tree {
	const dir = mkdtempSync(join(tmpdir(), 'tierzero-build-'));
	const content = join(dir, 'content');
	cpSync(BASE, content, { recursive: true });
	const at = (path: string) => join(content, path);
	const tree: Tree = {
		dir,
		content,
		shown: relative(ROOT, content),
		read: (path) => readFileSync(at(path), 'utf8'),
		write: (path, text) => {
			mkdirSync(join(at(path), '..'), { recursive: true });
			writeFileSync(at(path), text);
		},
		edit: (path, from, to) => {
			const before = tree.read(path);
			const after = before.replace(from, to);
			if (after === before) throw new Error(`${path}: "${String(from)}" not found`);
			writeFileSync(at(path), after);
		},
		remove: () => rmSync(dir, { recursive: true, force: true }),
	};
	return tree;
}

/**
 * Adds KB-0099 to a tree: a copy of the CLI's command-not-found article marked internal, the known
 * issue only staff may see (and that no public page may name).
 */
export function addInternalKbArticle(tree: Tree): void {
	tree.write(
		'kb/cli/known-issue.mdx',
		tree
			.read('kb/cli/command-not-found.mdx')
			.replace(/^id: KB-\d{4}$/m, 'id: KB-0099')
			.replace(/^title: .*$/m, 'title: Known issue with the installer on ARM\naudience: internal'),
	);
}

export interface BuildResult {
	status: number | null;
	/** stdout and stderr together, ANSI colour codes removed. */
	output: string;
	/** Where the site was written. */
	dist: string;
	/** The build's cache folder (Astro's cacheDir), which the steps after it use too. */
	cache: string;
	seconds: number;
}

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

async function withLock<T>(run: () => Promise<T>): Promise<T> {
	for (;;) {
		try {
			mkdirSync(LOCK);
			writeFileSync(join(LOCK, 'pid'), String(process.pid));
			break;
		} catch {
			// Take over the lock of a test process that died while building.
			let holder = Number.NaN;
			try {
				holder = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
			} catch {}
			if (Number.isInteger(holder) && !isAlive(holder))
				rmSync(LOCK, { recursive: true, force: true });
			else await sleep(250);
		}
	}
	try {
		return await run();
	} finally {
		rmSync(LOCK, { recursive: true, force: true });
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

// vitest puts its own mode into process.env; Astro would read DEV=1 and PROD='' from there and
// build drafts as in `astro dev`.
const VITEST_ENV = new Set([
	'NODE_ENV',
	'TEST',
	'MODE',
	'DEV',
	'PROD',
	'SSR',
	'BASE_URL',
	'FORCE_TTY',
]);

/** The environment without what vitest adds, so the build runs as `npm run build` does in CI. */
function cleanEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(([k]) => !VITEST_ENV.has(k) && !k.startsWith('VITEST')),
	);
}

/** A command of the build, under the Node of node_modules from the repository root; its exit code and output. */
function runStep(args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; output: string }> {
	return new Promise((resolve, reject) => {
		// Node 24 from node_modules: a bin's shebang would pick the Node 20 on PATH.
		const child = spawn(join(ROOT, 'node_modules/.bin/node'), args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('close', (status) => resolve({ status, output: stripAnsi(output) }));
	});
}

/**
 * `astro build` of the tree's content into the tree's own dist/ (dist-internal/ for the internal
 * edition) and cache/, one build at a time.
 */
export function build(tree: Tree, edition: 'public' | 'internal' = 'public'): Promise<BuildResult> {
	const dist = join(tree.dir, edition === 'internal' ? 'dist-internal' : 'dist');
	const cache = join(tree.dir, 'cache');
	return withLock(async () => {
		const started = performance.now();
		const { status, output } = await runStep([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
			...cleanEnv(),
			TIERZERO_CONTENT_DIR: tree.content,
			TIERZERO_OUT_DIR: dist,
			TIERZERO_CACHE_DIR: cache,
			TIERZERO_EDITION: edition,
			ASTRO_TELEMETRY_DISABLED: '1',
			// As on a machine with no configuration: site.config.ts leaves the URL empty.
			TIERZERO_SITE: '',
		});
		return { status, output, dist, cache, seconds: Math.round((performance.now() - started) / 100) / 10 };
	});
}

/** Every file below `dir` as text, relative path first; gzipped files (Pagefind's index) unpacked. */
export function filesAsText(dir: string): [string, string][] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((d) => d.isFile())
		.map((d) => {
			const path = join(d.parentPath, d.name);
			const bytes = readFileSync(path);
			const unpacked = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
			return [relative(dir, path), unpacked.toString('latin1')] as [string, string];
		});
}

/**
 * Indexes a built site for search as `npm run build` does after `astro build`: Pagefind
 * (scripts/pagefind.ts, incremental when the cache holds an earlier index), then the step after it (its index re-cut, the fragments' text moved into blocks, the common words
 * listed) with the build's own cache folder, so a test sees every file the build ships.
 */
export async function indexSearch(built: Pick<BuildResult, 'dist' | 'cache'>): Promise<{ status: number | null; output: string }> {
	const env = { ...cleanEnv(), TIERZERO_CACHE_DIR: built.cache };
	const pagefind = await runStep([join(ROOT, 'scripts/pagefind.ts'), built.dist], env);
	if (pagefind.status !== 0) return pagefind;
	const after = await runStep([join(ROOT, 'scripts/after-pagefind.ts'), built.dist], env);
	return { status: after.status, output: `${pagefind.output}${after.output}` };
}
