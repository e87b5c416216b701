/**
 * The `npm run mine` command behind the argument parser: checks the options, reads the help
 * center's content and the exports, mines them and writes the outputs all or nothing.
 */
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { contentFolderError, loadAndCheckContent } from '../content-fs.ts';
import { withoutEntryExtension } from '../entry-files.ts';
import type { CoverageSection } from './coverage.ts';
import { MAP_FIELDS } from './adapters/csv.ts';
import { SUPPORTED } from './detect.ts';
import { InputError, UsageError } from '../cli-errors.ts';
import { mdxText, mine, type ContentEntry } from './mine.ts';
import { openInput } from './read-fs.ts';
import { FORMATS, type ColumnMap, type FormatName } from './ticket.ts';
import { checkReplaceable, writeDirsAtomically } from './write-fs.ts';

/** The options as parsed from the command line, all still text. */
export interface MineArgs {
	files: string[];
	format?: string;
	map?: string;
	queries?: string;
	out?: string;
	drafts?: string;
	content?: string;
	minSize?: string;
}

/** The one-line usage, printed with `--help` and after argument errors. */
export const USAGE =
	'usage: npm run mine -- [--format auto|zendesk|freshdesk|chatwoot|helpscout|github|csv] ' +
	'[--map field=Column,...] [--queries FILE] [--out DIR] [--drafts DIR] [--content DIR] [--min-size N] FILE...';

/** `subject=Title,body=Text` → a column map; throws on unknown fields or a missing `=`. */
export function parseMap(text: string): ColumnMap {
	const map: ColumnMap = {};
	for (const part of text.split(',')) {
		const eq = part.indexOf('=');
		const field = part.slice(0, eq).trim() as keyof ColumnMap;
		const column = part.slice(eq + 1).trim();
		if (eq < 0 || column === '' || !MAP_FIELDS.includes(field)) {
			throw new UsageError(
				`--map ${part.trim()}: expected field=Column with field one of ${MAP_FIELDS.join(', ')}`,
			);
		}
		map[field] = column;
	}
	return map;
}

function parseFormat(text: string | undefined): FormatName | 'auto' {
	const format = text ?? 'auto';
	if (format !== 'auto' && !(FORMATS as readonly string[]).includes(format)) {
		throw new UsageError(`unknown format "${format}"; ${SUPPORTED}`);
	}
	return format as FormatName | 'auto';
}

