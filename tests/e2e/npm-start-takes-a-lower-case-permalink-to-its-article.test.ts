import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, openPage } from './support/browser.ts';
import { siteDir } from './support/server.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let url = '';

beforeAll(async () => {
	// `npm start` is `npm run build && npm run serve`; the build is there already.
	server = spawn(`${ROOT}node_modules/.bin/node`, ['scripts/serve.ts', siteDir(), '--port', '0'], { cwd: ROOT });
	let printed = '';
	server.stdout!.setEncoding('utf8');
	const started = new Promise<string>((done, fail) => {
		server!.stdout!.on('data', (chunk: string) => {
			printed += chunk;
			const m = /on (http:\/\/\S+?)\/ /.exec(printed);
			if (m) done(m[1]!);
		});
		server!.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${printed}`)));
	});
	[url, browser] = await Promise.all([started, launchBrowser()]);
});

afterAll(async () => {
	await browser?.close();
	if (server && server.exitCode === null) {
		server.kill('SIGTERM');
		await once(server, 'exit');
	}
});

it('npm start takes a KB ID typed in lower case without the trailing slash to its article, as a static host does', async () => {
	const { page, problems, close } = await openPage(browser!, `${url}/kb/kb-0026`);
	await page.waitForURL(`${url}/kb/KB-0026/`, { timeout: 15_000 });
	await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/webhook/i);
	expect(problems.pageErrors).toEqual([]);
	await close();
	const missing = await fetch(`${url}/no/such/page/`);
	expect(missing.status).toBe(404);
	expect(await missing.text()).toContain('Page not found');
});
