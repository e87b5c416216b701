import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { FaqSchema, KbSchema, PolicySchema, RunbookSchema, TemplateSchema } from '../schemas/index.ts';
import { checkContent, type ContentProblem, type EntryLike } from './content-rules.ts';
import { withLines } from './content-lines-fs.ts';
import { splitFrontmatter } from './frontmatter.ts';

/** Files below dir with the given extension, skipping `_`-prefixed files and folders as the site does. */
export function listContentFiles(dir: string, ext: string): string[] {
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
		else if (name.endsWith(ext)) out.push(p);
	}
	return out;
}

function issuesOf(file: string, error: z.ZodError): ContentProblem[] {
	return error.issues.map((i) => ({ file, field: i.path.join('.') || '(frontmatter)', message: i.message }));
}

/**
 * Why `root` cannot be checked, or null when it can: a mistyped folder must not pass as an
 * empty, "valid" help center.
 */
export function contentFolderError(root: string): string | null {
	return existsSync(root) && statSync(root).isDirectory() ? null : `${root}: no such content folder`;
}

/** The entries that passed their schema, with all their fields. */
export interface LoadedContent {
	kb: EntryLike<z.output<typeof KbSchema>>[];
	faq: EntryLike<z.output<typeof FaqSchema>>[];
	runbooks: EntryLike<z.output<typeof RunbookSchema>>[];
	templates: EntryLike<z.output<typeof TemplateSchema>>[];
}

/**
 * Read and check a whole content tree without Astro: the same schemas and cross-entry rules the
 * build applies, fast enough for an editor save hook or a pre-commit check.
 */
export function loadAndCheckContent(root: string, cwd = process.cwd()): {
	set: LoadedContent;
	problems: ContentProblem[];
	counts: Record<string, number>;
} {
	const problems: ContentProblem[] = [];
	// IDs of entries whose frontmatter failed; see checkContent.
	const unchecked = new Set<string>();
	const load = <S extends z.ZodType>(sub: string, schema: S) => {
		const entries: { filePath: string; data: z.output<S>; body: string }[] = [];
		for (const path of listContentFiles(join(root, sub), '.mdx')) {
			const filePath = relative(cwd, path);
			let parsed;
			try {
				parsed = splitFrontmatter(readFileSync(path, 'utf8'));
			} catch (e) {
				// The YAML parser's message carries a code frame; its first line says what and where.
				const first = (e as Error).message.split('\n')[0]!;
				const at = /at line (\d+)/.exec(first);
				problems.push({
					file: filePath,
					...(at ? { line: Number(at[1]) + 1 } : {}),
					field: '(frontmatter)',
					message: `is not valid YAML: ${first}`,
				});
				continue;
			}
			const r = schema.safeParse(parsed.data);
			if (r.success) entries.push({ filePath, data: r.data, body: parsed.body });
			else {
				problems.push(...issuesOf(filePath, r.error));
				const id = (parsed.data as { id?: unknown } | null)?.id;
				if (typeof id === 'string') unchecked.add(id);
			}
		}
		return entries;
	};
	const set = {
		kb: load('kb', KbSchema),
		faq: load('faq', FaqSchema),
		runbooks: load('runbooks', RunbookSchema),
		templates: load('templates', TemplateSchema),
	};
	let policies = 0;
	for (const path of listContentFiles(join(root, 'policy'), '.yaml')) {
		const filePath = relative(cwd, path);
		const r = PolicySchema.safeParse(parse(readFileSync(path, 'utf8')));
		if (!r.success) problems.push(...issuesOf(filePath, r.error));
		else policies += 1;
	}
	problems.push(...checkContent(set, unchecked));
	return {
		set,
		problems: withLines(problems, cwd),
		counts: {
			kb: set.kb.length,
			faq: set.faq.length,
			runbooks: set.runbooks.length,
			templates: set.templates.length,
			policy: policies,
		},
	};
}
