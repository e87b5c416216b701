import { z } from 'astro/zod';
import { RUNBOOK_ID } from '../lib/permalinks.ts';
import { AudienceSchema, DateSchema, LineSchema } from './common.ts';

export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;

export const RunbookSchema = z.object({
	/** Stable runbook ID, `RB-` and three digits, e.g. RB-001. */
	id: z
		.string({ error: 'id must be a runbook ID such as RB-001' })
		.regex(RUNBOOK_ID, { error: 'id must be a runbook ID: "RB-" and three digits, e.g. RB-001' }),
	/** What the runbook handles, e.g. "Outage response". */
	title: LineSchema('title', 120),
	/** The highest priority this runbook is used for: P0, P1, P2 or P3. */
	priority: z.enum(PRIORITIES, { error: 'priority must be one of: P0, P1, P2, P3' }),
	/** The role that owns and runs it (a role, not a person), e.g. "On-call engineer". */
	owner: LineSchema('owner', 80),
	/** When to open this runbook, in one sentence. */
	trigger: LineSchema('trigger', 300),
	/** Date of the last review, `YYYY-MM-DD`. */
	updated: DateSchema,
	/** internal (default: runbooks are for support staff) or public. */
	audience: AudienceSchema('internal'),
});

export type Runbook = z.output<typeof RunbookSchema>;
export type Priority = (typeof PRIORITIES)[number];
