import { expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

import { REPRESENTATIVE_PAGES } from './lib/pages.ts';

const site = useBuiltSite('internal');

it.each(REPRESENTATIVE_PAGES)('%s needs no sideways scrolling at 320 px', async (path) => {
	const { page, close } = await openPage(site.browser, `${site.url}${path}`, { viewport: { width: 320, height: 640 } });
	// Wide tables and code blocks scroll inside their own box; the page itself must not.
	const width = await page.evaluate(() => document.documentElement.scrollWidth);
	await close();
	expect(width).toBeLessThanOrEqual(320);
});
