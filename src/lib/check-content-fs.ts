/**
 * The `npm run check:content` command behind the argument parser: checks a content tree, prints
 * every problem (as text, or as GitHub annotations so they show on the changed lines of a pull
 * request), and with `--update-urls` records the site's public URLs in the tree's `urls.lock`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { InputError, UsageError } from './cli-errors.ts';
import { checkContentTree, contentFolderError, loadAndCheckContent, urlsLockFile } from './content-fs.ts';
import { formatProblems, type ContentProblem } from './content-rules.ts';
import { renderLock } from './urls.ts';

export const CHECK_USAGE = 'npm run check:content -- [CONTENT_DIR] [--update-urls] [--format text|github]   (default: content/)';

/** A problem as a GitHub Actions workflow command, which the pull request shows on its line. */
export function githubAnnotation(p: ContentProblem, level: 'error' | 'warning' = 'error'): string {
	// Workflow commands end at a line break and read `%`, `,` and `:` in properties specially.
	const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
	const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
	return `::${level} file=${property(p.file)}${p.line ? `,line=${p.line}` : ''},title=${property(p.field)}::${data(p.message)}`;
}

export interface CheckArgs {
	root: string;
	/** The build's cache folder, where the check keeps what each file gave for the next run (none: no cache). */
	cacheDir?: string;
	updateUrls: boolean;
	format?: string;
	out: (line: string) => void;
	err: (line: string) => void;
}

/** Runs the check; the exit code: 0 sound, 1 problems (printed). */
export function runCheckContent(args: CheckArgs): number {
	const format = args.format ?? 'text';
	if (format !== 'text' && format !== 'github') throw new UsageError(`--format: "${format}" is not text or github`);
	const folderError = contentFolderError(args.root);
	if (folderError) throw new UsageError(folderError);
	const { cacheDir } = args;
	const check = () => (cacheDir === undefined ? loadAndCheckContent(args.root) : checkContentTree(args.root, { cacheDir, warn: args.err }));
	let { problems, counts, urls } = check();
	if (args.updateUrls) {
		const lock = urlsLockFile(args.root);
		// A first lock starts empty, so every URL the content makes now is new.
		if (!existsSync(lock)) {
			writeFileSync(lock, renderLock([], []));
			({ urls } = check());
		}
		if (!urls) throw new InputError('fix the redirects file first; the URLs cannot be checked without it', lock);
		writeFileSync(lock, urls.updated);
		const what = [`${urls.added.length} new`, ...(urls.nowInternal.length ? [`${urls.nowInternal.length} now internal`] : [])];
		args.out(`recorded ${lock}: ${what.join(', ')}`);
		({ problems, counts } = check());
	}
	const remaining = problems;
	if (remaining.length === 0) {
		args.out(`content ok: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
		return 0;
	}
	if (format === 'github') for (const p of remaining) args.out(githubAnnotation(p));
	args.err(formatProblems(remaining));
	return 1;
}
