/**
 * The `npm run deflection` command behind the argument parser: checks the options, reads the
 * collector's events for the period, and writes deflection.json, deflection.html and (on request)
 * the zero-result queries as CSV, all or nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDateBound } from '../../src/lib/analytics/dates.ts';
import { entryDirectory, type EntryInfo } from '../../src/lib/analytics/entries.ts';
import { DeflectionAccumulator, type DeflectionReport, zeroResultQueriesCsv } from '../../src/lib/analytics/metrics.ts';
import { locateStore, openStore } from '../../src/lib/analytics/open-store-fs.ts';
import { renderDeflectionHtml } from '../../src/lib/analytics/report-html.ts';
import type { TimeRange } from '../../src/lib/analytics/store.ts';
import { loadAndCheckContent } from '../../src/lib/content-fs.ts';
import { percent } from '../../src/lib/report/format.ts';
import { writeFilesAtomically } from '../../src/lib/report/write-fs.ts';
import { InputError, UsageError } from './cli.ts';

/** The one-line usage, printed with `--help` and after argument errors. */
export const USAGE =
	'npm run deflection -- [--db PATH | --database-url URL] [--since DATE] [--until DATE] ' +
	'[--out DIR] [--queries-out FILE] [--content DIR]';

/** The options as parsed from the command line, all still text. */
export interface DeflectionArgs {
	db?: string | undefined;
	databaseUrl?: string | undefined;
	since?: string | undefined;
	until?: string | undefined;
	out?: string | undefined;
	queriesOut?: string | undefined;
	content?: string | undefined;
}

/** `--since`/`--until` as a half-open range; throws a UsageError for a bad or reversed bound. */
export function parseRange(since: string | undefined, until: string | undefined): TimeRange {
	const start = since === undefined ? undefined : parseDateBound(since, 'start');
	const end = until === undefined ? undefined : parseDateBound(until, 'end');
	if (start === null) throw new UsageError(`--since: must be a date (YYYY-MM-DD) or an ISO-8601 date-time, got "${since}"`);
	if (end === null) throw new UsageError(`--until: must be a date (YYYY-MM-DD) or an ISO-8601 date-time, got "${until}"`);
	if (start !== undefined && end !== undefined && start >= end) throw new UsageError('--since must be before --until');
	return { ...(start === undefined ? {} : { since: start }), ...(end === undefined ? {} : { until: end }) };
}

/**
 * Titles and URLs of the entries from the content tree (`--content`, TIERZERO_CONTENT_DIR or
 * content/). Titles are a courtesy: without a content tree (a report run elsewhere) the ids remain,
 * but a folder named with --content must exist.
 */
export function loadEntries(content: string | undefined, origin: string): Map<string, EntryInfo> | undefined {
	const dir = content ?? (process.env.TIERZERO_CONTENT_DIR || 'content');
	if (content !== undefined && !existsSync(content)) throw new UsageError(`--content: ${content}: no such folder`);
	return existsSync(dir) ? entryDirectory(loadAndCheckContent(dir).set, origin) : undefined;
}

/** The events of a range from the store the flags (or the environment) name, as figures. */
export async function readDeflection(
	flags: { db?: string | undefined; databaseUrl?: string | undefined },
	ranges: readonly TimeRange[],
): Promise<{ reports: DeflectionReport[]; description: string }> {
	const location = locateStore(flags);
	if ('error' in location) throw new UsageError(location.error);
	const { databaseUrl, dbPath } = location;
	const { store, description } = await openStore({ databaseUrl, dbPath }).catch((error: unknown) => {
		throw new InputError(`${databaseUrl ? '--database-url' : dbPath}: ${(error as Error).message}`);
	});
	try {
		const reports: DeflectionReport[] = [];
		for (const range of ranges) {
			const accumulator = new DeflectionAccumulator(range);
			for await (const event of store.read(range)) accumulator.add(event);
			reports.push(accumulator.finish());
		}
		return { reports, description };
	} finally {
		await store.close();
	}
}

/** Runs the command; returns the lines to print. Throws a UsageError for a bad command line. */
export async function runDeflection(
	args: DeflectionArgs,
	site: { name: string; origin: string },
	now = new Date(),
): Promise<string[]> {
	const range = parseRange(args.since, args.until);
	const entries = loadEntries(args.content, site.origin);
	const { reports, description } = await readDeflection({ db: args.db, databaseUrl: args.databaseUrl }, [range]);
	const report = reports[0]!;
	const generatedAt = now.toISOString();
	const out = args.out ?? join('reports', 'deflection');
	const files = new Map([
		[join(out, 'deflection.json'), `${JSON.stringify({ generatedAt, ...report }, null, '\t')}\n`],
		[join(out, 'deflection.html'), renderDeflectionHtml(report, { siteName: site.name, generatedAt, entries })],
	]);
	if (args.queriesOut) files.set(args.queriesOut, zeroResultQueriesCsv(report));
	writeFilesAtomically(files);
	return [
		`${description}: ${report.events} events, ${report.sessions} sessions, ` +
			`deflection ${percent(report.deflectionRate)} (${report.answeredSessions}/${report.selfServiceSessions} self-service answered; ` +
			`${report.unresolvedSessions} unresolved, ${report.contactedSessions} contacted), ` +
			`${report.searches} searches, zero-result ${percent(report.zeroResultRate)}, click-through ${percent(report.clickThroughRate)}`,
		`wrote ${[...files.keys()].join(', ')}`,
	];
}
