// Writes the deflection report from the collector's events:
//   npm run deflection -- [--db PATH | --database-url URL] [--since DATE] [--until DATE]
//                         [--out DIR] [--queries-out FILE] [--content DIR]
// DIR (default reports/deflection) receives deflection.json and deflection.html; FILE receives
// the zero-result queries as `query,count` CSV for `npm run mine -- --queries`. The content tree
// (default content/, or TIERZERO_CONTENT_DIR) gives the KB articles' and FAQs' titles.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDateBound } from '../src/lib/analytics/dates.ts';
import { entryDirectory } from '../src/lib/analytics/entries.ts';
import { DeflectionAccumulator, zeroResultQueriesCsv } from '../src/lib/analytics/metrics.ts';
import { locateStore, openStore } from '../src/lib/analytics/open-store-fs.ts';
import { renderDeflectionHtml } from '../src/lib/analytics/report-html.ts';
import { loadAndCheckContent } from '../src/lib/content-fs.ts';
import { siteConfig } from '../src/site-config.ts';

function fail(message: string): never {
	console.error(`deflection: ${message}`);
	process.exit(2);
}

let values;
try {
	({ values } = parseArgs({
		options: {
			db: { type: 'string' },
			'database-url': { type: 'string' },
			since: { type: 'string' },
			until: { type: 'string' },
			out: { type: 'string', default: 'reports/deflection' },
			'queries-out': { type: 'string' },
			content: { type: 'string' },
		},
	}));
} catch (error) {
	fail((error as Error).message);
}

const since = values.since === undefined ? undefined : parseDateBound(values.since, 'start');
const until = values.until === undefined ? undefined : parseDateBound(values.until, 'end');
if (since === null) fail(`--since: must be a date (YYYY-MM-DD) or an ISO-8601 date-time, got "${values.since}"`);
if (until === null) fail(`--until: must be a date (YYYY-MM-DD) or an ISO-8601 date-time, got "${values.until}"`);
if (since !== undefined && until !== undefined && since >= until) fail('--since must be before --until');

// Titles are a courtesy: without the content tree (the report run elsewhere) the ids remain.
const contentDir = values.content ?? (process.env.TIERZERO_CONTENT_DIR || 'content');
if (values.content && !existsSync(values.content)) fail(`--content: ${values.content}: no such folder`);
const entries = existsSync(contentDir)
	? entryDirectory(loadAndCheckContent(contentDir).set, siteConfig.origin)
	: undefined;

const location = locateStore({ db: values.db, databaseUrl: values['database-url'] });
if ('error' in location) fail(location.error);
const { databaseUrl, dbPath } = location;

const { store, description } = await openStore({ databaseUrl, dbPath }).catch((error: unknown) =>
	fail(`${databaseUrl ? '--database-url' : dbPath}: ${(error as Error).message}`),
);
const accumulator = new DeflectionAccumulator({ since, until });
try {
	for await (const event of store.read({ since, until })) accumulator.add(event);
} finally {
	await store.close();
}
const report = accumulator.finish();
const generatedAt = new Date().toISOString();

mkdirSync(values.out, { recursive: true });
const jsonPath = join(values.out, 'deflection.json');
const htmlPath = join(values.out, 'deflection.html');
writeFileSync(jsonPath, `${JSON.stringify({ generatedAt, ...report }, null, '\t')}\n`);
writeFileSync(htmlPath, renderDeflectionHtml(report, { siteName: siteConfig.name, generatedAt, entries }));
const written = [jsonPath, htmlPath];
if (values['queries-out']) {
	mkdirSync(dirname(values['queries-out']), { recursive: true });
	writeFileSync(values['queries-out'], zeroResultQueriesCsv(report));
	written.push(values['queries-out']);
}

const pct = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`);
console.log(
	`${description}: ${report.events} events, ${report.sessions} sessions, ` +
		`deflection ${pct(report.deflectionRate)} (${report.deflectedSessions}/${report.selfServiceSessions} self-service), ` +
		`${report.searches} searches, zero-result ${pct(report.zeroResultRate)}, click-through ${pct(report.clickThroughRate)}`,
);
console.log(`wrote ${written.join(', ')}`);
