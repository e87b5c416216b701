import { z } from 'astro/zod';
import semver from 'semver';
import { AUDIENCES, type Audience } from '../lib/edition.ts';
import { KB_ID } from '../lib/permalinks.ts';

/** `KB-` and four or more digits, e.g. `KB-0042`, `KB-12345`: the permalink agents paste into replies. */
export const KbIdSchema = z
	.string({ error: 'must be a KB ID such as KB-0042' })
	.regex(KB_ID, { error: 'must be a KB ID: "KB-" and four or more digits, e.g. KB-0042 or KB-12345 (no leading zero past four digits)' });

/**
 * Who an entry is for: `public` (the help center customers read) or `internal` (support staff
 * only: built into the internal edition, never into the public one). Each collection has its own
 * default: internal for runbooks and reply templates, public for everything else.
 */
export const AudienceSchema = (fallback: Audience) =>
	z
		.enum(AUDIENCES, { error: 'audience must be one of: public, internal' })
		.default(fallback);

/** A list of KB IDs (`KB-0042`) this entry points readers to. */
export const RelatedSchema = z.array(KbIdSchema).default([]);

const DATE_MESSAGE = 'must be a date written as YYYY-MM-DD, e.g. 2026-01-24';

/**
 * A calendar date written as `YYYY-MM-DD` in frontmatter. Astro's YAML reader hands over a Date,
 * plain YAML readers a string; both are accepted, but nothing looser (no `2026`, no numbers).
 */
export const DateSchema = z
	.union([z.date({ error: DATE_MESSAGE }), z.iso.date({ error: DATE_MESSAGE })], { error: DATE_MESSAGE })
	.transform((d) => (d instanceof Date ? d : new Date(`${d}T00:00:00Z`)))
	.refine((d) => !Number.isNaN(d.getTime()), { error: DATE_MESSAGE });

/** A short, non-empty line of text. */
export const LineSchema = (field: string, max = 120) =>
	z
		.string({ error: `${field} is required and must be text` })
		.trim()
		.min(1, { error: `${field} must not be empty` })
		.max(max, { error: `${field} must be at most ${max} characters` });

/**
 * A lower-case slug used in URLs and filters (`billing`, `webhooks-and-integrations`).
 */
export const SlugSchema = (field: string) =>
	z
		.string({ error: `${field} is required and must be text` })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
			error: `${field} must be a lower-case slug of letters, digits and dashes, e.g. "webhooks"`,
		});

/**
 * A product version (`1.1.0`) or a semver range (`>=1.0.0 <1.1.0`, `1.1.x`, `^1.0.0`, `*`).
 */
export const VersionRangeSchema = z
	.string({ error: 'each affected version must be text, e.g. "1.1.0" or ">=1.0.0 <1.1.0"' })
	.refine((v) => semver.validRange(v, { includePrerelease: true }) !== null, {
		error: (issue) =>
			`"${String(issue.input)}" is not a version or version range; write e.g. 1.1.0, 1.1.x, ">=1.0.0 <1.1.0" or "*"`,
	});

/**
 * Other wordings of a KB article's problem or an FAQ's question, as readers would type them
 * (`my agent is stuck`). Indexed at title weight, never shown on the page.
 */
export const AliasesSchema = z
	.array(LineSchema('each alias', 160), {
		error: 'aliases must be a list of wordings, e.g. ["agent is stuck", "agent hangs"]',
	})
	.default([]);
