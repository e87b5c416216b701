import nodeFs, { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncReplacements, useSyncFsPromises } from '../../../src/lib/sync-fs-promises.ts';
import { syncFileIo } from '../../../src/integrations/sync-file-io.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-sync-fs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const original = nodeFs.promises;
/** The four functions, as a stand-in `fs.promises` whose originals are Node's own. */
const fakePromises = () => ({ readFile: original.readFile, writeFile: original.writeFile, mkdir: original.mkdir, copyFile: original.copyFile });

describe('syncReplacements', () => {
	it('gives what the promise API gives: the same bytes, texts and created folder', async () => {
		const sync = syncReplacements(fakePromises());
		const file = join(dir, 'a.txt');
		await sync.writeFile(file, 'héllo');
		expect(await sync.readFile(file, 'utf8')).toBe(await original.readFile(file, 'utf8'));
		expect(await sync.readFile(pathToFileURL(file), { encoding: 'utf8' })).toBe('héllo');
		await sync.writeFile(pathToFileURL(join(dir, 'b.bin')), new Uint8Array([1, 2, 3]), { mode: 0o600 });
		expect([...(await sync.readFile(join(dir, 'b.bin')))]).toEqual([1, 2, 3]);
		// mkdir gives the first folder it made, as the promise API does, and undefined when there was none to make.
		expect(await original.mkdir(join(dir, 'p/q/r'), { recursive: true })).toBe(join(dir, 'p'));
		expect(await sync.mkdir(join(dir, 'x/y/z'), { recursive: true })).toBe(join(dir, 'x'));
		expect(await sync.mkdir(join(dir, 'x/y/z'), { recursive: true })).toBeUndefined();
		await sync.copyFile(file, join(dir, 'x/y/z/copy.txt'));
		expect(readFileSync(join(dir, 'x/y/z/copy.txt'), 'utf8')).toBe('héllo');
	});

	it('does the work at the call, before the promise is awaited', () => {
		const sync = syncReplacements(fakePromises());
		void sync.mkdir(join(dir, 'now'), { recursive: true });
		void sync.writeFile(join(dir, 'now/file'), 'x');
		expect(readFileSync(join(dir, 'now/file'), 'utf8')).toBe('x');
	});

	it('rejects the promise on failure, with the error the promise API gives, and throws nothing at the call', async () => {
		const sync = syncReplacements(fakePromises());
		const missing = join(dir, 'missing/file');
		let returned: Promise<unknown> | undefined;
		expect(() => {
			returned = sync.readFile(missing);
		}).not.toThrow();
		const [ours, theirs] = await Promise.all([returned!.catch((e) => e), original.readFile(missing).catch((e) => e)]);
		expect(ours).toMatchObject({ code: 'ENOENT', syscall: theirs.syscall, path: missing });
		writeFileSync(join(dir, 'there'), '1');
		await expect(sync.copyFile(join(dir, 'there'), join(dir, 'there'), nodeFs.constants.COPYFILE_EXCL)).rejects.toMatchObject({ code: 'EEXIST' });
		await expect(sync.mkdir(join(dir, 'there'))).rejects.toMatchObject({ code: 'EEXIST' });
		await expect(sync.writeFile(join(dir, 'missing/file'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
	});

	it('hands a call it cannot make the same way to the original: a file handle, an AbortSignal, streamed data', async () => {
		const spies = {
			readFile: vi.fn(async () => 'from the original'),
			writeFile: vi.fn(async () => undefined),
			mkdir: vi.fn(async () => undefined),
			copyFile: vi.fn(async () => undefined),
		};
		const sync = syncReplacements(spies as unknown as ReturnType<typeof fakePromises>);
		const handle = await original.open(join(dir, 'h'), 'w');
		try {
			await sync.writeFile(handle, 'x');
			await sync.readFile(handle);
		} finally {
			await handle.close();
		}
		const signal = new AbortController().signal;
		await sync.readFile(join(dir, 'h'), { signal });
		await sync.writeFile(join(dir, 'h'), 'x', { signal });
		async function* chunks() {
			yield 'a';
		}
		await sync.writeFile(join(dir, 'h'), chunks());
		expect(spies.readFile).toHaveBeenCalledTimes(2);
		expect(spies.writeFile).toHaveBeenCalledTimes(3);
		// A plain call does not reach the original.
		await sync.readFile(join(dir, 'h'));
		expect(spies.readFile).toHaveBeenCalledTimes(2);
	});
});

describe('useSyncFsPromises', () => {
	it('replaces the four functions and puts the originals back, keeping a later change by someone else', () => {
		const target = fakePromises();
		const restore = useSyncFsPromises(target);
		expect(target.readFile).not.toBe(original.readFile);
		expect(target.writeFile).not.toBe(original.writeFile);
		const later = vi.fn();
		target.mkdir = later as unknown as typeof target.mkdir;
		restore();
		expect(target.readFile).toBe(original.readFile);
		expect(target.writeFile).toBe(original.writeFile);
		expect(target.copyFile).toBe(original.copyFile);
		expect(target.mkdir).toBe(later);
	});
});

describe('syncFileIo', () => {
	type Hooks = { 'astro:config:setup': (o: { command: string }) => void; 'astro:build:done': () => void };

	it('is on from the start of `astro build` until it is done, and never for the dev server', async () => {
		const hooks = syncFileIo().hooks as unknown as Hooks;
		const readFile = nodeFs.promises.readFile;
		try {
			hooks['astro:config:setup']({ command: 'dev' });
			expect(nodeFs.promises.readFile).toBe(readFile);
			hooks['astro:config:setup']({ command: 'build' });
			expect(nodeFs.promises.readFile).not.toBe(readFile);
			// `node:fs/promises` is the same object: code importing it gets the replacements too.
			expect((await import('node:fs/promises')).default.readFile).toBe(nodeFs.promises.readFile);
			void nodeFs.promises.writeFile(join(dir, 'page.html'), '<p>');
			expect(existsSync(join(dir, 'page.html'))).toBe(true);
			hooks['astro:build:done']();
			expect(nodeFs.promises.readFile).toBe(readFile);
		} finally {
			hooks['astro:build:done']();
		}
	});
});
