import { z } from 'astro/zod';
import { AliasesSchema, AudienceSchema, DateSchema, KbIdSchema, LineSchema, RelatedSchema, SlugSchema, VersionRangeSchema } from './common.ts';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const KB_STATUSES = ['draft', 'published', 'archived'] as const;
/** The `##` sections every KB article body has, in this order (the playbooks' KB template). */
export const KB_SECTIONS = ['Symptoms', 'Root cause', 'Solution', 'Prevention'] as const;

export const KbSchema = z.object({
	/** Stable KB ID, `KB-` and four or more digits (`KB-0042`, `KB-12345`). Never reuse or change it: `/kb/KB-0042/` links live in old replies. */
	id: KbIdSchema,
	/** The article title as readers would search for it: the problem, not the fix. */
	title: LineSchema('title', 120),
	/** One or two sentences (at most 200 characters), shown in search results and reply snippets. */
	summary: LineSchema('summary', 200),
	/** How bad the problem is for the customer: low, medium, high or critical. */
	severity: z.enum(SEVERITIES, {
		error: 'severity must be one of: low, medium, high, critical',
	}),
	/** Product versions affected: exact versions or semver ranges (`1.1.0`, `>=1.0.0 <1.1.0`, `*`). */
	affectedVersions: z
		.array(VersionRangeSchema, {
			error: 'affectedVersions must be a list of versions or ranges, e.g. ["1.1.0", ">=1.0.0 <1.1.0"]',
		})
		.min(1, { error: 'affectedVersions must list at least one version or range; use "*" for all' }),
	/** Category slug, one per article (`webhooks`, `agents`, `billing`, …). */
	category: SlugSchema('category'),
	/** Free tags (lower-case slugs) for tag pages and search. */
	tags: z.array(SlugSchema('each tag')).default([]),
	/** draft (not built in production), published, or archived (kept at its permalink, not indexed). */
	status: z
		.enum(KB_STATUSES, { error: 'status must be one of: draft, published, archived' })
		.default('published'),
	/** Date of the last meaningful change, `YYYY-MM-DD`. */
	updated: DateSchema,
	/** KB IDs of related articles; each must exist. */
	related: RelatedSchema,
	/** public (default) or internal: known-issue notes and workarounds not for customers. */
	audience: AudienceSchema('public'),
	/** Other wordings of the problem as readers type them ("agent is stuck"); search weighs them as the title. */
	aliases: AliasesSchema,
});

export type Kb = z.output<typeof KbSchema>;
export type Severity = (typeof SEVERITIES)[number];
