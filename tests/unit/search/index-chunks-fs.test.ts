import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rechunkSite } from '../../../src/lib/search/index-chunks-fs.ts';
import { parseMetadata } from '../../../src/lib/search/index-chunks.ts';

let dir: string;
/** A site folder holding only a Pagefind index as `pagefind --site` leaves it. */
let pristine: string;
/** The same site after one page was edited, as Pagefind leaves it. */
let edited: string;

/** Pagefind's index of 150 pages of random words; `edit` adds words to page 7. */
async function pagefindSite(outputPath: string, edit = '') {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
	let seed = 11;
	const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const vocabulary = Array.from({ length: 1500 }, (_, i) => `w${Math.floor(random() * 1e6).toString(36)}${i}`);
	for (let page = 0; page < 150; page++) {
		const words = Array.from({ length: 100 }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]);
		const content = page === 7 ? `${words.join(' ')} ${edit}` : words.join(' ');
		await index.addCustomRecord({ url: `/p${page}/`, content, language: 'en', meta: { title: `Page ${page}` } });
	}
	const written = await index.writeFiles({ outputPath: join(outputPath, 'pagefind') });
	if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
	await index.deleteIndex();
}

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-index-chunks-'));
	pristine = join(dir, 'pristine');
	edited = join(dir, 'edited');
	await pagefindSite(pristine);
	await pagefindSite(edited, 'zebra crossing');
}, 60_000);

