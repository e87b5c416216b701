import { z } from 'astro/zod';
import { LineSchema, SlugSchema } from './common.ts';

/** One category of `content/categories.yaml`: KB articles and FAQs name it by its slug. */
export const CategorySchema = z.object({
	/** The slug entries write in `category:` and the URL uses: `/categories/<slug>/`. */
	slug: SlugSchema('slug'),
	/** The name readers see on cards, breadcrumbs and filter chips ("Account & access"). */
	name: LineSchema('name', 60),
	/** One sentence for the category's card and its page's description. */
	description: LineSchema('description', 200),
	/** Position on the home page and the category list, lowest first. */
	order: z
		.number({ error: 'order must be a whole number, e.g. 10' })
		.int({ error: 'order must be a whole number, e.g. 10' })
		.min(0, { error: 'order must be 0 or more' }),
});

/** The whole file: a list of categories, each slug once. */
export const CategoriesSchema = z
	.array(CategorySchema, { error: 'categories.yaml must be a list of categories (- slug: …, name: …)' })
	.superRefine((list, ctx) => {
		const seen = new Set<string>();
		list.forEach((c, i) => {
			if (seen.has(c.slug)) ctx.addIssue({ code: 'custom', path: [i, 'slug'], message: `slug ${c.slug} is listed twice; keep one` });
			seen.add(c.slug);
		});
	});

export type Category = z.output<typeof CategorySchema>;
