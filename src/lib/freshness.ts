/**
 * Freshness: how old entries are, and whether a change moved its `updated` date. Pure; the git
 * history comes from freshness-fs.ts.
 */
import type { ContentProblem } from './content-rules.ts';

/** One side of a changed KB article: its frontmatter `updated` and the rest of its text. */
export interface Revision {
	updated: string | undefined;
	/** The file without its `updated` line, so only other changes count. */
	rest: string;
}

/** A revision of an MDX file's text. */
export function revisionOf(source: string): Revision {
	const updated = /^updated:\s*["']?([^"'\s]+)/m.exec(source)?.[1];
	return { updated, rest: source.replace(/^updated:.*$/m, '').replace(/\r\n/g, '\n').trim() };
}

/**
 * A warning when a KB article changed but its `updated` date did not: readers and the stale
 * report trust that date. Null when nothing but whitespace changed, or the date moved.
 */
export function freshnessWarning(file: string, before: Revision, after: Revision, line?: number): ContentProblem | null {
	if (before.rest === after.rest || after.updated !== before.updated || !after.updated) return null;
	return {
		file,
		...(line ? { line } : {}),
		field: 'updated',
		message: `the article changed but updated is still ${after.updated}; set it to today's date if the change matters to readers`,
	};
}

export interface Dated {
	file: string;
	/** KB or runbook ID; an FAQ's question or a template's title where there is none. */
	label: string;
	title: string;
	category?: string;
	owner?: string;
	author?: string;
	/** `YYYY-MM-DD`. */
	updated: string;
}

export const GROUPINGS = ['category', 'owner', 'author'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Entries last updated before `cutoff` (`YYYY-MM-DD`), grouped, oldest first in each group. */
export function staleGroups(entries: readonly Dated[], cutoff: string, by: Grouping): Map<string, Dated[]> {
	const groups = new Map<string, Dated[]>();
	for (const e of [...entries].filter((e) => e.updated < cutoff).sort((a, b) => a.updated.localeCompare(b.updated) || a.file.localeCompare(b.file))) {
		const key = e[by] ?? `(no ${by})`;
		groups.set(key, [...(groups.get(key) ?? []), e]);
	}
	return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** The stale report as printed: a heading, then each group with its entries. */
export function formatStale(groups: Map<string, Dated[]>, days: number, cutoff: string, by: Grouping): string[] {
	const count = [...groups.values()].reduce((n, g) => n + g.length, 0);
	if (count === 0) return [`no entries older than ${days} days (all updated on or after ${cutoff})`];
	const lines = [`${count} entr${count === 1 ? 'y' : 'ies'} not updated in ${days} days (before ${cutoff}), by ${by}:`];
	for (const [key, list] of groups) {
		lines.push('', `${key} (${list.length})`);
		for (const e of list) lines.push(`  ${e.updated}  ${e.label.padEnd(8)}  ${e.file}  ${e.title}`);
	}
	return lines;
}

/** `days` before `today`, both `YYYY-MM-DD`. */
export function daysBefore(today: string, days: number): string {
	return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
