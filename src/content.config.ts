import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { deferStoreSave } from './lib/store-save.ts';
import { FaqSchema, KbSchema, PolicySchema, RunbookSchema, TemplateSchema } from './schemas/index.ts';

// Astro re-reads cached entries only when this file's text changes, not when a schema in
// src/schemas/ does: after a schema change that alters parsed data (a new default), bump this.
// Schema revision: 3 (policy files gained `audience`).

// TIERZERO_CONTENT_DIR lets the benchmark and the build tests point the same site at another tree.
const root = process.env.TIERZERO_CONTENT_DIR ?? './content';
// Entries are `.md` (plain Markdown) or `.mdx` (Markdown that uses components). Paths starting
// with `_` (e.g. faq/_suggested/ drafts from ticket mining) are kept out of the site.
const entries = ['**/*.{md,mdx}', '!**/_*/**', '!**/_*'];
// Each loader keeps Astro from saving the whole store while the sync is still going
// (src/lib/store-save.ts): a rebuild then writes it once instead of twice.
const loader = (pattern: string | string[], base: string) => deferStoreSave(glob({ pattern, base }));

export const collections = {
	kb: defineCollection({ loader: loader(entries, `${root}/kb`), schema: KbSchema }),
	faq: defineCollection({ loader: loader(entries, `${root}/faq`), schema: FaqSchema }),
	runbooks: defineCollection({
		loader: loader(entries, `${root}/runbooks`),
		schema: RunbookSchema,
	}),
	templates: defineCollection({
		loader: loader(entries, `${root}/templates`),
		schema: TemplateSchema,
	}),
	policy: defineCollection({
		loader: loader(['*.yaml', '!_*'], `${root}/policy`),
		schema: PolicySchema,
	}),
};
