import { z } from 'astro/zod';
import semver from 'semver';
import { AudienceSchema, LineSchema, SlugSchema } from './common.ts';
import { SEVERITIES } from './kb.ts';
import { PRIORITIES } from './runbook.ts';

const Text = (field: string, max = 400) => LineSchema(field, max);
const TextList = (field: string) =>
	z.array(Text(`each of ${field}`), { error: `${field} must be a list of text lines` }).min(1, {
		error: `${field} must list at least one item`,
	});

/** A response or resolution target per priority, e.g. `{ P0: "1 hour", P1: "4 hours", … }`. */
/**
 * The kinds of policy file that are a page of their own (`/support/tiers/`, …), and so may be
 * for support staff only. The others are settings every page of both editions uses.
 */
export const POLICY_PAGE_KINDS = ['tiers', 'priorities', 'escalation'] as const;
export type PolicyPageKind = (typeof POLICY_PAGE_KINDS)[number];

/** public (default): in both editions; internal: its page is built into the internal edition only. */
const PageAudience = AudienceSchema('public');

/**
 * Channels and the product name appear on every page (header, "Still need help?"), so they
 * cannot leave the public edition; the field exists so every entry has an audience.
 */
const SettingAudience = (kind: string) =>
	z
		.literal('public', {
			error: `audience must be public: the ${kind} file is used on every page of both editions (leave audience out)`,
		})
		.default('public');

const PerPrioritySchema = z.object(
	Object.fromEntries(PRIORITIES.map((p) => [p, Text(p, 80)])) as Record<
		(typeof PRIORITIES)[number],
		ReturnType<typeof Text>
	>,
	{ error: 'must give a target for each of P0, P1, P2, P3' },
);

/** Support tiers: who gets which channels and which response targets. */
export const TiersPolicySchema = z.object({
	kind: z.literal('tiers'),
	/** public (default) or internal: who the /support/tiers/ page is for. */
	audience: PageAudience,
	tiers: z
		.array(
			z.object({
				/** Slug used in URLs and anchors. */
				id: SlugSchema('tier id'),
				/** Display name, e.g. "Tier 2: Standard support". */
				name: Text('name', 80),
				/** Who is in this tier. */
				audience: Text('audience'),
				/** Channel ids (from channels.yaml) open to this tier. */
				channels: z
					.array(SlugSchema('each channel'), { error: 'channels must be a list of channel ids, e.g. [email, portal]' })
					.min(1, { error: 'channels must list at least one channel id from channels.yaml' }),
				/** Staffed hours. */
				hours: Text('hours'),
				/** First-response targets per priority. */
				response: PerPrioritySchema,
				/** What the tier includes. */
				includes: TextList('includes'),
			}),
		)
		.min(1, { error: 'tiers must list at least one tier' }),
});

/** Contact channels shown under "Still need help?" with their response times. */
export const ChannelsPolicySchema = z.object({
	kind: z.literal('channels'),
	/** Always public: the channels are shown on every page. */
	audience: SettingAudience('channels'),
	channels: z
		.array(
			z.object({
				/** Slug referenced by tiers. */
				id: SlugSchema('channel id'),
				/** Display name, e.g. "Email". */
				name: Text('name', 60),
				/** Where to reach it: mailto:, tel: or https: link. */
				href: z
					.string({ error: 'href is required' })
					.regex(/^(mailto:|tel:|https?:\/\/|\/)/, {
						error: 'href must be a mailto:, tel:, https:// or site-relative (/…) link',
					}),
				/** Typical first response, e.g. "within 24 hours". */
				responseTime: Text('responseTime', 80),
				/** When to use this channel. */
				bestFor: Text('bestFor', 200),
				/** Staffed hours. */
				hours: Text('hours', 120),
				/** true for channels that open a ticket or reach a person (a deflection failure when clicked). */
				contact: z.boolean({ error: 'contact must be true or false' }).default(true),
				/**
				 * KB severities (low, medium, high, critical) for which article pages suggest this
				 * channel in their one-line "Still need help?"; FAQ pages use the `low` one.
				 */
				severities: z
					.array(z.enum(SEVERITIES, { error: `each severity must be one of: ${SEVERITIES.join(', ')}` }), {
						error: 'severities must be a list, e.g. [high, critical]',
					})
					.default([]),
			}),
		)
		.min(1, { error: 'channels must list at least one channel' }),
});

