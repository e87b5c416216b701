import { describe, expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

// `npm test` builds dist/ without TIERZERO_ANALYTICS_ENDPOINT: that site must carry no trace of
// analytics, neither script nor vote widget nor session id.
const builtWithEndpoint = Boolean(process.env.TIERZERO_ANALYTICS_ENDPOINT);

describe.skipIf(builtWithEndpoint)(
	`a site built without an analytics endpoint${builtWithEndpoint ? ' (skipped: TIERZERO_ANALYTICS_ENDPOINT is set for this run)' : ''}`,
	() => {
		const site = useBuiltSite();

		it('ships no analytics script, no vote widget and stores no session id', async () => {
			const { page, problems, close } = await openPage(site.browser, `${site.url}/kb/KB-0002/`);
			try {
				const scripts: string[] = [];
				page.on('request', (request) => {
					if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
				});
				await page.reload();
				await page.getByRole('heading', { level: 1 }).waitFor();
				expect(await page.locator('meta[name="tierzero:analytics-endpoint"]').count()).toBe(0);
				expect(await page.locator('[data-helpful-vote]').count()).toBe(0);
				expect(scripts.filter((s) => /analytics|helpfulvote|dom-events/i.test(s))).toEqual([]);
				expect(await page.evaluate(() => sessionStorage.getItem('tierzero:session'))).toBeNull();
				expect(problems).toEqual(NO_PROBLEMS);
			} finally {
				await close();
			}
		});
	},
);
