import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { CategoriesSchema, FaqSchema, KbSchema, PolicySchema, RedirectsSchema, RunbookSchema, TemplateSchema, type Category, type Policy, type Redirect } from '../schemas/index.ts';
import { sortCategories, unknownCategory } from './categories.ts';
import { checkContent, checkedRoutes, type BodyFacts, type ContentProblem, type ContentSet, type EntryLike } from './content-rules.ts';
import { EntryRecordCache } from './content-check-cache-fs.ts';
import { readEntry } from './entry-record.ts';
import { checkUrls, type UrlCheck } from './urls.ts';
import { withLines } from './content-lines-fs.ts';
import { yamlProblem } from './yaml-problem.ts';
import { ENTRY_EXTENSIONS } from './entry-files.ts';
import { readSynonyms } from './search/synonyms-fs.ts';

/** Files below dir with the given extension(s), skipping `_`-prefixed files and folders as the site does. */
export function listContentFiles(dir: string, ext: string | readonly string[]): string[] {
	const exts = typeof ext === 'string' ? [ext] : ext;
	let names: string[];
	try {
		names = readdirSync(dir).sort();
	} catch {
		return [];
	}
	const out: string[] = [];
	for (const name of names) {
		if (name.startsWith('_') || name.startsWith('.')) continue;
		const p = join(dir, name);
		if (statSync(p).isDirectory()) out.push(...listContentFiles(p, ext));
		else if (exts.some((e) => name.endsWith(e))) out.push(p);
	}
	return out;
}

/** Entry files (`.md` and `.mdx`) below dir, as the site's collections load them. */
export const listEntryFiles = (dir: string): string[] => listContentFiles(dir, ENTRY_EXTENSIONS);

function issuesOf(file: string, error: z.ZodError): ContentProblem[] {
	return error.issues.map((i) => ({ file, field: i.path.join('.') || '(frontmatter)', message: i.message }));
}

/**
 * The fields of `raw` that pass their own part of `schema`, and the names of those that do not.
 */
export function soundFields(schema: z.ZodObject, raw: unknown): { data: Record<string, unknown>; invalid: Set<string> } {
	const record = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
	const data: Record<string, unknown> = {};
	const invalid = new Set<string>();
	for (const [key, field] of Object.entries(schema.shape)) {
		const r = (field as z.ZodType).safeParse(record[key]);
		if (r.success) data[key] = r.data;
		else invalid.add(key);
	}
	return { data, invalid };
}

/**
 * Why `root` cannot be checked, or null when it can: a mistyped folder must not pass as an
 * empty, "valid" help center.
 */
export function contentFolderError(root: string): string | null {
	return existsSync(root) && statSync(root).isDirectory() ? null : `${root}: no such content folder`;
}

/** Where a content tree lists its categories. */
export const categoriesFile = (root: string): string => join(root, 'categories.yaml');

/**
 * The categories of a content tree in display order, or null with the problems when the file is
 * missing or wrong.
 */
export function loadCategories(root: string, cwd = process.cwd()): { categories: Category[] | null; problems: ContentProblem[] } {
	const path = categoriesFile(root);
	const file = relative(cwd, path);
	if (!existsSync(path)) {
		return {
			categories: null,
			problems: [{ file, field: '(file)', message: 'no such file; list the categories here (slug, name, description, order for each)' }],
		};
	}
	let raw: unknown;
	try {
		raw = parse(readFileSync(path, 'utf8'));
	} catch (e) {
		return { categories: null, problems: [{ file, field: '(file)', ...yamlProblem(e as Error, 1) }] };
	}
	const r = CategoriesSchema.safeParse(raw ?? []);
	if (!r.success) return { categories: null, problems: issuesOf(file, r.error) };
	return { categories: sortCategories(r.data), problems: [] };
}

/** Where a content tree records its public URLs, and the redirects of those that moved. */
export const urlsLockFile = (root: string): string => join(root, 'urls.lock');
export const redirectsFile = (root: string): string => join(root, 'redirects.yaml');

/** The redirects of a content tree (none when the file is absent), or null with the problems. */
export function loadRedirects(root: string, cwd = process.cwd()): { redirects: Redirect[] | null; problems: ContentProblem[] } {
	const path = redirectsFile(root);
	const file = relative(cwd, path);
	if (!existsSync(path)) return { redirects: [], problems: [] };
	let raw: unknown;
	try {
		raw = parse(readFileSync(path, 'utf8'));
	} catch (e) {
		return { redirects: null, problems: [{ file, field: '(file)', ...yamlProblem(e as Error, 1) }] };
	}
	const r = RedirectsSchema.safeParse(raw ?? []);
	return r.success ? { redirects: r.data, problems: [] } : { redirects: null, problems: issuesOf(file, r.error) };
}

