import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MIN_CHUNK_UNITS, parseChunk, parseMetadata, wordUnits } from '../../src/lib/search/index-chunks.ts';
import { siteDir } from '../e2e/support/server.ts';

// Reads the built index in dist/: `npm run build` re-cuts Pagefind's chunks
// (src/lib/search/index-chunks.ts). Whether search still answers is every browser search test.

it.each(['public', 'internal'] as const)('the %s edition’s index is cut small, and every word sits within its chunk’s bounds', (edition) => {
	const dir = join(siteDir(edition), 'pagefind');
	const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string }> };
	const [language] = Object.values(entry.languages);
	const metaPath = join(dir, `pagefind.${language!.hash}.pf_meta`);
	const { ranges } = parseMetadata(readFileSync(metaPath), metaPath);
	// Only the chunks the metadata lists are left: no stale chunk from Pagefind's own cut.
	expect(readdirSync(join(dir, 'index')).sort()).toEqual(ranges.map(([, , hash]) => `${hash}.pf_index`).sort());
	let largest = 0;
	for (const [from, to, hash] of ranges) {
		const words = parseChunk(readFileSync(join(dir, 'index', `${hash}.pf_index`)), hash);
		const units = words.reduce((sum, word) => sum + wordUnits(word), 0);
		largest = Math.max(largest, units);
		for (const [word] of words) {
			// Pagefind's search code compares UTF-8 bytes.
			expect(Buffer.compare(Buffer.from(word), Buffer.from(from)), word).toBeGreaterThanOrEqual(0);
			expect(Buffer.compare(Buffer.from(word), Buffer.from(to)), word).toBeLessThanOrEqual(0);
		}
	}
	// Pagefind's own chunks hold about 20,000 units; on the starter site ours stay near the floor.
	expect(ranges.length).toBeGreaterThan(5);
	expect(largest).toBeLessThan(4 * MIN_CHUNK_UNITS);
});
