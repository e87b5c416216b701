/**
 * The pull-request report: which public URLs a change adds, changes and removes (the job
 * summary reviewers read), from the URL lock before and after and the changed content files.
 */
import { splitFrontmatter } from './frontmatter.ts';
import { faqPath, faqSlugOf, kbPath, runbookPath, templatePath } from './permalinks.ts';
import { parseLock } from './urls.ts';
import { isEntryFile } from './entry-files.ts';

/** The page a content file makes (relative to its content tree), or null for other files. */
export function pageOfFile(file: string, source: string): string | null {
	const [section] = file.split('/');
	if (!isEntryFile(file) || file.split('/').some((part) => part.startsWith('_'))) return null;
	let data: Record<string, unknown>;
	try {
		data = splitFrontmatter(source).data;
	} catch {
		return null;
	}
	const id = typeof data.id === 'string' ? data.id : undefined;
	if (section === 'kb' && id) return kbPath(id);
	if (section === 'runbooks' && id) return runbookPath(id);
	if (section === 'templates' && id) return templatePath(id);
	if (section === 'faq' && typeof data.category === 'string') return faqPath(data.category, faqSlugOf(file));
	return null;
}

export interface UrlChanges {
	added: string[];
	changed: string[];
	removed: { path: string; to?: string }[];
}

/** New, changed and removed public URLs between two locks; `changedPages` from the changed files. */
export function urlChanges(baseLock: string, headLock: string, changedPages: Iterable<string>, redirects: ReadonlyMap<string, string>): UrlChanges {
	const before = parseLock(baseLock).public;
	const after = parseLock(headLock).public;
	// A redirected URL stays in the lock (its redirect page is served); it counts as removed.
	const live = (p: string, lock: Map<string, number>) => lock.has(p) && !redirects.has(p);
	const added = [...after.keys()].filter((p) => live(p, after) && !before.has(p)).sort();
	const removed = [...before.keys()]
		.filter((p) => !live(p, after))
		.sort()
		.map((path) => ({ path, ...(redirects.has(path) ? { to: redirects.get(path)! } : {}) }));
	const changed = [...new Set(changedPages)].filter((p) => live(p, after) && before.has(p)).sort();
	return { added, changed, removed };
}

/** The job summary in GitHub Markdown; `site` makes the paths links when the preview has a URL. */
export function summaryMarkdown(changes: UrlChanges, warnings: number): string {
	const list = (items: string[]) => (items.length === 0 ? ['none'] : items.map((i) => `- ${i}`));
	const code = (p: string) => `\`${p}\``;
	return [
		'## Public URLs in this pull request',
		'',
		`${changes.added.length} new, ${changes.changed.length} changed, ${changes.removed.length} removed${warnings ? `; ${warnings} freshness warning${warnings === 1 ? '' : 's'} (see the annotations)` : ''}.`,
		'',
		'### New',
		...list(changes.added.map(code)),
		'',
		'### Changed',
		...list(changes.changed.map(code)),
		'',
		'### Removed',
		...list(changes.removed.map((r) => (r.to ? `${code(r.path)} → redirects to ${code(r.to)}` : code(r.path)))),
		'',
		'Download the `site` artifact of this run to preview the built site: unzip it and run `npm run serve -- site`.',
		'',
	].join('\n');
}
