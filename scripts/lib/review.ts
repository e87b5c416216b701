/**
 * The `npm run review` command behind the argument parser: reads the week's and the week before's
 * events, the ticket exports and the content, and writes the weekly support review as review.html
 * and review.md, all or nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseDateBound } from '../../src/lib/analytics/dates.ts';
import { entryDirectory } from '../../src/lib/analytics/entries.ts';
import { loadAndCheckContent } from '../../src/lib/content-fs.ts';
import { csvRecord } from '../../src/lib/escape.ts';
import { readContent } from '../../src/lib/mine/cli-fs.ts';
import { ingest, type InputFile } from '../../src/lib/mine/ingest.ts';
import { mine } from '../../src/lib/mine/mine.ts';
import { openInput } from '../../src/lib/mine/read-fs.ts';
import { percent } from '../../src/lib/report/format.ts';
import { writeFilesAtomically } from '../../src/lib/report/write-fs.ts';
import { policyTargets } from '../../src/lib/review/priority.ts';
import { renderReviewHtml, renderReviewMarkdown } from '../../src/lib/review/review-report.ts';
import {
	checkTargets,
	failingEntries,
	queriesToMine,
	type Review,
	staleEntries,
	whatToWriteNext,
} from '../../src/lib/review/review.ts';
import { type TimedTicket, ticketWeek } from '../../src/lib/review/ticket-times.ts';
import { PrioritiesPolicySchema } from '../../src/schemas/policy.ts';
import { InputError, UsageError } from './cli.ts';
import { readDeflection } from './deflection.ts';

/** The one-line usage, printed with `--help` and after argument errors. */
export const USAGE =
	'npm run review -- [--db PATH | --database-url URL] [--tickets EXPORT]... [--content DIR] ' +
	'[--since DATE | --days N] [--stale-days N] [--out DIR]';

/** The options as parsed from the command line, all still text. */
export interface ReviewArgs {
	db?: string | undefined;
	databaseUrl?: string | undefined;
	tickets?: string[] | undefined;
	content?: string | undefined;
	since?: string | undefined;
	days?: string | undefined;
	staleDays?: string | undefined;
	out?: string | undefined;
}

const DAY = 86_400_000;
/** The longest review period: a report's size stays bounded by its days. */
export const MAX_DAYS = 31;

function wholeNumber(text: string | undefined, flag: string, fallback: number, max: number): number {
	if (text === undefined) return fallback;
	const n = Number(text);
	if (!/^\d+$/.test(text.trim()) || n < 1 || n > max) {
		throw new UsageError(`${flag}: must be a whole number from 1 to ${max}, got "${text}"`);
	}
	return n;
}

/**
 * The review's week and the week before, as half-open ranges in epoch ms. `--since DATE` starts
 * the period on that UTC day; otherwise it ends with today (UTC) included. `--days` (default 7)
 * is its length.
 */
export function reviewPeriods(
	args: { since?: string | undefined; days?: string | undefined },
	now: Date,
): { week: { since: number; until: number }; previous: { since: number; until: number } } {
	const days = wholeNumber(args.days, '--days', 7, MAX_DAYS);
	let since: number;
	if (args.since !== undefined) {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(args.since.trim())) {
			throw new UsageError(`--since: must be a date (YYYY-MM-DD), got "${args.since}"`);
		}
		const start = parseDateBound(args.since, 'start');
		if (start === null) throw new UsageError(`--since: must be a date (YYYY-MM-DD), got "${args.since}"`);
		since = start;
	} else {
		const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
		since = today + DAY - days * DAY;
	}
	const until = since + days * DAY;
	return { week: { since, until }, previous: { since: since - days * DAY, until: since } };
}

/** The priorities policy's targets from the content tree. */
function readTargets(contentDir: string) {
	const path = join(contentDir, 'policy', 'priorities.yaml');
	if (!existsSync(path)) throw new InputError(`${path}: no priorities policy; the review measures times against it`);
	const result = PrioritiesPolicySchema.safeParse(parse(readFileSync(path, 'utf8')));
	if (!result.success) {
		const issue = result.error.issues[0]!;
		throw new InputError(`${path}: ${issue.path.join('.')}: ${issue.message}`);
	}
	return policyTargets(result.data);
}

/** The failed queries as the `query,count` CSV the miner reads, in memory. */
function queriesInput(queries: readonly { query: string; count: number }[]): InputFile {
	const text = csvRecord(['query', 'count']) + queries.map((q) => csvRecord([q.query, q.count])).join('');
	return { name: 'failed searches of the week', chunks: (async function* () { yield text; })() };
}

