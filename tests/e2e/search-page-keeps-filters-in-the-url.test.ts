import { expect, it } from 'vitest';
import { NO_PROBLEMS, openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

const site = useBuiltSite('internal');

it('a shared /search/ link brings its filter chips pressed, and pressing chips updates the link', async () => {
	const { page, problems, close } = await openPage(
		site.browser,
		`${site.url}/search/?q=webhook&type=FAQ`,
	);
	try {
		const main = page.getByRole('main');
		const types = main.getByRole('group', { name: 'Type' });
		const faqChip = types.getByRole('button', { name: /^FAQ/ });
		await expect.poll(() => faqChip.getAttribute('aria-pressed'), { timeout: 10_000 }).toBe('true');
		const results = main.getByRole('listbox', { name: 'Search results' });
		await results.getByRole('option').first().waitFor();
		const names = await results.getByRole('option').allTextContents();
		expect(names.length).toBeGreaterThan(1);
		for (const name of names) expect(name).toMatch(/ FAQ /);

		// Swapping chips rewrites the link, one parameter per pressed chip.
		await faqChip.click();
		await types.getByRole('button', { name: /^KB article/ }).click();
		await main
			.getByRole('group', { name: 'Severity' })
			.getByRole('button', { name: /^High/ })
			.click();
		await expect
			.poll(() => page.url())
			.toBe(`${site.url}/search/?q=webhook&type=KB+article&severity=high`);
		await expect
			.poll(async () =>
				(await results.getByRole('option').allTextContents()).every((n) =>
					/ KB article KB-\d{4} high severity /.test(n),
				),
			)
			.toBe(true);

		// A value the index does not have (an old link) is dropped rather than hiding every result.
		await page.goto(`${site.url}/search/?q=webhook&type=Blog+post`);
		await main
			.getByRole('listbox', { name: 'Search results' })
			.getByRole('option')
			.first()
			.waitFor();
		await expect.poll(() => page.url()).toBe(`${site.url}/search/?q=webhook`);
		await expect.poll(() => main.getByRole('button', { pressed: true }).count()).toBe(0);

		// Filters alone list what they match.
		await page.goto(`${site.url}/search/?type=Runbook`);
		await main
			.getByRole('listbox', { name: 'Search results' })
			.getByRole('option')
			.first()
			.waitFor();
		// Six runbooks: the first five, then the sixth behind "Show more".
		await expect.poll(() => main.getByRole('option').count()).toBe(5);
		await main.getByRole('button', { name: 'Show more results (1 more)' }).click();
		await expect.poll(() => main.getByRole('option').count()).toBe(6);
		const runbooks = await main.getByRole('option').allTextContents();
		for (const name of runbooks) expect(name).toMatch(/ Runbook RB-\d{3} /);

		expect(problems).toEqual(NO_PROBLEMS);
	} finally {
		await close();
	}
});
