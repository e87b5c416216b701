/**
 * The scratch Starlight project of the side-by-side benchmark: installed into `.bench/peers/`
 * (git-ignored, never a dependency of this project) and filled with the generated corpus.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { setAside } from './site-fs.ts';
import { listEntryFiles, loadCategories } from '../../../src/lib/content-fs.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import {
	STARLIGHT_CONTENT_CONFIG,
	STARLIGHT_VERSION,
	starlightAstroConfig,
	starlightDoc,
	starlightHref,
	starlightPackageJson,
	type SidebarLink,
} from './peer.ts';

/**
 * Installs the pinned Starlight with `npm install` into `<benchDir>/peers/starlight-<version>/`,
 * once: a later run finds the same package.json and installed tree and reuses it.
 */
export function installStarlight(benchDir: string, versions: { astro: string; pagefind: string }): string {
	const dir = join(benchDir, 'peers', `starlight-${STARLIGHT_VERSION}`);
	const pkg = starlightPackageJson(versions);
	const pkgFile = join(dir, 'package.json');
	const installed = join(dir, 'node_modules', '@astrojs', 'starlight', 'package.json');
	if (existsSync(pkgFile) && readFileSync(pkgFile, 'utf8') === pkg && existsSync(installed)) return dir;
	mkdirSync(dir, { recursive: true });
	writeFileSync(pkgFile, pkg);
	console.log(`bench: installing Starlight ${STARLIGHT_VERSION} (astro ${versions.astro}, pagefind ${versions.pagefind}) into ${dir}`);
	// npm on PATH is the one that runs this script (npm run puts it there).
	const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: dir,
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	if (r.status !== 0 || !existsSync(installed))
		throw new Error(`npm install of Starlight ${STARLIGHT_VERSION} in ${dir} failed (exit ${r.status})`);
	return dir;
}

/** A written Starlight docs tree: where the edited article lives, and the titles for the query. */
export interface StarlightTree {
	/** Path of one article's docs file, relative to the project root. */
	docFile(kbFile: string): string;
	titles: string[];
}

/**
 * Writes the generated corpus's KB articles into the Starlight project as docs pages
 * (`src/content/docs/kb/<category>/<file>`, the same extension), a home page and the config with
 * its short sidebar: one link per category, to the category's first article.
 */
export function writeStarlightSite(projectDir: string, contentDir: string, benchDir: string): StarlightTree {
	const docsDir = join(projectDir, 'src', 'content', 'docs');
	setAside(join(projectDir, 'src'), benchDir);
	mkdirSync(docsDir, { recursive: true });
	writeFileSync(join(projectDir, 'src', 'content.config.ts'), STARLIGHT_CONTENT_CONFIG);
	const kbDir = join(contentDir, 'kb');
	const files = listEntryFiles(kbDir).sort();
	const firstOfCategory = new Map<string, string>();
	const titles: string[] = [];
	for (const file of files) {
		const rel = relative(kbDir, file).split(sep).join('/');
		const source = readFileSync(file, 'utf8');
		const doc = starlightDoc(source);
		const target = join(docsDir, 'kb', rel);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, doc);
		titles.push(String(splitFrontmatter(source).data.title));
		const category = rel.split('/')[0]!;
		if (!firstOfCategory.has(category)) firstOfCategory.set(category, starlightHref(`kb/${rel}`));
	}
	const { categories } = loadCategories(contentDir);
	const order = new Map((categories ?? []).map((c) => [c.slug, c] as const));
	const sidebar: SidebarLink[] = [...firstOfCategory]
		.sort(([a], [b]) => (order.get(a)?.order ?? 0) - (order.get(b)?.order ?? 0) || a.localeCompare(b))
		.map(([slug, link]) => ({ label: order.get(slug)?.name ?? slug, link }));
	writeFileSync(
		join(docsDir, 'index.md'),
		`---\ntitle: Help center\ndescription: ${files.length} knowledge base articles.\n---\n\n` +
			sidebar.map((s) => `- [${s.label}](${s.link})`).join('\n') +
			'\n',
	);
	writeFileSync(join(projectDir, 'astro.config.mjs'), starlightAstroConfig(sidebar));
	return {
		docFile: (kbFile) => join('src', 'content', 'docs', 'kb', relative(kbDir, kbFile)),
		titles,
	};
}
