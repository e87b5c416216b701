import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, baseTree, build, type BuildResult, type Tree } from './support/build.ts';

// Astro's incremental build reuses a page from the last build when its cache key
// (src/lib/page-cache-key.ts) and code are unchanged, and says so in its log: `(cached)` when
// the page is still in the output folder (kept between builds), `(restored)` when copied back.
const restored = (r: BuildResult) =>
	new Set([...r.output.matchAll(/├─ (\S+) \((?:cached|restored)\)/g)].map((m) => m[1]!));
// The build writes /api/kb/ itself after the pages (src/integrations/kb-api.ts) and says how many files it wrote and kept.
const kbApiCounts = (r: BuildResult) => {
	const m = /\/api\/kb\/: (\d+) file\(s\) written, (\d+) kept from the last build, (\d+) removed/.exec(r.output);
	return m ? { written: Number(m[1]), kept: Number(m[2]), removed: Number(m[3]) } : undefined;
};

/** Every file below dir, relative to it. */
function files(dir: string, prefix = ''): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? files(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
	);
}

// The edited article is plain Markdown (rendered and cached by the content layer); the others stay MDX.
const MDX = 'kb/webhooks/webhook-retries.mdx';
const ARTICLE = 'kb/webhooks/webhook-retries.md';

function baseTreeWithMarkdown(): Tree {
	const t = baseTree();
	t.write(ARTICLE, t.read(MDX));
	rmSync(join(t.content, MDX));
	return t;
}
const BODY_EDIT = ['Your endpoint receives the same event up to five times.', 'Your endpoint receives the same event up to six times.'] as const;
const TITLE_EDIT = ['title: Webhook deliveries are retried several times', 'title: Webhook deliveries are retried up to five times'] as const;

let tree: Tree;
let clean: Tree;
let cold: BuildResult;
let bodyEdited: BuildResult;
let cleanBuild: BuildResult;
const pagesAfterBodyEdit = new Map<string, string>();

