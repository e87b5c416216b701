import { z } from 'astro/zod';
import { AliasesSchema, AudienceSchema, LineSchema, RelatedSchema, SlugSchema } from './common.ts';

export const FAQ_STATUSES = ['draft', 'published'] as const;

export const FaqSchema = z.object({
	/** The question as a customer would ask it, ending with a question mark. */
	question: LineSchema('question', 160).refine((q) => q.endsWith('?'), {
		error: 'question must end with a question mark',
	}),
	/** Category slug; FAQs are grouped by it on /faq/. */
	category: SlugSchema('category'),
	/** KB IDs that give the full answer; each must exist. */
	related: RelatedSchema,
	/** Position within its category, lowest first. */
	order: z
		.number({ error: 'order must be a whole number, e.g. 10' })
		.int({ error: 'order must be a whole number, e.g. 10' })
		.min(0, { error: 'order must be 0 or more' })
		.default(100),
	/** Other wordings of the question as readers type them; search weighs them as the question. */
	aliases: AliasesSchema,
	/** draft (not built in production, e.g. suggestions from ticket mining) or published. */
	status: z
		.enum(FAQ_STATUSES, { error: 'status must be one of: draft, published' })
		.default('published'),
	/** public (default) or internal (support staff only). */
	audience: AudienceSchema('public'),
});

export type Faq = z.output<typeof FaqSchema>;
