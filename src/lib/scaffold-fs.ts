/**
 * The `npm run new` command behind the argument parser: checks the kind and category, finds the
 * next free ID in the content tree (and the URL lock, so retired IDs stay retired), and writes
 * the new entry, never over an existing file.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { unknownCategory } from './categories.ts';
import { InputError, UsageError } from './cli-errors.ts';
import { contentFolderError, loadCategories } from './content-fs.ts';
import { isEntryFile } from './entry-files.ts';
import { KINDS, folderOf, nextId, placeOf, renderEntry, type Kind } from './scaffold.ts';

export const NEW_USAGE = 'npm run new -- kb|faq|runbook|template "Title" [--category SLUG]';

export interface NewArgs {
	kind?: string;
	title?: string;
	category?: string;
	/** The content tree; default content/. */
	root: string;
	/** `YYYY-MM-DD`. */
	today: string;
	cwd?: string;
}

/** Every `id:` in a folder's files, `_`-prefixed drafts included: an ID is never given twice. */
function idsUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	const ids: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) ids.push(...idsUnder(path));
		else if (isEntryFile(name)) {
			const id = /^id:\s*["']?([A-Z]+-\d+)/m.exec(readFileSync(path, 'utf8'))?.[1];
			if (id) ids.push(id);
		}
	}
	return ids;
}

/** Writes the entry; returns the lines to print (the file, and how to preview it). */
export function runNew(args: NewArgs): string[] {
	const cwd = args.cwd ?? process.cwd();
	if (!args.kind || !(KINDS as readonly string[]).includes(args.kind)) {
		throw new UsageError(args.kind ? `unknown kind "${args.kind}"; use one of ${KINDS.join(', ')}` : 'which kind of entry?');
	}
	const kind = args.kind as Kind;
	const title = args.title?.trim();
	if (!title) throw new UsageError(`the ${kind === 'faq' ? 'question' : 'title'} is missing; put it in quotes`);
	const folderError = contentFolderError(args.root);
	if (folderError) throw new InputError(folderError);

	let category: string | undefined;
	if (kind === 'kb' || kind === 'faq') {
		const { categories, problems } = loadCategories(args.root, cwd);
		if (!categories) throw new InputError(problems[0]!.message, problems[0]!.file, problems[0]!.line);
		const slugs = categories.map((c) => c.slug);
		if (!args.category) throw new UsageError(`a ${kind === 'kb' ? 'KB article' : 'FAQ'} needs --category, one of ${slugs.join(', ')}`);
		const unknown = unknownCategory(args.category, slugs, relative(cwd, join(args.root, 'categories.yaml')));
		if (unknown) throw new UsageError(`--category: ${unknown}`);
		category = args.category;
	} else if (args.category) {
		throw new UsageError(`--category is for KB articles and FAQs; a ${kind} has none`);
	}

	// An FAQ's title is its question, which the schema wants to end with a question mark.
	const text = kind === 'faq' && !title.endsWith('?') ? `${title}?` : title;
	const lock = join(args.root, 'urls.lock');
	const used = [...idsUnder(join(args.root, folderOf(kind))), ...(existsSync(lock) ? readFileSync(lock, 'utf8').match(/[A-Z]+-\d+/g) ?? [] : [])];
	const entry = { kind, title: text, category, today: args.today, id: nextId(kind, used) };
	const { file, path } = placeOf(entry);
	const target = join(args.root, file);
	const shown = relative(cwd, target);
	if (existsSync(target)) throw new InputError(`already exists; choose another title, or edit that file`, shown);
	mkdirSync(dirname(target), { recursive: true });
	writeFileSync(target, renderEntry(entry), { flag: 'wx' });
	const draft = kind === 'kb' || kind === 'faq';
	return [
		`wrote ${shown}${entry.id ? ` (${entry.id})` : ''}${draft ? ', status: draft' : ''}`,
		`preview: npm run dev, then open http://localhost:4321${path}`,
		draft
			? 'publish: set status: published when it is ready, and open a pull request'
			: 'publish: open a pull request; a runbook or template is published when it is merged',
	];
}
