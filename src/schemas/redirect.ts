import { z } from 'astro/zod';

/** A site path: starts and ends with `/`, as the site's own links do (`/faq/billing/refunds/`). */
const SitePath = (field: string) =>
	z
		.string({ error: `${field} is required and must be a path such as /faq/billing/refunds/` })
		.regex(/^\/(?:[^\s?#]*\/)?$/, { error: `${field} must be a site path that starts and ends with /, e.g. /faq/billing/refunds/` });

/** One entry of `content/redirects.yaml`: an old URL and where it now leads. */
export const RedirectSchema = z.object({
	/** The URL that no longer has a page of its own. */
	from: SitePath('from'),
	/** The page it leads to now: a page of the site. */
	to: SitePath('to'),
});

/** The whole file: a list of redirects, each `from` once. */
export const RedirectsSchema = z
	.array(RedirectSchema, { error: 'redirects.yaml must be a list of redirects (- { from: /old/, to: /new/ })' })
	.superRefine((list, ctx) => {
		const seen = new Set<string>();
		list.forEach((r, i) => {
			if (seen.has(r.from)) ctx.addIssue({ code: 'custom', path: [i, 'from'], message: `${r.from} is redirected twice; keep one` });
			seen.add(r.from);
		});
	});

export type Redirect = z.output<typeof RedirectSchema>;