/** The `##` sections of an MDX body, as plain text under their headings. */
export function sectionsOf(body: string): CoverageSection[] {
	const out: CoverageSection[] = [];
	for (const part of body.split(/^##(?!#)[ \t]+/m).slice(1)) {
		const nl = part.indexOf('\n');
		const heading = (nl < 0 ? part : part.slice(0, nl)).trim();
		const text = mdxText(nl < 0 ? '' : part.slice(nl + 1));
		if (heading !== '' && text !== '') out.push({ heading, text });
	}
	return out;
}

/**
 * Published KB articles and FAQs: a draft or archived article does not answer anyone yet. A
 * missing folder, or one without a single published entry, is an error: mining against nothing
 * would call every group a gap. Entries that fail their schema are left out and come back as
 * `file:line: …` warnings with every other content problem.
 */
export function readContent(root: string): {
	entries: ContentEntry[];
	categories: Set<string>;
	warnings: string[];
} {
	const missing = contentFolderError(root);
	if (missing) throw new InputError(`--content ${shown(root)}: no such folder`);
	const { set, problems } = loadAndCheckContent(root);
	const entries: ContentEntry[] = [];
	const categories = new Set<string>();
	for (const e of set.kb) {
		const d = e.data as typeof e.data & { summary: string; category: string };
		categories.add(d.category);
		if (d.status !== 'published') continue;
		entries.push({
			id: d.id,
			title: d.title,
			text: `${d.summary}\n${mdxText(e.body)}`,
			sections: sectionsOf(e.body),
			category: d.category,
		});
	}
	for (const e of set.faq) {
		const d = e.data as typeof e.data & { category: string };
		categories.add(d.category);
		if (d.status !== 'published') continue;
		// The id analytics and votes use: faq/<category>/<file name>.
		const slug = withoutEntryExtension(basename(e.filePath));
		entries.push({
			id: `faq/${d.category}/${slug}`,
			title: d.question,
			text: mdxText(e.body),
			sections: sectionsOf(e.body),
			category: d.category,
		});
	}
	const warnings = problems.map(
		(p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`,
	);
	if (entries.length === 0) {
		throw new InputError(
			`--content ${shown(root)}: no published KB articles or FAQs (kb/ and faq/ hold ${set.kb.length + set.faq.length} entries that pass their schema)`,
		);
	}
	return { entries, categories, warnings };
}

/** A path as the user would type it: relative below the working folder, absolute elsewhere. */
function shown(path: string): string {
	const rel = relative(process.cwd(), path);
	if (rel === '') return '.';
	return (rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel).split(sep).join('/');
}

/** Throws a UsageError for a path option that names nothing (empty or blank). */
function checkPath(option: string, path: string): void {
	if (path.trim() === '') throw new UsageError(`${option}: expected a path, got an empty string`);
}

/**
 * Throws a UsageError for an output folder the miner must not replace whole: the working folder,
 * one of its parents, or the root.
 */
function checkOutputFolder(option: string, path: string): void {
	checkPath(option, path);
	const cwd = process.cwd();
	const full = resolve(path);
	if (full === cwd || cwd.startsWith(full.endsWith(sep) ? full : full + sep)) {
		throw new UsageError(
			`${option} ${path}: is the working folder or one of its parents; the miner replaces its output folders whole, so name a folder of their own, such as reports/mine`,
		);
	}
}

/**
 * Run the command; returns the lines to print. Rejected records go to `warn` as `file:line: reason`.
 * Throws a InputError for anything the user must fix; nothing is written then.
 */
export async function runMine(
	args: MineArgs,
	warn: (line: string) => void = () => {},
): Promise<string[]> {
	const started = performance.now();
	// Every argument is checked before anything is read or written.
	if (args.files.length === 0) throw new UsageError('no export files given');
	for (const file of args.files) checkPath('export file', file);
	const format = parseFormat(args.format);
	const map = args.map === undefined ? undefined : parseMap(args.map);
	const minSize = Number(args.minSize ?? 3);
	if (!Number.isInteger(minSize) || minSize < 1) {
		throw new UsageError(`--min-size ${args.minSize}: expected a whole number of 1 or more`);
	}
	if (args.queries !== undefined) checkPath('--queries', args.queries);
	if (args.content !== undefined) checkPath('--content', args.content);
	const contentRoot = args.content ?? 'content';
	const out = args.out ?? join('reports', 'mine');
	const drafts = args.drafts ?? join(contentRoot, 'faq', '_suggested');
	checkOutputFolder('--out', out);
	checkOutputFolder('--drafts', drafts);
	const [a, b] = [resolve(out), resolve(drafts)];
	if (a === b || a.startsWith(b + sep) || b.startsWith(a + sep)) {
		throw new UsageError(
			`--out ${out} and --drafts ${drafts} must be separate folders, neither inside the other`,
		);
	}
	// Fail before the work, not after it.
	checkReplaceable(out);
	checkReplaceable(drafts);
	const inputs = args.files.map(openInput);
	const { entries, categories, warnings } = readContent(contentRoot);
	for (const w of warnings) warn(w);

	const result = await mine(inputs, {
		format,
		...(map ? { map } : {}),
		...(args.queries === undefined ? {} : { queries: openInput(args.queries) }),
		content: entries,
		categories,
		minSize,
		draftsDir: shown(drafts),
		now: new Date(),
	});
	const s = result.suggestions;
	writeDirsAtomically([
		{
			dir: out,
			files: new Map([
				['suggestions.json', `${JSON.stringify(s, null, '\t')}\n`],
				['report.md', result.markdown],
				['report.html', result.html],
			]),
		},
		{
			dir: drafts,
			files: new Map(result.drafts.map((d) => [d.fileName, d.source])),
		},
	]);

	const shownRejections = 20;
	for (const r of s.rejected.slice(0, shownRejections)) warn(`${r.file}:${r.line}: ${r.reason}`);
	if (s.rejected.length > shownRejections) {
		warn(
			`… and ${s.rejected.length - shownRejections} more rejected records, listed in ${shown(join(out, 'suggestions.json'))}`,
		);
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const covered = s.clusters.filter((c) => c.coveredBy !== null).length;
	return [
		`mined ${s.input.tickets} tickets from ${s.input.files.length} file${s.input.files.length === 1 ? '' : 's'} (${s.input.format}) in ${seconds} s: ${s.input.rejected} rejected, ${s.input.skipped} skipped` +
			(s.input.queries > 0 ? `, ${s.input.queries} search queries` : ''),
		`${s.clusters.length} groups, ${covered} covered by the help center; ${result.drafts.length} draft FAQ entries in ${shown(drafts)}/`,
		`report: ${shown(join(out, 'report.html'))} (also report.md, suggestions.json)`,
	];
}