/** The entries that passed their schema, with all their fields. */
export interface LoadedContent {
	kb: EntryLike<z.output<typeof KbSchema>>[];
	faq: EntryLike<z.output<typeof FaqSchema>>[];
	runbooks: EntryLike<z.output<typeof RunbookSchema>>[];
	templates: EntryLike<z.output<typeof TemplateSchema>>[];
	policy: EntryLike<Policy>[];
}

/** What checking a content tree gives. */
export interface ContentCheck {
	problems: ContentProblem[];
	counts: Record<string, number>;
	/** The URL check, when the tree has a `urls.lock` (a tree without one opts out). */
	urls: UrlCheck | null;
}

/**
 * Read and check a whole content tree without Astro: the same schemas and cross-entry rules the
 * build applies, fast enough for an editor save hook or a pre-commit check.
 */
export function loadAndCheckContent(root: string, cwd = process.cwd()): ContentCheck & { set: LoadedContent } {
	return loadTree(root, cwd, null);
}

/**
 * {@link loadAndCheckContent}'s check, reading again only the entry files whose bytes changed
 * since the last run with the same `cacheDir` (src/lib/content-check-cache-fs.ts); the rules
 * across files run on every entry. `reused` and `parsed` count the entry files of each kind.
 * A cache that cannot be written costs only speed: `warn` is told why.
 */
export function checkContentTree(
	root: string,
	options: { cacheDir: string; cwd?: string; fingerprint?: string; warn?: (message: string) => void },
): ContentCheck & { reused: number; parsed: number } {
	const cache = new EntryRecordCache(options.cacheDir, root, options.fingerprint);
	const { problems, counts, urls, set } = loadTree(root, options.cwd ?? process.cwd(), cache);
	// Only a tree without problems has every KB file among the entries that passed their schema.
	if (problems.length === 0) checkedKb.set(resolve(root), set.kb.map(({ data }) => ({ id: data.id, status: data.status })));
	else checkedKb.delete(resolve(root));
	try {
		cache.save();
	} catch (e) {
		options.warn?.(`the content check could not keep its results for the next build: ${(e as Error).message}`);
	}
	return { problems, counts, urls, reused: cache.reused, parsed: cache.parsed };
}

/** What the last check in this process without a problem read of each tree's KB articles, by its resolved folder. */
const checkedKb = new Map<string, readonly { id: string; status: string }[]>();

/**
 * The ID and status of every KB article of `root`, as the last {@link checkContentTree} of it in
 * this process found them with no problem in the tree; undefined when there was none. A build's
 * later steps read them here rather than every article again (thousands of files, and their YAML).
 */
export const checkedKbArticles = (root: string): readonly { id: string; status: string }[] | undefined => checkedKb.get(resolve(root));

