import type { Response } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite('internal');

it('loads under 8 KB of JavaScript and no search index until search is opened', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/faq/`);
	const scripts: string[] = [];
	// Body reads are kept and settled before the page closes: a read that outlives the page
	// rejects after the test, and vitest fails the whole run on that unhandled rejection.
	const sizes: Promise<number>[] = [];
	const onResponse = (response: Response): void => {
		if (response.request().resourceType() === 'script') {
			scripts.push(response.url());
			const size = response.body().then((body) => body.byteLength);
			size.catch(() => {});
			sizes.push(size);
		}
	};
	page.on('response', onResponse);
	await page.reload({ waitUntil: 'networkidle' });
	expect(scripts.some((s) => s.includes('/pagefind/'))).toBe(false);
	const bytes = (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
	expect(bytes).toBeGreaterThan(0);
	expect(bytes).toBeLessThan(8 * 1024);
	await page.keyboard.press('/');
	await expect.poll(() => scripts.some((s) => s.includes('/pagefind/pagefind.js'))).toBe(true);
	await Promise.allSettled(sizes);
	page.off('response', onResponse);
	await close();
});
