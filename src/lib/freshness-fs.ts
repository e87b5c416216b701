/**
 * `npm run stale` and the freshness part of `npm run pr-report`: entries' dates and authors from
 * the content and from git.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { InputError, UsageError } from './cli-errors.ts';
import { githubAnnotation } from './check-content-fs.ts';
import { contentFolderError, loadAndCheckContent, loadRedirects, urlsLockFile } from './content-fs.ts';
import type { ContentProblem } from './content-rules.ts';
import { lineOfField } from './frontmatter.ts';
import { GROUPINGS, daysBefore, formatStale, freshnessWarning, revisionOf, staleGroups, type Dated, type Grouping } from './freshness.ts';
import { isEntryFile } from './entry-files.ts';
import { isoDate } from './labels.ts';
import { pageOfFile, summaryMarkdown, urlChanges } from './pr-report.ts';

function git(args: string[], cwd: string): string {
	return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Each file's last commit (author and day) under `dir`, by path relative to `cwd`; empty outside git. */
export function lastCommits(dir: string, cwd: string): Map<string, { author: string; day: string }> {
	const last = new Map<string, { author: string; day: string }>();
	let log: string;
	try {
		const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
		log = git(['log', '--format=%x00%an%x09%cs', '--name-only', '--', resolve(cwd, dir)], top);
		for (const commit of log.split('\0').slice(1)) {
			const [head, ...files] = commit.split('\n');
			const [author, day] = head!.split('\t');
			for (const f of files) {
				const file = relative(cwd, resolve(top, f.trim()));
				if (f.trim() && !last.has(file)) last.set(file, { author: author!, day: day! });
			}
		}
	} catch {
		// Not a git checkout (an unpacked archive): dates come from the content and the files.
	}
	return last;
}

export const STALE_USAGE = 'npm run stale -- [--days 180] [--by category|owner|author] [--content DIR]';

export function runStale(args: { days?: string; by?: string; content?: string; today: string; cwd?: string }): string[] {
	const cwd = args.cwd ?? process.cwd();
	const days = Number(args.days ?? 180);
	if (!Number.isInteger(days) || days < 1) throw new UsageError(`--days: a whole number of days, got "${args.days}"`);
	const by = (args.by ?? 'category') as Grouping;
	if (!GROUPINGS.includes(by)) throw new UsageError(`--by: one of ${GROUPINGS.join(', ')}, got "${args.by}"`);
	const root = resolve(cwd, args.content ?? process.env.TIERZERO_CONTENT_DIR ?? 'content');
	const folderError = contentFolderError(root);
	if (folderError) throw new InputError(folderError);
	const { set } = loadAndCheckContent(root, cwd);
	const commits = lastCommits(root, cwd);
	// Entries without an `updated` field are as old as their last commit (or their file).
	const changed = (file: string) => commits.get(file)?.day ?? statSync(resolve(cwd, file)).mtime.toISOString().slice(0, 10);
	const author = (file: string) => commits.get(file)?.author;
	const entries: Dated[] = [
		...set.kb.map((e) => ({ file: e.filePath, label: e.data.id, title: e.data.title, category: e.data.category, author: author(e.filePath), updated: isoDate(e.data.updated) })),
		...set.runbooks.map((e) => ({ file: e.filePath, label: e.data.id, title: e.data.title, owner: e.data.owner, author: author(e.filePath), updated: isoDate(e.data.updated) })),
		...set.faq.map((e) => ({ file: e.filePath, label: 'FAQ', title: e.data.question, category: e.data.category, author: author(e.filePath), updated: changed(e.filePath) })),
		...set.templates.map((e) => ({ file: e.filePath, label: e.data.id, title: e.data.title, author: author(e.filePath), updated: changed(e.filePath) })),
	];
	const cutoff = daysBefore(args.today, days);
	return formatStale(staleGroups(entries, cutoff, by), days, cutoff, by);
}

/**
 * Freshness warnings for a pull request: KB articles changed since `base` (a git ref) whose
 * `updated` date did not move.
 */
export function freshnessWarnings(base: string, root: string, cwd = process.cwd()): ContentProblem[] {
	const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
	const kbDir = relative(top, resolve(cwd, root, 'kb'));
	const changed = git(['diff', '--name-only', '--diff-filter=M', `${base}...HEAD`, '--', kbDir], top)
		.split('\n')
		.filter(isEntryFile);
	const warnings: ContentProblem[] = [];
	for (const f of changed) {
		const now = readFileSync(resolve(top, f), 'utf8');
		const then = git(['show', `${base}:${f}`], top);
		const w = freshnessWarning(relative(cwd, resolve(top, f)), revisionOf(then), revisionOf(now), lineOfField(now, 'updated'));
		if (w) warnings.push(w);
	}
	return warnings;
}

export const PR_REPORT_USAGE = 'npm run pr-report -- --base REF [--content DIR] [--format text|github] [--summary FILE]';

/**
 * `npm run pr-report`: the freshness warnings of a pull request (as GitHub annotations with
 * `--format github`) and the summary of its new, changed and removed URLs, appended to FILE
 * (the job summary) or printed.
 */
export function runPrReport(args: { base?: string; content?: string; format?: string; summary?: string; cwd?: string }): string[] {
	const cwd = args.cwd ?? process.cwd();
	if (!args.base) throw new UsageError('--base: the git ref the pull request goes into, e.g. origin/main');
	const format = args.format ?? 'text';
	if (format !== 'text' && format !== 'github') throw new UsageError(`--format: "${format}" is not text or github`);
	const root = resolve(cwd, args.content ?? process.env.TIERZERO_CONTENT_DIR ?? 'content');
	const folderError = contentFolderError(root);
	if (folderError) throw new InputError(folderError);
	let top: string;
	try {
		top = git(['rev-parse', '--show-toplevel'], cwd).trim();
		git(['rev-parse', '--verify', `${args.base}^{commit}`], top);
	} catch {
		throw new InputError(`${args.base} is not a commit of this git checkout; fetch it first (actions/checkout with fetch-depth: 0)`);
	}
	const rootInRepo = relative(top, resolve(cwd, root));
	const show = (file: string) => {
		try {
			return git(['show', `${args.base}:${file}`], top);
		} catch {
			return '';
		}
	};
	const changedFiles = git(['diff', '--name-only', '--diff-filter=M', `${args.base}...HEAD`, '--', rootInRepo], top).split('\n').filter(Boolean);
	const changedPages = changedFiles.flatMap((f) => {
		const page = pageOfFile(relative(rootInRepo, f), readFileSync(resolve(top, f), 'utf8'));
		return page ? [page] : [];
	});
	const { redirects } = loadRedirects(root, cwd);
	const headLock = existsSync(urlsLockFile(root)) ? readFileSync(urlsLockFile(root), 'utf8') : '';
	const changes = urlChanges(show(`${rootInRepo}/urls.lock`), headLock, changedPages, new Map((redirects ?? []).map((r) => [r.from, r.to])));
	const warnings = freshnessWarnings(args.base, root, cwd);
	const markdown = summaryMarkdown(changes, warnings.length);
	const lines = warnings.map((w) => (format === 'github' ? githubAnnotation(w, 'warning') : `warning: ${w.file}${w.line ? `:${w.line}` : ''}: ${w.field}: ${w.message}`));
	if (args.summary) appendFileSync(args.summary, markdown);
	else lines.push(markdown);
	return lines;
}
