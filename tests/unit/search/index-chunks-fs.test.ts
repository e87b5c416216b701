import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rechunkSite } from '../../../src/lib/search/index-chunks-fs.ts';

let dir: string;
/** A site folder holding only a Pagefind index as `pagefind --site` leaves it. */
let pristine: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-index-chunks-'));
	pristine = join(dir, 'pristine');
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
	let seed = 11;
	const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
	const vocabulary = Array.from({ length: 1500 }, (_, i) => `w${Math.floor(random() * 1e6).toString(36)}${i}`);
	for (let page = 0; page < 150; page++) {
		const words = Array.from({ length: 100 }, () => vocabulary[Math.floor(random() ** 2 * vocabulary.length)]);
		await index.addCustomRecord({ url: `/p${page}/`, content: words.join(' '), language: 'en', meta: { title: `Page ${page}` } });
	}
	const written = await index.writeFiles({ outputPath: join(pristine, 'pagefind') });
	if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
	await index.deleteIndex();
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
