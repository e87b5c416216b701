import { expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

/** A short description of the focused element, to compare before and after the dialog. */
const focused = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement;
		return el ? `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? el.id ?? ''}`.trim() : '';
	});

it('search opens with the keyboard shortcut', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/faq/`);
	try {
		// Keep the result-click event across the navigation it announces.
		await page.evaluate(() =>
			document.addEventListener('tierzero:result-click', (event) =>
				sessionStorage.setItem('result-click', JSON.stringify((event as CustomEvent).detail)),
			),
		);
		const dialog = page.getByRole('dialog', { name: 'Search the help center' });
		const combobox = dialog.getByRole('combobox', { name: 'Search the help center' });
		const trigger = page.getByRole('banner').getByRole('button', { name: 'Search' });

		const hasFocus = (locator: typeof combobox) => () => locator.evaluate((el) => el === document.activeElement);

		await page.keyboard.press('/');
		await combobox.waitFor();
		await expect.poll(hasFocus(combobox)).toBe(true);
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		// Nothing was focused before `/`: focus lands on the Search button, not lost on <body>.
		await expect.poll(hasFocus(trigger)).toBe(true);

		await page.getByRole('link', { name: 'Knowledge base' }).first().focus();
		const before = await focused(page);
		await page.keyboard.press('Control+K');
		await combobox.waitFor();
		await expect.poll(hasFocus(combobox)).toBe(true);
		// Escape closes at once, even with text in the field.
		await page.keyboard.type('webhook');
		await dialog.getByRole('option').first().waitFor();
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden' });
		await expect.poll(() => focused(page)).toBe(before);

		await page.keyboard.press('Control+K');
		await combobox.waitFor();
		await expect.poll(hasFocus(combobox)).toBe(true);
		// Reopening selects the previous text, so typing replaces it.
		await page.keyboard.type('signature');
		await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/results? for “signature”/);
		const options = dialog.getByRole('option');
		const count = await options.count();
		expect(count).toBeGreaterThan(1);
		const active = () => combobox.getAttribute('aria-activedescendant');
		const optionId = (i: number) => options.nth(i).getAttribute('id');

		await page.keyboard.press('ArrowDown');
		expect(await active()).toBe(await optionId(0));
		expect(await options.nth(0).getAttribute('aria-selected')).toBe('true');
		await page.keyboard.press('End');
		expect(await active()).toBe(await optionId(count - 1));
		await page.keyboard.press('Home');
		expect(await active()).toBe(await optionId(0));
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowUp');
		await page.keyboard.press('ArrowUp');
		// Up from the first result wraps to the last, then back down to the first.
		expect(await active()).toBe(await optionId(count - 1));
		await page.keyboard.press('ArrowDown');
		expect(await active()).toBe(await optionId(0));

		const chosen = (await options.nth(0).textContent()) ?? '';
		await Promise.all([
			page.waitForURL((url) => url.pathname !== '/faq/'),
			page.keyboard.press('Enter'),
		]);
		await page.waitForLoadState('domcontentloaded');
		// The option's text starts with the title of the page it opens.
		const heading = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
		expect(heading.length).toBeGreaterThan(0);
		expect(chosen.startsWith(`${heading} `)).toBe(true);
		const click = JSON.parse(
			(await page.evaluate(() => sessionStorage.getItem('result-click'))) ?? '{}',
		);
		expect(click).toEqual({ query: 'signature', rank: 1, target: new URL(page.url()).pathname });

		expect(problems.consoleErrors).toEqual([]);
		expect(problems.pageErrors).toEqual([]);
		expect(problems.failedRequests).toEqual([]);
	} finally {
		await close();
	}
});
