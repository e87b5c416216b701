/**
 * The first search of a visit, in each site's own search UI in Chromium: the home page loads
 * (and goes quiet), the visitor opens search, and types a query key by key. Counted: every
 * response from the click that opens search until the results show (headers and bodies, as
 * served), and the time from the first keystroke until then. What the page loads before the click
 * (Starlight loads its search UI script when the page is idle) is the page's cost, not the query's.
 *
 * Counting starts at the click, not once the open dialog has gone quiet: Tier Zero's search
 * starts loading its index as the dialog opens, and whether that load ends before the network
 * goes quiet depends on how busy the machine is. Counted from the quiet dialog, the same
 * 5,000-article site measured 103.4 KiB in one run and 13.9 KiB in the next (2026-12-04, load
 * average 1.8): the index fell outside the window.
 */
import type { Browser, Page } from 'playwright-core';
import type { FirstQuery } from './peer.ts';

const TIMEOUT = 30_000;

/** How to open a site's search and tell that the results for a query are on screen. */
interface SearchUi {
	open(page: Page): Promise<void>;
	input(page: Page): ReturnType<Page['locator']>;
	resultsShown(page: Page, query: string): Promise<unknown>;
}

const UIS: Record<'tierzero' | 'starlight', SearchUi> = {
	tierzero: {
		async open(page) {
			await page.getByRole('banner').getByRole('button', { name: 'Search' }).click({ timeout: TIMEOUT });
		},
		input: (page) =>
			page.getByRole('dialog', { name: 'Search the help center' }).getByRole('combobox', { name: 'Search the help center' }),
		// The dialog's root names the query it has drawn results for.
		resultsShown: (page, query) =>
			page.waitForFunction(
				(q) => (document.querySelector('dialog [data-search-root]') as HTMLElement | null)?.dataset.query === q,
				query,
				{ timeout: TIMEOUT },
			),
	},
	starlight: {
		async open(page) {
			await page.locator('button[data-open-modal]').click({ timeout: TIMEOUT });
		},
		input: (page) => page.locator('dialog .pagefind-ui__search-input'),
		// Pagefind's default UI names the query in its message once it has drawn the results.
		resultsShown: (page, query) =>
			page.waitForFunction(
				(q) =>
					(document.querySelector('dialog .pagefind-ui__message')?.textContent ?? '').includes(q) &&
					document.querySelector('dialog .pagefind-ui__result') !== null,
				query,
				{ timeout: TIMEOUT },
			),
	},
};

/** Measures the first query in a fresh browser context (empty cache) on `siteUrl`. */
export async function firstQuery(
	browser: Browser,
	siteUrl: string,
	ui: keyof typeof UIS,
	query: string,
): Promise<FirstQuery> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	try {
		const page = await context.newPage();
		await page.goto(`${siteUrl}/`);
		await page.waitForLoadState('networkidle');
		let counting = true;
		let requests = 0;
		const sizes: Promise<number>[] = [];
		page.on('requestfinished', (request) => {
			if (!counting) return;
			requests += 1;
			sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
		});
		await UIS[ui].open(page);
		const input = UIS[ui].input(page);
		await input.waitFor({ timeout: TIMEOUT });
		const started = Date.now();
		await input.pressSequentially(query, { delay: 50, timeout: TIMEOUT });
		await UIS[ui].resultsShown(page, query);
		const ms = Date.now() - started;
		counting = false;
		const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
		return { query, bytes, requests, ms };
	} finally {
		await context.close();
	}
}
