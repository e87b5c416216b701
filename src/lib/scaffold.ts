/**
 * `npm run new`: what a new entry's file says and where it goes, from its kind, title and
 * category. Pure; scaffold-fs.ts reads the tree and writes the file.
 */
import { KB_SECTIONS } from '../schemas/kb.ts';
import { htmlComment, yamlString } from './escape.ts';
import { ID_FORMAT, ID_SOURCE, faqPath, formatId, idNumber, kbPath, runbookPath, templatePath } from './permalinks.ts';

export const KINDS = ['kb', 'faq', 'runbook', 'template'] as const;
export type Kind = (typeof KINDS)[number];

/** The folder under the content tree each kind with an ID lives in. */
const FOLDER: Record<Exclude<Kind, 'faq'>, string> = { kb: 'kb', runbook: 'runbooks', template: 'templates' };

/** The content folder a kind lives in. */
export const folderOf = (kind: Kind): string => (kind === 'faq' ? 'faq' : FOLDER[kind]);

/** One prompt per KB section, from the playbooks' article template. */
const KB_PROMPTS: Record<(typeof KB_SECTIONS)[number], string> = {
	Symptoms: 'What the customer sees, as a bullet list: error messages word for word, where and when.',
	'Root cause': 'Why it happens, in plain words; the technical detail a support engineer needs.',
	Solution: 'The fix as numbered steps the customer can follow, with the exact commands.',
	Prevention: 'How to avoid it in future: a setting, a version to upgrade to, a habit.',
};

/**
 * The next free ID of a kind: one above the highest `used` (IDs in the tree, in drafts and in
 * the URL lock, so a retired entry's ID is never given again). Null for FAQs, which have none.
 */
export function nextId(kind: Kind, used: Iterable<string>): string | null {
	if (kind === 'faq') return null;
	const pattern = new RegExp(`^${ID_SOURCE[kind]}$`);
	let max = 0;
	for (const id of used) if (pattern.test(id)) max = Math.max(max, idNumber(id));
	const next = formatId(kind, max + 1);
	if (!next) throw new RangeError(`no ${ID_FORMAT[kind].prefix}- IDs left: ${formatId(kind, max)} is taken`);
	return next;
}

/** A file name from a title: lower-case words joined by dashes, at most 60 characters. */
export function slugOfTitle(title: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	const cut = slug.length <= 60 ? slug : slug.slice(0, 60).replace(/-[^-]*$/, '');
	return cut || 'untitled';
}

export interface NewEntry {
	kind: Kind;
	title: string;
	/** Required for KB articles and FAQs. */
	category?: string;
	/** `YYYY-MM-DD`. */
	today: string;
	/** From {@link nextId}; absent for FAQs. */
	id?: string | null;
}

/** Where the entry goes, relative to the content tree, and the page it will have. */
export function placeOf(entry: NewEntry): { file: string; path: string } {
	const slug = slugOfTitle(entry.title);
	switch (entry.kind) {
		case 'kb':
			return { file: `kb/${entry.category}/${slug}.md`, path: kbPath(entry.id!) };
		case 'faq':
			return { file: `faq/${entry.category}/${slug}.md`, path: faqPath(entry.category!, slug) };
		case 'runbook':
			return { file: `runbooks/${slug}.md`, path: runbookPath(entry.id!) };
		case 'template':
			return { file: `templates/${slug}.md`, path: templatePath(entry.id!) };
	}
}

// New entries are plain Markdown: none starts with a component (README: `.md` or `.mdx`).
const prompt = (text: string) => `<!-- ${htmlComment(text)} -->`;

/** The new file's text: every required field, and prompts where the writer's words go. */
export function renderEntry(entry: NewEntry): string {
	const q = yamlString;
	const lines = (front: string[], body: string[]) => ['---', ...front, '---', '', ...body, ''].join('\n');
	switch (entry.kind) {
		case 'kb':
			return lines(
				[
					`id: ${entry.id}`,
					`title: ${q(entry.title)}`,
					`summary: ${q('One or two sentences: the problem and who meets it. Shown in search results and reply snippets.')}`,
					'severity: medium',
					"affectedVersions: ['*']",
					`category: ${entry.category}`,
					'tags: []',
					'status: draft',
					`updated: ${entry.today}`,
					'related: []',
				],
				KB_SECTIONS.flatMap((s) => [`## ${s}`, '', prompt(KB_PROMPTS[s]), '']),
			);
		case 'faq':
			return lines(
				[`question: ${q(entry.title)}`, `category: ${entry.category}`, 'related: []', 'order: 100', 'status: draft'],
				[prompt('The answer in a few sentences. List the KB articles with the details in related.')],
			);
		case 'runbook':
			return lines(
				[
					`id: ${entry.id}`,
					`title: ${q(entry.title)}`,
					'priority: P2',
					`owner: ${q('Support engineer')}`,
					`trigger: ${q('When to start this runbook: the alert, ticket or request that sets it off.')}`,
					`updated: ${entry.today}`,
				],
				[
					prompt('Numbered steps, each with a time estimate in brackets; sub-points as a bullet list.'),
					'',
					'1. **First step** (5 min)',
					'2. **Second step** (10 min)',
				],
			);
		case 'template':
			return lines(
				[
					`id: ${entry.id}`,
					`title: ${q(entry.title)}`,
					`useCase: ${q('When an agent sends this reply, in one sentence.')}`,
					`subject: ${q('Re: [Issue Summary]')}`,
					'placeholders: [Customer Name, Issue Summary, Agent Name]',
				],
				[
					'Hi [Customer Name],',
					'',
					prompt('The reply. Every name in square brackets, here or in the subject, is listed in placeholders.'),
					'',
					'Best regards,',
					'[Agent Name]',
				],
			);
	}
}
