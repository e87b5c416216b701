import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite();

it('narrows the KB list by severity, category and version with JavaScript off', async () => {
	const { page, close } = await openPage(site.browser, `${site.url}/kb/`, { javaScriptEnabled: false });
	const visible = () => page.locator('.kb-row:visible');
	const all = await visible().count();
	expect(all).toBeGreaterThanOrEqual(25);

	await page.getByRole('group', { name: 'Severity' }).getByRole('radio', { name: 'critical' }).check();
	const critical = await visible().count();
	expect(critical).toBeGreaterThan(0);
	expect(critical).toBeLessThan(all);
	for (const sev of await visible().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.severity))) {
		expect(sev).toBe('critical');
	}

	await page.getByRole('group', { name: 'Severity' }).getByRole('radio', { name: 'All' }).check();
	await page.getByRole('group', { name: 'Category' }).getByRole('radio', { name: 'Webhooks' }).check();
	const webhooks = await visible().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.category));
	expect(webhooks.length).toBeGreaterThan(0);
	expect(new Set(webhooks)).toEqual(new Set(['webhooks']));

	await page.getByRole('group', { name: 'Version' }).getByRole('radio', { name: '1.0.0', exact: true }).check();
	const versions = await visible().evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.versions ?? ''));
	expect(versions.length).toBeLessThanOrEqual(webhooks.length);
	for (const v of versions) expect(v.split(' ')).toContain('1.0.0');

	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(visible().count()).resolves.toBe(all);
	await close();
});
