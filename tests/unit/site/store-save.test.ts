import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deferStoreSave, TOUCH_KEY, type MetaStore } from '../../../src/lib/store-save.ts';

// Astro's own content store, whose save the wrapper is about. It is not among the package's
// exports, so it is loaded by its file; a new Astro that moves it fails here, which is the
// moment to check whether the store still saves 500 ms after its last change.
const { MutableDataStore } = await import(
	new URL('../../../node_modules/astro/dist/content/mutable-data-store.js', import.meta.url).href
);

interface Store {
	metaStore(collection?: string): MetaStore;
	set(collection: string, key: string, value: unknown): void;
	onFileWritten(listener: (path: string) => void): () => void;
	waitUntilSaveComplete(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dirs: string[] = [];
afterEach(() => {
	for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A content sync as Astro runs one (astro/dist/content/content-layer.js): the meta entries
 * change, the loader goes over the files for longer than the store's save delay and changes one
 * entry at the end, then the sync waits for the save. Says how many times the file was written.
 */
async function syncWrites(wrap: boolean): Promise<{ writes: number; file: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'tierzero-store-'));
	dirs.push(dir);
	const file = join(dir, 'data-store.json');
	const store: Store = await MutableDataStore.fromFile(file);
	let writes = 0;
	store.onFileWritten(() => writes++);
	const inner = {
		name: 'glob-loader',
		load: async (_context: { meta: MetaStore }) => {
			await sleep(1200);
			store.set('kb', 'KB-0001', { id: 'KB-0001', body: 'edited' });
		},
	};
	const loader = wrap ? deferStoreSave(inner) : inner;
	store.metaStore().set('astro-version', '7');
	await loader.load({ meta: store.metaStore('kb') });
	await store.waitUntilSaveComplete();
	return { writes, file };
}

describe('deferStoreSave', () => {
	it("writes Astro's store once per sync, with every change in it, where it was written twice", async () => {
		const plain = await syncWrites(false);
		expect(plain.writes).toBe(2);
		const deferred = await syncWrites(true);
		expect(deferred.writes).toBe(1);
		const text = readFileSync(deferred.file, 'utf8');
		expect(text).toContain('edited');
		expect(text).toContain('astro-version');
		expect(text).toContain(TOUCH_KEY);
	});

	it('stops touching the store when the load ends, and passes its failure on', async () => {
		const sets: string[] = [];
		const meta: MetaStore = { set: (key) => void sets.push(key) };
		const failing = deferStoreSave({
			name: 'glob-loader',
			load: async (_context: { meta: MetaStore }) => {
				await sleep(350);
				throw new Error('bad file');
			},
		});
		await expect(failing.load({ meta })).rejects.toThrow('bad file');
		const during = sets.length;
		// The first touch is at once, then every 100 ms.
		expect(during).toBeGreaterThanOrEqual(2);
		expect(new Set(sets)).toEqual(new Set([TOUCH_KEY]));
		await sleep(300);
		expect(sets.length).toBe(during);
	});

	it('keeps the loader as it is otherwise: its name (Astro syncs loaders by name) and its other fields', () => {
		const schema = { kind: 'schema' };
		const wrapped = deferStoreSave({ name: 'glob-loader', schema, load: async () => {} });
		expect(wrapped.name).toBe('glob-loader');
		expect(wrapped.schema).toBe(schema);
	});
});
