/**
 * URLs never silently break. `content/urls.lock` records every public URL the build makes; a URL
 * that disappears needs a redirect in `content/redirects.yaml`, and the check prints the exact
 * line to add. A URL that leaves the public edition because its entry became internal is its own
 * case: `--update-urls` records it as `internal /path/` once someone has decided that is intended.
 */
import type { ContentProblem } from './content-rules.ts';

export interface UrlLock {
	/** Public URLs with their 1-based line in the lock. */
	public: Map<string, number>;
	/** URLs recorded as having left the public edition for the internal one. */
	internal: Map<string, number>;
}

export interface RedirectLike {
	from: string;
	to: string;
}

const HEADER = [
	'# Every public URL the site makes, one per line: a URL that disappears needs a redirect in',
	'# redirects.yaml. `npm run check:content -- --update-urls` rewrites this file; do not edit it by hand.',
	'# `internal /path/` records a page that left the public edition because its entry became internal.',
];

export function parseLock(text: string): UrlLock {
	const lock: UrlLock = { public: new Map(), internal: new Map() };
	text.split('\n').forEach((raw, i) => {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) return;
		const internal = /^internal\s+(\S+)$/.exec(line);
		if (internal) lock.internal.set(internal[1]!, i + 1);
		else lock.public.set(line, i + 1);
	});
	return lock;
}

export function renderLock(publicPaths: Iterable<string>, internalPaths: Iterable<string>): string {
	const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
	return [...HEADER, ...sorted(publicPaths), ...sorted(internalPaths).map((p) => `internal ${p}`), ''].join('\n');
}

/**
 * Where an old URL most likely leads now: the one page with its last segment (moved to another
 * category), else the one new page beside it (renamed), else its nearest parent page.
 */
export function suggestTarget(path: string, current: ReadonlySet<string>, added: readonly string[] = []): string {
	const segments = path.split('/').filter(Boolean);
	const last = segments.at(-1);
	const section = segments[0];
	if (last && segments.length > 1) {
		const moved = [...current].filter((p) => p !== path && p.startsWith(`/${section}/`) && p.endsWith(`/${last}/`));
		if (moved.length === 1) return moved[0]!;
		const parent = `/${segments.slice(0, -1).join('/')}/`;
		const renamed = added.filter((p) => p.startsWith(parent) && p.slice(parent.length).split('/').length === 2);
		if (renamed.length === 1) return renamed[0]!;
	}
	for (let n = segments.length - 1; n > 0; n--) {
		const parent = `/${segments.slice(0, n).join('/')}/`;
		if (current.has(parent)) return parent;
	}
	return '/';
}

/** The YAML line that redirects `from` to `to`, as it goes into redirects.yaml. */
export const redirectLine = (from: string, to: string): string => `- { from: ${from}, to: ${to} }`;

export interface UrlCheckInput {
	/** The lock's text, and how to name it in messages. */
	lock: string;
	lockFile: string;
	redirects: readonly RedirectLike[];
	redirectsFile: string;
	/** Public URLs the build makes now. */
	current: ReadonlySet<string>;
	/** URLs only the internal edition makes now. */
	internal: ReadonlySet<string>;
}

export interface UrlCheck {
	problems: ContentProblem[];
	/** Public URLs not in the lock yet. */
	added: string[];
	/** Locked URLs the build no longer makes, redirected or not. */
	removed: string[];
	/** Locked public URLs whose entry is internal now. */
	nowInternal: string[];
	/** The lock as `--update-urls` writes it: URLs without a redirect stay, so their problem stays. */
	updated: string;
}

export function checkUrls(input: UrlCheckInput): UrlCheck {
	const lock = parseLock(input.lock);
	const redirected = new Map(input.redirects.map((r) => [r.from, r.to]));
	const problems: ContentProblem[] = [];
	const at = (line: number | undefined, field: string, message: string, file = input.lockFile, find?: string): ContentProblem =>
		({ file, ...(line ? { line } : {}), field, message, ...(find ? { find } : {}) });

	input.redirects.forEach((r, i) => {
		if (input.current.has(r.from)) {
			problems.push(at(undefined, `${i}.from`, `${r.from} is a page of the site again; remove this redirect`, input.redirectsFile, r.from));
		}
		if (!input.current.has(r.to)) {
			problems.push(at(undefined, `${i}.to`, `${r.to} is not a page of the site; redirect to ${suggestTarget(r.to, input.current)} or another page`, input.redirectsFile, r.from));
		}
	});

	const added = [...input.current].filter((p) => !lock.public.has(p)).sort();
	const removed: string[] = [];
	const nowInternal: string[] = [];
	const keep: string[] = [];
	for (const [path, line] of lock.public) {
		if (input.current.has(path)) continue;
		removed.push(path);
		if (redirected.has(path)) continue;
		if (input.internal.has(path)) {
			nowInternal.push(path);
			problems.push(
				at(line, 'url', `${path} left the public edition: its entry is internal now. If that is intended, run \`npm run check:content -- --update-urls\` to record it; otherwise add to ${input.redirectsFile}: ${redirectLine(path, suggestTarget(path, input.current, added))}`),
			);
		} else {
			keep.push(path);
			problems.push(
				at(line, 'url', `${path} is no longer a page of the site; add this line to ${input.redirectsFile}: ${redirectLine(path, suggestTarget(path, input.current, added))}`),
			);
		}
	}
	if (added.length > 0) {
		problems.push(
			at(undefined, 'urls', `${added.length} new URL${added.length === 1 ? ' is' : 's are'} not recorded yet (${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''}); run \`npm run check:content -- --update-urls\` and commit ${input.lockFile}`),
		);
	}
	const internalKept = [...lock.internal.keys(), ...nowInternal].filter((p) => input.internal.has(p) && !input.current.has(p));
	return {
		problems,
		added,
		removed,
		nowInternal,
		updated: renderLock([...input.current, ...redirected.keys(), ...keep], internalKept),
	};
}

/** The `_redirects` file of Netlify and Cloudflare Pages: `from to 301` per line. */
export function redirectsFileText(redirects: readonly RedirectLike[]): string {
	return [
		'# Written by the build from content/redirects.yaml.',
		...redirects.map((r) => `${r.from} ${r.to} 301`),
		'',
	].join('\n');
}
