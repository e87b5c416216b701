import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NO_PROBLEMS, launchBrowser, openPage } from './support/browser.ts';
import { serveSite, siteDir, type SiteServer } from './support/server.ts';

// The starter site is too small for any word to be common (the build lists none), so this copy
// of it lists "agent" as a large site's build would list a word on a fifth of its pages or more.
let dir: string;
let browser: Browser;
let site: SiteServer;
const sent: string[] = [];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'tierzero-common-words-e2e-'));
	cpSync(siteDir('public'), dir, { recursive: true });
	const listPath = join(dir, 'pagefind', 'common-words.json');
	const built = JSON.parse(readFileSync(listPath, 'utf8')) as Record<string, { pages: number; words: string[] }>;
	expect(Object.values(built).every(({ words }) => words.length === 0)).toBe(true);
	writeFileSync(listPath, JSON.stringify(Object.fromEntries(Object.entries(built).map(([language, { pages }]) => [language, { pages, words: ['agent'] }]))));
	[browser, site] = await Promise.all([launchBrowser(), serveSite(dir, { onSent: ({ path }) => void sent.push(path) })]);
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

it('search leaves out a word on most pages of a large site when the question has rarer ones, and says so', async () => {
	const { page, problems, close } = await openPage(browser, `${site.url}/`);
	try {
		await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
		const dialog = page.getByRole('dialog', { name: 'Search the help center' });
		const box = dialog.getByRole('combobox', { name: 'Search the help center' });

		await box.fill('my agent has been stuck for hours');
		await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^\d+ results? for “my agent has been stuck for hours”/);
		await expect.poll(() => dialog.locator('.tz-search-ignored').textContent(), { timeout: 10_000 }).toMatch(/^Ignored: my, has, been, for, agent\./);
		// A page about stalls still comes first: "stuck" (and its synonyms) says what it is about.
		await expect
			.poll(async () => (await dialog.getByRole('option').first().textContent()) ?? '', { timeout: 10_000 })
			.toMatch(/stuck|stall|hang|frozen|not responding|unresponsive/i);

		// A question of nothing but common words searches them.
		await box.fill('agent');
		await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/^\d+ results? for “agent”/);
		expect(await dialog.locator('.tz-search-ignored').isHidden()).toBe(true);

		expect(sent.some((path) => path.endsWith('/pagefind/common-words.json'))).toBe(true);
		expect(problems).toEqual(NO_PROBLEMS);
	} finally {
		await close();
	}
});