/** The P0–P3 priority matrix. */
export const PrioritiesPolicySchema = z.object({
	kind: z.literal('priorities'),
	/** public (default) or internal: who the /support/priorities/ page is for. */
	audience: PageAudience,
	levels: z
		.array(
			z.object({
				/** P0, P1, P2 or P3. */
				id: z.enum(PRIORITIES, { error: 'id must be one of: P0, P1, P2, P3' }),
				/** Short name, e.g. "Critical". */
				name: Text('name', 40),
				/** What qualifies. */
				definition: Text('definition'),
				/** Concrete examples. */
				examples: TextList('examples'),
				/** Time to acknowledge, e.g. "within 1 hour". */
				acknowledgement: Text('acknowledgement', 80),
				/** Time to resolve or work around, e.g. "within 24 hours". */
				resolution: Text('resolution', 80),
				/** Who is told what, and how often. */
				communication: Text('communication'),
				/** Who works on it. */
				owner: Text('owner', 120),
			}),
		)
		.refine((levels) => PRIORITIES.every((p) => levels.filter((l) => l.id === p).length === 1), {
			error: 'levels must define each of P0, P1, P2, P3 exactly once',
		}),
});

/** The escalation matrix: which condition goes to whom, by when. */
export const EscalationPolicySchema = z.object({
	kind: z.literal('escalation'),
	/** public (default) or internal: who the /support/escalation/ page is for (escalation owners are often staff-only). */
	audience: PageAudience,
	rules: z
		.array(
			z.object({
				/** The condition, e.g. "P0 not acknowledged within 1 hour". */
				trigger: Text('trigger'),
				/** Role that takes over. */
				escalateTo: Text('escalateTo', 120),
				/** Deadline for the hand-off. */
				within: Text('within', 80),
				/** Roles told about it. */
				notify: TextList('notify'),
			}),
		)
		.min(1, { error: 'rules must list at least one escalation rule' }),
});

/** The product the help center serves, and its released versions (newest first) for the version filter. */
export const ProductPolicySchema = z.object({
	kind: z.literal('product'),
	/** Always public: the product name is in every page's header. */
	audience: SettingAudience('product'),
	/** Product name shown in the site header. */
	name: Text('name', 60),
	/** Released versions, newest first, e.g. ["1.1.0", "1.0.2"]. */
	versions: z
		.array(
			z.string({ error: 'each version must be text such as "1.1.0" (quote it: YAML reads 1.1 as a number)' }).refine((v) => semver.valid(v) !== null, {
				error: (issue) => `"${String(issue.input)}" is not a version such as 1.1.0`,
			}),
		)
		.min(1, { error: 'versions must list at least one released version' }),
});

/** Every file in content/policy/ declares its `kind`; the rest of its shape follows from it. */
export const PolicySchema = z.discriminatedUnion(
	'kind',
	[TiersPolicySchema, ChannelsPolicySchema, PrioritiesPolicySchema, EscalationPolicySchema, ProductPolicySchema],
	{ error: 'kind must be one of: tiers, channels, priorities, escalation, product' },
);

export type Policy = z.output<typeof PolicySchema>;
export type TiersPolicy = z.output<typeof TiersPolicySchema>;
export type ChannelsPolicy = z.output<typeof ChannelsPolicySchema>;
export type PrioritiesPolicy = z.output<typeof PrioritiesPolicySchema>;
export type EscalationPolicy = z.output<typeof EscalationPolicySchema>;
export type ProductPolicy = z.output<typeof ProductPolicySchema>;
