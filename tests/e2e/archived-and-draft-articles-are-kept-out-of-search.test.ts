import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { isEntryFile } from '../../src/lib/entry-files.ts';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';
import { siteDir } from './support/server.ts';

const site = useBuiltSite();

/** The KB IDs of content/kb by status, read from the source files. */
function idsWithStatus(status: string): string[] {
	const ids: string[] = [];
	const walk = (d: string) => {
		for (const name of readdirSync(d, { withFileTypes: true })) {
			const p = join(d, name.name);
			if (name.isDirectory()) walk(p);
			else if (isEntryFile(name.name)) {
				const src = readFileSync(p, 'utf8');
				if (new RegExp(`^status:\\s*${status}\\s*$`, 'm').test(src)) ids.push(/^id:\s*(KB-\d{4})/m.exec(src)![1]!);
			}
		}
	};
	walk('content/kb');
	return ids;
}

it('keeps an archived article at its permalink, with a banner, out of the index and search engines', async () => {
	const archived = idsWithStatus('archived');
	expect(archived.length).toBeGreaterThan(0);
	for (const id of archived) {
		const { page, close } = await openPage(site.browser, `${site.url}/kb/${id}/`);
		await expect(page.getByRole('note').textContent()).resolves.toMatch(/Archived article/);
		await expect(page.locator('[data-pagefind-body]').count()).resolves.toBe(0);
		await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex');
		await close();
	}
	const sitemap = readdirSync(siteDir()).filter((f) => f.startsWith('sitemap-') && f !== 'sitemap-index.xml');
	const urls = sitemap.map((f) => readFileSync(join(siteDir(), f), 'utf8')).join('');
	for (const id of archived) expect(urls).not.toContain(`/kb/${id}/`);
});

it('does not build draft articles in production', () => {
	const drafts = idsWithStatus('draft');
	expect(drafts.length).toBeGreaterThan(0);
	for (const id of drafts) expect(existsSync(join(siteDir(), 'kb', id, 'index.html'))).toBe(false);
});
