import { z } from 'astro/zod';
import { TEMPLATE_ID } from '../lib/permalinks.ts';
import { AudienceSchema, LineSchema } from './common.ts';

/** A placeholder name as written between brackets: `[Customer Name]`. */
export const PlaceholderNameSchema = z
	.string({ error: 'each placeholder must be text, e.g. "Customer Name"' })
	.regex(/^[A-Z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*$/, {
		error:
			'each placeholder must start with a capital letter and hold only letters, digits and single spaces, e.g. "Customer Name"',
	});

export const TemplateSchema = z.object({
	/** Stable template ID, `TPL-` and three digits, e.g. TPL-001. */
	id: z
		.string({ error: 'id must be a template ID such as TPL-001' })
		.regex(TEMPLATE_ID, { error: 'id must be a template ID: "TPL-" and three digits, e.g. TPL-001' }),
	/** Short name shown in the gallery. */
	title: LineSchema('title', 120),
	/** When an agent should use it, in one sentence. */
	useCase: LineSchema('useCase', 300),
	/** The e-mail subject line; may use placeholders. */
	subject: LineSchema('subject', 160),
	/** Every `[Placeholder]` the subject and body use; each declared one must be used. */
	placeholders: z
		.array(PlaceholderNameSchema, { error: 'placeholders must be a list of names, e.g. ["Customer Name"]' })
		.default([]),
	/** internal (default: reply templates are for support staff) or public. */
	audience: AudienceSchema('internal'),
});

export type Template = z.output<typeof TemplateSchema>;
