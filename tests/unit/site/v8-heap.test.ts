import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTERNAL_MEMORY_FLAG, v8Knows, v8KnowsRemembered } from '../../../src/lib/v8-heap.ts';

const MODULE = fileURLToPath(new URL('../../../src/lib/v8-heap.ts', import.meta.url));

/**
 * A process shaped like the build's page step: a live heap that stays, and many short-lived
 * page-sized buffers outside it (640 MB in all). Says how many full collections it ran.
 */
function fullCollections(counted: boolean): { on: boolean; major: number } {
	const script = `
		import { PerformanceObserver, constants } from 'node:perf_hooks';
		const { countExternalMemoryInHeapLimit } = await import(${JSON.stringify(MODULE)});
		const on = ${counted} ? countExternalMemoryInHeapLimit() : false;
		let major = 0;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++;
		}).observe({ entryTypes: ['gc'] });
		const live = [];
		for (let i = 0; i < 300000; i++) live.push({ a: i, b: 'x' + i });
		let sum = 0;
		for (let i = 0; i < 16000; i++) { const page = new Uint8Array(40000); page[0] = i & 255; sum += page[0]; }
		// GC entries reach the observer asynchronously.
		await new Promise((resolve) => setTimeout(resolve, 50));
		console.log(JSON.stringify({ on, major, kept: live.length + sum }));
	`;
	const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
	return JSON.parse(out.trim().split('\n').at(-1)!);
}

describe('v8Knows', () => {
	it('finds a flag V8 lists, and not one it does not', () => {
		expect(v8Knows('--max-old-space-size')).toBe(true);
		expect(v8Knows(EXTERNAL_MEMORY_FLAG)).toBe(true);
		expect(v8Knows('--no-such-flag-for-tier-zero')).toBe(false);
		// A prefix of a real flag is not that flag.
		expect(v8Knows('--max-old-space')).toBe(false);
	});
});

describe('v8KnowsRemembered', () => {
	const dir = mkdtempSync(join(tmpdir(), 'tierzero-v8-flags-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it("keeps V8's answer for this Node, and gives the kept answer without asking again", () => {
		const file = join(dir, 'cache', 'v8-flags.json');
		expect(v8KnowsRemembered(EXTERNAL_MEMORY_FLAG, file)).toBe(true);
		expect(v8KnowsRemembered('--no-such-flag-for-tier-zero', file)).toBe(false);
		const kept = JSON.parse(readFileSync(file, 'utf8')) as { format: string; names: Record<string, boolean> };
		expect(Object.values(kept.names).sort()).toEqual([false, true]);
		expect(kept.format.includes(process.versions.v8) && kept.format.startsWith(process.execPath)).toBe(true);
		// A kept answer is taken as it is: turned round here, it shows V8 was not asked.
		for (const key of Object.keys(kept.names)) kept.names[key] = !kept.names[key];
		writeFileSync(file, JSON.stringify(kept));
		expect(v8KnowsRemembered(EXTERNAL_MEMORY_FLAG, file)).toBe(false);
		expect(v8KnowsRemembered('--no-such-flag-for-tier-zero', file)).toBe(true);
	});

	it('asks V8 when the file is damaged or cannot be written, and keeps nothing of another Node', () => {
		const file = join(dir, 'damaged.json');
		writeFileSync(file, '{ not json');
		expect(v8KnowsRemembered(EXTERNAL_MEMORY_FLAG, file)).toBe(true);
		expect(Object.values(JSON.parse(readFileSync(file, 'utf8')).names)).toEqual([true]);
		writeFileSync(file, JSON.stringify({ format: ['/other/node', 'v1.0.0', '1.0'].join('\0'), names: { [EXTERNAL_MEMORY_FLAG]: false } }));
		expect(v8KnowsRemembered(EXTERNAL_MEMORY_FLAG, file)).toBe(true);
		// A folder where the file would go: nothing is kept, and the answer is still right.
		const blocked = join(dir, 'blocked');
		writeFileSync(blocked, 'a file, not a folder');
		expect(v8KnowsRemembered(EXTERNAL_MEMORY_FLAG, join(blocked, 'v8-flags.json'))).toBe(true);
	});
});

describe('countExternalMemoryInHeapLimit', () => {
	it('stops buffers outside the heap from starting a full collection every 64 MB', () => {
		const without = fullCollections(false);
		const withFlag = fullCollections(true);
		expect(withFlag.on).toBe(true);
		// Without it, one full collection per 64 MB or so of buffers; with it, the heap's usual growth.
		expect(without.major).toBeGreaterThanOrEqual(4);
		expect(withFlag.major).toBeLessThanOrEqual(2);
	});
});