describe('a rebuild after an edit, with the build cache kept', () => {
	beforeAll(async () => {
		tree = baseTreeWithMarkdown();
		cold = await build(tree);
		tree.edit(ARTICLE, ...BODY_EDIT);
		bodyEdited = await build(tree);
		for (const f of files(bodyEdited.dist)) pagesAfterBodyEdit.set(f, readFileSync(join(bodyEdited.dist, f), 'utf8'));
		// The same content built with no cache: what the rebuild must equal.
		clean = baseTreeWithMarkdown();
		clean.edit(ARTICLE, ...BODY_EDIT);
		cleanBuild = await build(clean);
		console.info(`cold ${cold.seconds} s, rebuild ${bodyEdited.seconds} s, clean ${cleanBuild.seconds} s`);
	}, 4 * BUILD_TIMEOUT);
	afterAll(() => {
		tree?.remove();
		clean?.remove();
	});

	it('renders the edited article again and copies the other articles from the last build', () => {
		for (const r of [cold, bodyEdited, cleanBuild]) expect(r.status, r.output).toBe(0);
		expect(restored(cold).size).toBe(0);
		const articles = kbApiCounts(cold)!.written;
		expect(kbApiCounts(cold)).toEqual({ written: articles, kept: 0, removed: 0 });
		const copied = restored(bodyEdited);
		expect(copied).not.toContain('/kb/KB-0002/index.html');
		for (const id of ['KB-0001', 'KB-0003']) expect(copied).toContain(`/kb/${id}/index.html`);
		// The edited article's API file is written again; the others stay as the last build wrote them.
		expect(kbApiCounts(bodyEdited)).toEqual({ written: 1, kept: articles - 1, removed: 0 });
		expect(pagesAfterBodyEdit.get('kb/KB-0002/index.html')).toContain('up to six times');
		expect(pagesAfterBodyEdit.get('api/kb/KB-0002.json')).toContain('up to six times');
		// Lists by category and tag show frontmatter only: a body edit leaves them to be copied.
		expect(copied).toContain('/categories/webhooks/index.html');
		expect(copied).toContain('/tags/install/index.html');
		// An FAQ answer shows other entries' frontmatter only, as an article page does.
		expect(copied).toContain('/faq/cli/how-do-i-install/index.html');
		// The API's lists show no KB body: the list of articles, the FAQ answers and the policy are copied.
		for (const list of ['kb', 'faq', 'policy']) expect(copied).toContain(`/api/${list}.json`);
		expect(copied).toContain('/kb/index.html');
		expect(copied).toContain('/faq/cli/index.html');
	});

	it('gives the same output as a build from scratch, file for file', () => {
		const built = files(cleanBuild.dist);
		expect(built).toContain('kb/KB-0001/index.html');
		expect(built).toContain('api/kb/KB-0002.json');
		expect(built).toContain('tags/install/index.html');
		for (const f of built) expect(pagesAfterBodyEdit.get(f), f).toBe(readFileSync(join(cleanBuild.dist, f), 'utf8'));
		expect([...pagesAfterBodyEdit.keys()].sort()).toEqual([...built].sort());
	});

	it("renders every article again when a title changes, so no page shows another's old title", async () => {
		tree.edit(ARTICLE, ...TITLE_EDIT);
		const retitled = await build(tree);
		expect(retitled.status, retitled.output).toBe(0);
		expect([...restored(retitled)].filter((p) => /^\/(kb|categories|tags|faq)\//.test(p))).toEqual([]);
		const category = readFileSync(join(retitled.dist, 'categories/webhooks/index.html'), 'utf8');
		expect(category).toContain('Webhook deliveries are retried up to five times');
		// KB-0001 lists KB-0002 as related.
		const related = readFileSync(join(retitled.dist, 'kb/KB-0001/index.html'), 'utf8');
		expect(related).toContain('Webhook deliveries are retried up to five times');
		expect(related).not.toContain('Webhook deliveries are retried several times');
	}, BUILD_TIMEOUT);

	it('removes the pages an edit takes away, as a build from scratch would not have them', async () => {
		tree.edit('kb/cli/command-not-found.mdx', 'tags: [install, path]', 'tags: [install]');
		const untagged = await build(tree);
		expect(untagged.status, untagged.output).toBe(0);
		const left = files(untagged.dist);
		expect(left).not.toContain('tags/path/index.html');
		expect(left).toContain('tags/install/index.html');
		expect(untagged.output).toMatch(/removed 1 file\(s\) left over from earlier builds/);
	}, BUILD_TIMEOUT);

	it("renders the API's FAQ list again when an answer changes, and copies the others", async () => {
		tree.edit('faq/cli/how-do-i-install.mdx', 'then open a new shell', 'then open a new terminal');
		const answered = await build(tree);
		expect(answered.status, answered.output).toBe(0);
		const copied = restored(answered);
		expect(copied).not.toContain('/api/faq.json');
		expect(copied).not.toContain('/faq/cli/index.html');
		expect(readFileSync(join(answered.dist, 'faq/cli/index.html'), 'utf8')).toContain('then open a new terminal');
		expect(copied).toContain('/api/kb.json');
		expect(copied).toContain('/api/policy.json');
		const faq = readFileSync(join(answered.dist, 'api/faq.json'), 'utf8');
		expect(faq).toContain('then open a new terminal');
		expect(faq).not.toContain('then open a new shell');
	}, BUILD_TIMEOUT);

	it("removes a deleted article's API file, and writes one for a new article", async () => {
		const NEW = 'kb/webhooks/new-article.md';
		tree.write(NEW, tree.read(ARTICLE).replace(/^id: KB-0002$/m, 'id: KB-0099').replace(/^title: .*$/m, 'title: Webhook signatures can be checked'));
		const added = await build(tree);
		expect(added.status, added.output).toBe(0);
		expect(files(added.dist)).toContain('api/kb/KB-0099.json');
		expect(kbApiCounts(added)).toMatchObject({ written: 1, removed: 0 });
		rmSync(join(tree.content, NEW));
		const deleted = await build(tree);
		expect(deleted.status, deleted.output).toBe(0);
		expect(files(deleted.dist)).not.toContain('api/kb/KB-0099.json');
		expect(kbApiCounts(deleted)).toMatchObject({ written: 0, removed: 1 });
	}, 2 * BUILD_TIMEOUT);
});