/** Runs the command; returns the lines to print. */
export async function runReview(
	args: ReviewArgs,
	site: { name: string; origin: string },
	now = new Date(),
): Promise<string[]> {
	const { week, previous } = reviewPeriods(args, now);
	const staleDays = wholeNumber(args.staleDays, '--stale-days', 180, 3650);
	const contentDir = args.content ?? (process.env.TIERZERO_CONTENT_DIR || 'content');
	if (!existsSync(contentDir)) {
		const message = `--content: ${contentDir}: no such folder`;
		throw args.content === undefined ? new InputError(message) : new UsageError(message);
	}
	const exports = args.tickets ?? [];
	for (const file of exports) if (!existsSync(file)) throw new UsageError(`--tickets: ${file}: no such file`);

	const targets = readTargets(contentDir);
	const { set } = loadAndCheckContent(contentDir);
	const entries = entryDirectory(set, site.origin);
	const { reports } = await readDeflection({ db: args.db, databaseUrl: args.databaseUrl }, [week, previous]);
	const [nowReport, beforeReport] = reports as [typeof reports[0], typeof reports[0]];
	const failed = queriesToMine(nowReport);

	let tickets: Review['tickets'] = null;
	let clusters = null;
	if (exports.length > 0) {
		const read = await ingest(exports.map(openInput), { format: 'auto' });
		const timed: TimedTicket[] = read.tickets.map((t) => ({
			id: t.id,
			created: t.created,
			priority: t.handling?.priority ?? null,
			firstResponseMinutes: t.handling?.firstResponseMinutes ?? null,
			resolutionMinutes: t.handling?.resolutionMinutes ?? null,
			resolved: t.handling?.resolved ?? null,
		}));
		tickets = {
			now: ticketWeek(timed, week, targets),
			before: ticketWeek(timed, previous, targets),
			files: exports,
		};
		const content = readContent(contentDir);
		// The miner's own grouping and coverage, over the exports and the week's failed searches.
		const mined = await mine(exports.map(openInput), {
			format: 'auto',
			...(failed.length > 0 ? { queries: queriesInput(failed) } : {}),
			content: content.entries,
			categories: content.categories,
			minSize: 3,
			draftsDir: join(contentDir, 'faq', '_suggested'),
			now,
		});
		clusters = mined.suggestions.clusters;
	}

	const kb = set.kb
		.filter((e) => e.data.status === 'published')
		.map((e) => ({ id: e.data.id, title: e.data.title, category: e.data.category, updated: e.data.updated }));
	const { stale, byCategory } = staleEntries(kb, week.until, staleDays);
	const failing = failingEntries(nowReport);
	const iso = (r: { since: number; until: number }) => ({
		since: new Date(r.since).toISOString(),
		until: new Date(r.until).toISOString(),
	});
	const review: Review = {
		siteName: site.name,
		generatedAt: now.toISOString(),
		week: iso(week),
		previous: iso(previous),
		deflection: { now: nowReport, before: beforeReport },
		tickets,
		targets,
		mined: clusters !== null,
		next: whatToWriteNext(clusters, failed),
		failing,
		titles: Object.fromEntries(failing.flatMap((e) => (entries.has(e.id) ? [[e.id, entries.get(e.id)!.title]] : []))),
		staleDays,
		stale,
		staleByCategory: byCategory,
		checks: checkTargets({ now: nowReport, before: beforeReport }, tickets),
	};
	const out = args.out ?? join('reports', 'review');
	const files = new Map([
		[join(out, 'review.html'), renderReviewHtml(review)],
		[join(out, 'review.md'), renderReviewMarkdown(review)],
	]);
	writeFilesAtomically(files);
	return [
		`week ${review.week.since.slice(0, 10)} to ${new Date(week.until - 1).toISOString().slice(0, 10)}: deflection ${percent(nowReport.deflectionRate)} ` +
			`(${nowReport.answeredSessions}/${nowReport.selfServiceSessions} self-service answered), ` +
			(tickets ? `${tickets.now.tickets} tickets (${tickets.now.unmapped.count} without a P0–P3 priority), ` : 'no ticket exports, ') +
			`${review.next.length} topics to write, ${review.failing.length} failing entries, ${stale.length} stale KB articles`,
		`wrote ${[...files.keys()].join(', ')}`,
	];
}
