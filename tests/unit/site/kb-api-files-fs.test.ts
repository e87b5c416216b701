import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as devalue from 'devalue';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kbDocumentText } from '../../../src/lib/api.ts';
import { storedKbEntries, writeKbApiFiles, type KbApiBuild } from '../../../src/lib/kb-api-files-fs.ts';
import { markdownToHtmlRust } from '../../../src/lib/markdown-html.ts';

const origins = { site: 'https://staff.example.com', public: 'https://help.example.com' };
const article = (id: string, audience: 'public' | 'internal', status: string, body: string) => ({
	id: `kb/${id}`,
	data: {
		id,
		title: `Title of ${id}`,
		summary: 'Summary.',
		severity: 'low',
		affectedVersions: ['*'],
		category: 'cli',
		tags: ['install'],
		status,
		updated: new Date('2026-03-02'),
		related: [],
		audience,
	},
	body,
	filePath: `content/kb/${id}.md`,
	digest: 'd',
});

let dir: string;
let build: KbApiBuild;
/** Writes a content store as Astro does: a Map of collections, each a Map of entries, through devalue. */
function writeStore(entries: ReturnType<typeof article>[]) {
	const store = new Map([['kb', new Map(entries.map((e) => [e.id, e]))], ['faq', new Map()]]);
	writeFileSync(build.storeFile, devalue.stringify(store));
}
const apiDir = () => join(build.outDir, 'api/kb');

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-kb-api-'));
	mkdirSync(join(dir, 'root/src/lib'), { recursive: true });
	writeFileSync(join(dir, 'root/src/lib/a.ts'), 'export {};');
	build = { root: join(dir, 'root'), storeFile: join(dir, 'store.json'), outDir: join(dir, 'dist'), keysFile: join(dir, 'cache/keys.json'), edition: 'public', origins };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeKbApiFiles', () => {
	it("writes each article of the edition's pages, as the dev server serves it, and no draft or internal one", async () => {
		const body = '## Fix\n\nSee KB-0002 and [the docs](/kb/).';
		writeStore([article('KB-0001', 'public', 'published', body), article('KB-0002', 'public', 'archived', 'x'), article('KB-0003', 'internal', 'published', 'x'), article('KB-0004', 'public', 'draft', 'x')]);
		expect(await writeKbApiFiles(build)).toEqual({ written: 2, kept: 0, removed: 0 });
		expect(readdirSync(apiDir()).sort()).toEqual(['KB-0001.json', 'KB-0002.json']);
		const [entry] = storedKbEntries(build.storeFile);
		expect(readFileSync(join(apiDir(), 'KB-0001.json'), 'utf8')).toBe(await kbDocumentText(entry!.data, body, origins, markdownToHtmlRust));
		const doc = JSON.parse(readFileSync(join(apiDir(), 'KB-0001.json'), 'utf8'));
		expect(doc.updated).toBe('2026-03-02');
		expect(doc.sections[0].html).toContain('href="https://staff.example.com/kb/"');
		expect(doc.sections[0].html).toContain('href="https://staff.example.com/kb/KB-0002/"');
	});

	it('the internal edition writes internal articles too', async () => {
		writeStore([article('KB-0003', 'internal', 'published', 'x')]);
		expect(await writeKbApiFiles({ ...build, edition: 'internal' })).toEqual({ written: 1, kept: 0, removed: 0 });
	});

	it('leaves an unchanged file as it is, writes a changed one again and removes one no article has', async () => {
		writeStore([article('KB-0001', 'public', 'published', 'one'), article('KB-0002', 'public', 'published', 'two')]);
		await writeKbApiFiles(build);
		const old = new Date('2026-01-01');
		for (const name of readdirSync(apiDir())) utimesSync(join(apiDir(), name), old, old);
		writeFileSync(join(apiDir(), 'KB-0009.json'), '{}');
		writeStore([article('KB-0001', 'public', 'published', 'one'), article('KB-0002', 'public', 'published', 'two, edited')]);
		expect(await writeKbApiFiles(build)).toEqual({ written: 1, kept: 1, removed: 1 });
		expect(statSync(join(apiDir(), 'KB-0001.json')).mtime).toEqual(old);
		expect(readFileSync(join(apiDir(), 'KB-0002.json'), 'utf8')).toContain('two, edited');
		expect(readdirSync(apiDir()).sort()).toEqual(['KB-0001.json', 'KB-0002.json']);
	});

	it('writes every file again when the code, the origins or the output changed, or the keys are lost', async () => {
		writeStore([article('KB-0001', 'public', 'published', 'one')]);
		await writeKbApiFiles(build);
		expect(await writeKbApiFiles(build)).toMatchObject({ written: 0, kept: 1 });
		writeFileSync(join(dir, 'root/src/lib/a.ts'), 'export const changed = 1;');
		expect(await writeKbApiFiles(build)).toMatchObject({ written: 1, kept: 0 });
		expect(await writeKbApiFiles({ ...build, origins: { ...origins, public: 'https://other.example.com' } })).toMatchObject({ written: 1 });
		rmSync(join(apiDir(), 'KB-0001.json'));
		expect(await writeKbApiFiles({ ...build, origins: { ...origins, public: 'https://other.example.com' } })).toMatchObject({ written: 1 });
		rmSync(build.keysFile);
		expect(await writeKbApiFiles({ ...build, origins: { ...origins, public: 'https://other.example.com' } })).toMatchObject({ written: 1, kept: 0 });
	});
});

describe('writeKbApiFiles with no article', () => {
	it('makes no folder, and removes the one an earlier build left', async () => {
		writeStore([]);
		expect(await writeKbApiFiles(build)).toEqual({ written: 0, kept: 0, removed: 0 });
		expect(existsSync(apiDir())).toBe(false);
		mkdirSync(apiDir(), { recursive: true });
		writeFileSync(join(apiDir(), 'KB-0001.json'), '{}');
		expect(await writeKbApiFiles(build)).toEqual({ written: 0, kept: 0, removed: 1 });
		expect(existsSync(apiDir())).toBe(false);
	});
});
