import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite('internal');

it('fills a placeholder, previews it and copies the filled reply', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/templates/TPL-001/`, {
		permissions: ['clipboard-read', 'clipboard-write'],
	});
	const preview = page.locator('.template-text');
	await expect(preview.textContent()).resolves.toContain('[Customer Name]');
	await page.getByRole('textbox', { name: 'Customer Name' }).fill('Dana');
	await expect.poll(() => preview.textContent()).toContain('Hi Dana,');
	await expect.poll(() => preview.textContent()).not.toContain('[Customer Name]');
	// Placeholders are still empty: copying asks first and names them.
	let asked = '';
	page.once('dialog', (dialog) => {
		asked = dialog.message();
		void dialog.accept();
	});
	await page.getByRole('button', { name: 'Copy reply' }).click();
	await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toContain('Hi Dana,');
	expect(asked).toMatch(/^Not filled in yet: \[Ticket ID\], .*\[Agent Name\].*Copy the reply anyway\?$/);
	expect(asked).not.toContain('[Customer Name]');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toContain('Hi Dana,');
	// Unfilled placeholders stay visible in the copy, so an agent cannot send one by accident.
	expect(copied).toContain('[Agent Name]');
	// Plain text: no Markdown marks, list items one a line.
	expect(copied).not.toContain('**');
	expect(copied).toMatch(/\n1\. \[First Step\]\n2\. \[Second Step\]\n/);
	expect(problems.pageErrors).toEqual([]);
	await close();
});

it('shows the template text, placeholders marked, without JavaScript', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/templates/TPL-001/`, { javaScriptEnabled: false });
	await expect(page.locator('.template-text mark').first().textContent()).resolves.toBe('[Customer Name]');
	await expect(page.getByRole('button', { name: 'Copy reply' }).isVisible()).resolves.toBe(false);
	await expect(page.locator('.template-form').isVisible()).resolves.toBe(false);
	await close();
});
