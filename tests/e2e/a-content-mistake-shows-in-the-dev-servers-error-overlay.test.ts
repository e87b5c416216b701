import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tierzero-dev-'));
const content = join(dir, 'content');
let dev: ChildProcess | undefined;
let browser: Browser | undefined;
let url = '';

/** A port free now: the dev server's browser client connects back to the port it was given, so not 0. */
async function freePort(): Promise<number> {
	const server = createServer().listen(0, '127.0.0.1');
	await once(server, 'listening');
	const { port } = server.address() as { port: number };
	server.close();
	await once(server, 'close');
	return port;
}

beforeAll(async () => {
	cpSync(join(ROOT, 'content'), content, { recursive: true });
	dev = spawn(`${ROOT}node_modules/.bin/astro`, ['dev', '--port', String(await freePort()), '--host', '127.0.0.1'], {
		cwd: ROOT,
		// npm scripts put Node 24 first on PATH; Astro 7 needs it.
		env: {
			// Without what vitest adds (MODE, DEV, PROD…), which Astro would read as its own.
			...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|TEST|MODE|DEV|PROD|SSR|BASE_URL|FORCE_TTY|VITEST.*)$/.test(k))),
			PATH: `${ROOT}node_modules/.bin:${process.env.PATH}`,
			TIERZERO_CONTENT_DIR: content,
			ASTRO_TELEMETRY_DISABLED: '1',
		},
		detached: true,
	});
	let printed = '';
	dev.stdout!.setEncoding('utf8');
	const started = new Promise<string>((done, fail) => {
		dev!.stdout!.on('data', (chunk: string) => {
			printed += chunk;
			const plain = printed.replace(/\u001b\[[0-9;]*m/g, '');
			const m = /Local\s+(http:\/\/\S+?)\/?\s/.exec(plain);
			// Edits before the file watcher is ready would go unnoticed.
			if (m && plain.includes('watching for file changes')) done(m[1]!);
		});
		dev!.once('exit', (code) => fail(new Error(`astro dev exited with ${code}: ${printed}`)));
	});
	[url, browser] = await Promise.all([started, launchBrowser()]);
});

afterAll(async () => {
	await browser?.close();
	if (dev?.pid && dev.exitCode === null) {
		// Astro starts helpers of its own: stop the whole group it leads.
		process.kill(-dev.pid, 'SIGTERM');
		await once(dev, 'exit');
	}
	rmSync(dir, { recursive: true, force: true });
});

it('a content mistake saved while the dev server runs shows in the browser, with its file, line and field', async () => {
	const file = join(content, 'kb/webhooks/duplicate-webhook-deliveries.md');
	writeFileSync(file, readFileSync(file, 'utf8').replace(/^severity: \w+$/m, 'severity: urgent'));
	const page = await browser!.newPage();
	const overlay = page.locator('vite-error-overlay');
	// The server checks when the watcher reports the save; a page opened before that gets the
	// overlay as the check ends, one opened after it as soon as it connects.
	await page.goto(`${url}/`, { timeout: 60_000 });
	await overlay.waitFor({ state: 'attached', timeout: 60_000 });
	await expect
		.poll(() => overlay.evaluate((o) => o.shadowRoot?.querySelector('#message-content')?.textContent ?? ''), { timeout: 30_000 })
		.toContain('kb/webhooks/duplicate-webhook-deliveries.md:5: severity: severity must be one of: low, medium, high, critical');
	await page.close();
}, 120_000);