function loadTree(root: string, cwd: string, cache: EntryRecordCache | null): ContentCheck & { set: LoadedContent } {
	const problems: ContentProblem[] = [];
	// IDs of entries whose frontmatter failed; see checkContent.
	const unchecked = new Set<string>();
	// Entries whose frontmatter failed, with the fields that did parse: their body and the
	// rules that read only sound fields still run, so one wrong field hides no other problem.
	const salvaged: ContentSet = { kb: [], faq: [], runbooks: [], templates: [], policy: [] };
	const load = <S extends z.ZodObject>(sub: keyof ContentSet, schema: S) => {
		const entries: { filePath: string; data: z.output<S>; body: string; facts: BodyFacts }[] = [];
		for (const path of listEntryFiles(join(root, sub))) {
			const filePath = relative(cwd, path);
			const { record, body = '' } = cache ? cache.record(path) : readEntry(readFileSync(path, 'utf8'));
			const { frontmatter, facts } = record;
			if ('problem' in frontmatter) {
				problems.push({ file: filePath, field: '(frontmatter)', ...frontmatter.problem });
				// Its ID, when a line says it, keeps links to this entry from being reported as well.
				if (frontmatter.id) unchecked.add(frontmatter.id);
				salvaged[sub].push({ filePath, data: {} as never, body, facts, invalid: new Set(Object.keys(schema.shape)) });
				continue;
			}
			const r = schema.safeParse(frontmatter.data);
			if (r.success) entries.push({ filePath, data: r.data, body, facts });
			else {
				problems.push(...issuesOf(filePath, r.error));
				const id = (frontmatter.data as { id?: unknown } | null)?.id;
				const { data, invalid } = soundFields(schema, frontmatter.data);
				if (typeof id === 'string' && invalid.has('id')) unchecked.add(id);
				salvaged[sub].push({ filePath, data: data as never, body, facts, invalid });
			}
		}
		return entries;
	};
	const set = {
		kb: load('kb', KbSchema),
		faq: load('faq', FaqSchema),
		runbooks: load('runbooks', RunbookSchema),
		templates: load('templates', TemplateSchema),
		policy: [] as EntryLike<Policy>[],
	};
	const { policy } = set;
	for (const path of listContentFiles(join(root, 'policy'), '.yaml')) {
		const filePath = relative(cwd, path);
		let raw: unknown;
		try {
			raw = parse(readFileSync(path, 'utf8'));
		} catch (e) {
			problems.push({ file: filePath, field: '(file)', ...yamlProblem(e as Error, 1) });
			continue;
		}
		const r = PolicySchema.safeParse(raw);
		if (r.success) {
			policy.push({ filePath, data: r.data, body: '' });
			continue;
		}
		problems.push(...issuesOf(filePath, r.error));
		// Its page still exists (links to it are not reported again), for the audience it names.
		const { kind, audience } = (raw ?? {}) as { kind?: unknown; audience?: unknown };
		if (typeof kind === 'string') {
			salvaged.policy.push({ filePath, data: { kind, audience: audience === 'internal' ? 'internal' : 'public' } as never, body: '', invalid: new Set(['(file)']) });
		}
	}
	const { categories, problems: categoryProblems } = loadCategories(root, cwd);
	problems.push(...categoryProblems);
	const checked: ContentSet = {
		kb: [...set.kb, ...salvaged.kb],
		faq: [...set.faq, ...salvaged.faq],
		runbooks: [...set.runbooks, ...salvaged.runbooks],
		templates: [...set.templates, ...salvaged.templates],
		policy: [...set.policy, ...salvaged.policy],
	};
	problems.push(...checkContent(checked, unchecked));
	// Without a readable categories file every entry would fail; its own problem says enough.
	if (categories) {
		const slugs = categories.map((c) => c.slug);
		for (const e of [...checked.kb, ...checked.faq]) {
			if (e.invalid?.has('category')) continue;
			const message = unknownCategory(e.data.category, slugs, relative(cwd, categoriesFile(root)));
			if (message) problems.push({ file: e.filePath, field: 'category', message });
		}
	}
	const { redirects, problems: redirectProblems } = loadRedirects(root, cwd);
	problems.push(...redirectProblems);
	let urls: UrlCheck | null = null;
	const lockPath = urlsLockFile(root);
	if (redirects && existsSync(lockPath)) {
		// The public edition leaves out entries for the team only (`audience: internal`).
		const isPublic = (e: { data: object }) => (e.data as { audience?: unknown }).audience !== 'internal';
		const publicSet: ContentSet = {
			kb: checked.kb.filter(isPublic),
			faq: checked.faq.filter(isPublic),
			runbooks: checked.runbooks.filter(isPublic),
			templates: checked.templates.filter(isPublic),
			policy: checked.policy.filter(isPublic),
		};
		const current = checkedRoutes(publicSet, unchecked, 'public');
		const internal = new Set([...checkedRoutes(checked, unchecked, 'internal')].filter((p) => !current.has(p)));
		urls = checkUrls({
			lock: readFileSync(lockPath, 'utf8'),
			lockFile: relative(cwd, lockPath),
			redirects,
			redirectsFile: relative(cwd, redirectsFile(root)),
			current,
			internal,
		});
		problems.push(...urls.problems);
	}
	problems.push(...readSynonyms(root, cwd).problems);
	return {
		urls,
		set,
		problems: withLines(problems, cwd).sort(
			(a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || a.field.localeCompare(b.field),
		),
		counts: {
			kb: set.kb.length,
			faq: set.faq.length,
			runbooks: set.runbooks.length,
			templates: set.templates.length,
			policy: set.policy.length,
		},
	};
}
