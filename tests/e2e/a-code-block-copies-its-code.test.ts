import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('copies a code block of a KB article with its Copy button', async () => {
	const { page, problems, close } = await openPage(site.browser, `${site.url}/kb/KB-0028/`, {
		permissions: ['clipboard-read', 'clipboard-write'],
	});
	const block = page.locator('.code-block').filter({ hasText: 'X-Caro-Event-Id' });
	const button = block.getByRole('button', { name: 'Copy code' });
	await button.click({ timeout: 10_000 });
	await expect.poll(() => button.textContent(), { timeout: 10_000 }).toBe('Copied');
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(copied).toBe(
		"grep -h 'X-Caro-Event-Id' /var/log/myapp/webhooks.log | sort | uniq -c | awk '$1 > 1' | head\n" +
			'caro webhooks deliveries --endpoint ep_4kq2 --event evt_01HV9X2M5Q',
	);
	await expect.poll(() => block.getByRole('status').textContent()).toBe('Code copied to clipboard');
	expect(problems.pageErrors).toEqual([]);
	await close();
});

it('ships no code-copy script on a page without code blocks', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/support/`);
	await page.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 });
	const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
	expect(scripts.filter((s) => s.includes('CodeCopy'))).toEqual([]);
	expect(await page.locator('.code-copy').count()).toBe(0);
	await close();
});