afterAll(async () => {
	await pagefind.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Every file of a re-cut index, by path. */
function indexFiles(site: string): Map<string, Buffer> {
	const out = new Map<string, Buffer>();
	const walk = (d: string, prefix: string) => {
		for (const e of readdirSync(d, { withFileTypes: true })) {
			if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
			else out.set(`${prefix}${e.name}`, readFileSync(join(d, e.name)));
		}
	};
	walk(join(site, 'pagefind'), '');
	return out;
}

let runs = 0;
/** Re-cuts a fresh copy of the index, with or without the cache folder. */
function recut(cacheDir?: string): { files: Map<string, Buffer>; line: string } {
	const site = join(dir, `run-${runs++}`);
	cpSync(pristine, site, { recursive: true });
	const [line] = rechunkSite(site, undefined, cacheDir);
	return { files: indexFiles(site), line: line! };
}

describe('rechunkSite with the build cache', () => {
	it('writes the same files as without it, and compresses only what it has not compressed before', () => {
		const cache = join(dir, 'cache');
		const plain = recut();
		const first = recut(cache);
		const second = recut(cache);
		expect(first.files).toEqual(plain.files);
		expect(second.files).toEqual(plain.files);
		const chunks = [...plain.files.keys()].filter((p) => p.startsWith('index/')).length;
		expect(first.line).toMatch(/re-cut into \d+ of about/);
		expect(first.line).toContain('0 of them unchanged since the last build');
		expect(second.line).toContain(`${chunks} of them unchanged since the last build`);
	});

	it('compresses again a kept file that does not hold what it should, and keeps only what the last run used', () => {
		const cache = join(dir, 'cache-damaged');
		const plain = recut();
		recut(cache);
		const [kept] = readdirSync(join(cache, 'tierzero')).filter((n) => n.startsWith('index-chunks-'));
		const folder = join(cache, 'tierzero', kept!);
		const names = readdirSync(folder);
		const damaged = names[0]!;
		const bytes = readFileSync(join(folder, damaged));
		// The last byte of the CRC-32 in the gzip trailer.
		bytes.writeUInt8(bytes.readUInt8(bytes.length - 5) ^ 0xff, bytes.length - 5);
		writeFileSync(join(folder, damaged), bytes);
		writeFileSync(join(folder, 'left-over'), 'from an older index');
		const run = recut(cache);
		expect(run.files).toEqual(plain.files);
		expect(run.line).toContain(`${names.length - 1} of them unchanged since the last build`);
		expect(readdirSync(folder).sort()).toEqual([...names].sort());
	});
});

describe('rechunkSite keeping names', () => {
	/** The chunk files of a site's index folder, by name. */
	const chunkFiles = (site: string) => new Map([...indexFiles(site)].filter(([p]) => p.startsWith('index/')));
	/** The chunk names its metadata lists. */
	const listed = (site: string) =>
		[...indexFiles(site).entries()]
			.filter(([p]) => p.endsWith('.pf_meta'))
			.flatMap(([p, file]) => parseMetadata(file, p).ranges.map(([, , hash]) => `index/${hash}.pf_index`))
			.sort();
	/** What Pagefind leaves when it runs again over a built site: its own files beside the last build's. */
	const pagefindAgain = (from: string, site: string) => {
		for (const f of readdirSync(join(site, 'pagefind'))) if (f.endsWith('.pf_meta')) rmSync(join(site, 'pagefind', f));
		cpSync(from, site, { recursive: true });
	};

	it('keeps the name and file of every chunk whose bytes it named before, and renames only the changed ones', () => {
		const site = join(dir, 'kept');
		const cache = join(dir, 'cache-kept');
		cpSync(pristine, site, { recursive: true });
		rechunkSite(site, undefined, cache);
		const first = chunkFiles(site);
		expect([...first.keys()].sort()).toEqual(listed(site));

		// Pagefind runs again over the same pages: every chunk keeps its name, nothing is written.
		const old = new Date(Date.now() - 3_600_000);
		for (const name of first.keys()) utimesSync(join(site, 'pagefind', name), old, old);
		pagefindAgain(pristine, site);
		const [again] = rechunkSite(site, undefined, cache);
		expect(again).toContain(`(${first.size} keep their names and files)`);
		expect(chunkFiles(site)).toEqual(first);
		expect([...chunkFiles(site).keys()].sort()).toEqual(listed(site));
		for (const name of first.keys()) expect(statSync(join(site, 'pagefind', name)).mtimeMs).toBe(old.getTime());

		// One page edited: the chunks of its new words change, the others keep their names.
		pagefindAgain(edited, site);
		rechunkSite(site, undefined, cache);
		const after = chunkFiles(site);
		expect([...after.keys()].sort()).toEqual(listed(site));
		const keptNames = [...after.keys()].filter((name) => first.has(name));
		expect(keptNames.length).toBeGreaterThan(0);
		expect(keptNames.length).toBeLessThan(after.size);
		for (const name of keptNames) expect(after.get(name)).toEqual(first.get(name));
		// The same chunks, byte for byte, as a re-cut of the edited site from scratch writes.
		const scratch = join(dir, 'scratch-edited');
		cpSync(edited, scratch, { recursive: true });
		rechunkSite(scratch);
		const contents = (files: Map<string, Buffer>) => [...files.values()].map((b) => b.toString('base64')).sort();
		expect(contents(after)).toEqual(contents(chunkFiles(scratch)));
	});

	it('after a Pagefind version it does not know, removes the chunks no metadata lists', () => {
		const site = join(dir, 'unknown');
		cpSync(pristine, site, { recursive: true });
		rechunkSite(site, undefined, join(dir, 'cache-unknown'));
		pagefindAgain(pristine, site);
		const entryPath = join(site, 'pagefind', 'pagefind-entry.json');
		writeFileSync(entryPath, JSON.stringify({ ...JSON.parse(readFileSync(entryPath, 'utf8')), version: '2.0.0' }));
		const lines = rechunkSite(site, undefined, join(dir, 'cache-unknown'));
		expect(lines[0]).toMatch(/^Pagefind 2\.0\.0 is not a version this code knows/);
		expect(lines[1]).toMatch(/^\d+ index chunks of earlier builds removed$/);
		expect([...chunkFiles(site).keys()].sort()).toEqual(listed(site));
	});
});
