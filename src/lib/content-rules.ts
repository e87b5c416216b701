import { KB_SECTIONS } from '../schemas/kb.ts';
import { mentionedIds } from './id-links.ts';
import type { Audience, Edition } from './edition.ts';
import { headingIdsInProse, linkProblem, linksInProse, proseLineEntries, sitePathOf } from './links.ts';
import { findPlaceholders } from './placeholders.ts';
import { KB_ID, RUNBOOK_ID, TEMPLATE_ID, faqFilePath, idPath, kbPath, policyPath, runbookPath, templatePath } from './permalinks.ts';
import { siteRoutes } from './routes.ts';

/** One content mistake, reported as `file: field: message`. */
export interface ContentProblem {
	file: string;
	/** 1-based line in the file, where it can be told. */
	line?: number;
	field: string;
	message: string;
	/** Text whose first line in the file is the problem's line, where the field alone is too coarse. */
	find?: string;
}

/** The parts of a collection entry the rules read; matches Astro's entries and plain parsed files. */
export interface EntryLike<D = Record<string, unknown>> {
	filePath: string;
	data: D;
	body: string;
	/**
	 * Frontmatter fields that failed their schema (already reported): their values in `data` are
	 * missing, and the rules that read them skip this entry.
	 */
	invalid?: ReadonlySet<string>;
	/**
	 * What the rules read from `body`, when known already (kept from an earlier check of the same
	 * file, src/lib/content-check-cache-fs.ts); the rules then do not read `body`.
	 */
	facts?: BodyFacts;
}

/** What the rules read from one entry's body: all of a body's part in the check. */
export interface BodyFacts {
	/** Entry IDs mentioned in prose ({@link mentionedIds}). */
	mentioned: string[];
	/** Links as written ({@link linksIn}). */
	links: string[];
	/** The ids of its headings ({@link headingIds}). */
	headings: string[];
	/** What {@link checkKbSections} says of it. */
	kbSections: string | null;
	/** What {@link checkRunbookSteps} says of it. */
	runbookSteps: string | null;
	/** Placeholders used in it ({@link findPlaceholders}). */
	placeholders: string[];
}

/** The facts of a body, from one pass over its prose lines. */
export function bodyFacts(body: string): BodyFacts {
	const prose = proseLineEntries(body);
	const lines = prose.map(([text]) => text);
	return {
		mentioned: mentionedIds(lines),
		links: linksInProse(prose).map((l) => l.url),
		headings: headingIdsInProse(prose),
		kbSections: kbSectionsProblem(lines),
		runbookSteps: runbookStepsProblem(lines),
		placeholders: findPlaceholders(body),
	};
}

const factsMemo = new WeakMap<object, BodyFacts>();

/** An entry's body facts: its own, or worked out once from its body. */
export function factsOf(e: EntryLike<unknown>): BodyFacts {
	if (e.facts) return e.facts;
	let facts = factsMemo.get(e);
	if (!facts) factsMemo.set(e, (facts = bodyFacts(e.body)));
	return facts;
}

/** Whether every named field of the entry passed its schema. */
export const sound = (e: { invalid?: ReadonlySet<string> }, ...fields: string[]): boolean =>
	!fields.some((f) => e.invalid?.has(f));

interface KbLike {
	id: string;
	title: string;
	status: 'draft' | 'published' | 'archived';
	category: string;
	tags: readonly string[];
	related: string[];
	audience: Audience;
}
interface FaqLike {
	question: string;
	category: string;
	status: 'draft' | 'published';
	related: string[];
	audience: Audience;
}
interface RunbookLike {
	id: string;
	audience: Audience;
}
interface TemplateLike {
	id: string;
	audience: Audience;
	subject: string;
	placeholders: string[];
}

interface PolicyLike {
	kind: string;
	audience: Audience;
}

export interface ContentSet {
	kb: EntryLike<KbLike>[];
	faq: EntryLike<FaqLike>[];
	runbooks: EntryLike<RunbookLike>[];
	templates: EntryLike<TemplateLike>[];
	/** The policy files (YAML, so no body); only their kind and audience matter to the rules. */
	policy: EntryLike<PolicyLike>[];
}

/** Lines of a Markdown body that are not inside fenced code blocks. */
export function proseLines(body: string): string[] {
	return proseLineEntries(body).map(([text]) => text);
}

/** `##` headings of a Markdown body, outside fenced code. */
export function h2Headings(body: string): string[] {
	return h2InProse(proseLines(body));
}

function h2InProse(lines: readonly string[]): string[] {
	return lines.flatMap((line) => {
		const h = /^##\s+(.+?)\s*#*\s*$/.exec(line);
		return h ? [h[1]!] : [];
	});
}

/** Sections of the KB template that the body lacks or has out of order. */
export function checkKbSections(body: string): string | null {
	return kbSectionsProblem(proseLines(body));
}

function kbSectionsProblem(lines: readonly string[]): string | null {
	const headings = h2InProse(lines).map((h) => h.toLowerCase());
	const missing = KB_SECTIONS.filter((s) => !headings.includes(s.toLowerCase()));
	if (missing.length > 0) {
		return `missing section${missing.length > 1 ? 's' : ''} ${missing.map((s) => `"## ${s}"`).join(', ')}; every KB article has ${KB_SECTIONS.map((s) => `## ${s}`).join(', ')}`;
	}
	const order = KB_SECTIONS.map((s) => headings.indexOf(s.toLowerCase()));
	if (order.some((v, i) => i > 0 && v < order[i - 1]!)) {
		return `sections must come in the order ${KB_SECTIONS.map((s) => `## ${s}`).join(', ')}`;
	}
	return null;
}

/** Runbook steps: a numbered list, and a time estimate such as "(5 min)" on each top-level step. */
export function checkRunbookSteps(body: string): string | null {
	return runbookStepsProblem(proseLines(body));
}

function runbookStepsProblem(lines: readonly string[]): string | null {
	const steps = lines.filter((l) => /^\d+\.\s+\S/.test(l));
	if (steps.length < 2) return 'runbook body must have numbered steps ("1. …", "2. …")';
	const untimed = steps.filter((l) => !TIME_ESTIMATE.test(l));
	if (untimed.length > 0) {
		return `each numbered step needs a time estimate such as "(5 min)" or "(1 h)"; missing on: "${untimed[0]!.slice(0, 60)}"`;
	}
	return null;
}
export const TIME_ESTIMATE = /\(\s*(?:~|≤|<=|up to )?\s*\d+(?:\.\d+)?(?:[–-]\d+(?:\.\d+)?)?\s*(?:s|sec|seconds?|min|minutes?|h|hrs?|hours?|d|days?)\s*\)/i;

/** Placeholders used in subject + body versus the declared list. */
export function checkTemplatePlaceholders(
	subject: string,
	body: string,
	declared: string[],
): ContentProblem[] {
	return placeholderProblems(findPlaceholders(`${subject}\n${body}`), declared);
}

/**
 * {@link checkTemplatePlaceholders} from the placeholders subject and body use: a placeholder
 * never spans lines, so those of `${subject}\n${body}` are the subject's, then the body's.
 */
function placeholderProblems(used: readonly string[], declared: readonly string[]): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const name of used) {
		if (!declared.includes(name)) {
			problems.push({
				file: '',
				field: 'placeholders',
				message: `"[${name}]" is used but not declared; add "${name}" to placeholders`,
			});
		}
	}
	for (const name of declared) {
		if (!used.includes(name)) {
			problems.push({
				file: '',
				field: 'placeholders',
				message: `"${name}" is declared but never used as "[${name}]" in the subject or body; use it or remove it`,
			});
		}
	}
	return problems;
}

function duplicates<T>(entries: EntryLike<T>[], key: (d: T) => string, what: string): ContentProblem[] {
	const byKey = new Map<string, string[]>();
	for (const e of entries) {
		if (!sound(e, 'id')) continue;
		const k = key(e.data);
		byKey.set(k, [...(byKey.get(k) ?? []), e.filePath]);
	}
	const problems: ContentProblem[] = [];
	for (const [k, files] of byKey) {
		if (files.length < 2) continue;
		for (const f of files) {
			const others = files.filter((o) => o !== f);
			problems.push({ file: f, field: 'id', message: `duplicate ${what} ${k}, also used by ${others.join(', ')}; give each entry its own ID` });
		}
	}
	return problems;
}

/**
 * Every rule that spans a body or several entries. Empty when the content is sound.
 * `unchecked` holds the IDs of entries left out of `set` because their own frontmatter failed:
 * references to them are not reported, so one bad field is one error, not one per mention.
 */
export function checkContent(set: ContentSet, unchecked: ReadonlySet<string> = new Set()): ContentProblem[] {
	const problems: ContentProblem[] = [];
	problems.push(...duplicates(set.kb, (d) => d.id, 'KB ID'));
	problems.push(...duplicates(set.runbooks, (d) => d.id, 'runbook ID'));
	problems.push(...duplicates(set.templates, (d) => d.id, 'template ID'));

	const kbById = new Map(set.kb.filter((e) => sound(e, 'id')).map((e) => [e.data.id, e]));
	const checkRelated = (file: string, status: string | undefined, related: string[] = [], self?: string) => {
		related.forEach((id, i) => {
			const target = kbById.get(id);
			if (id === self) {
				problems.push({ file, field: `related[${i}]`, message: `${id} is this article itself; list other articles` });
			} else if (!target) {
				if (unchecked.has(id)) return;
				problems.push({ file, field: `related[${i}]`, message: `${id} does not exist; use the ID of an existing KB article` });
			} else if (status === 'published' && sound(target, 'status') && target.data.status === 'draft') {
				problems.push({
					file,
					field: `related[${i}]`,
					message: `${id} (${target.filePath}) is a draft, and a published entry cannot point to a draft; publish it or remove the link`,
				});
			}
		});
	};

	// IDs written in prose become links (id-links.ts); each must lead somewhere.
	const known = new Set([
		...set.kb.filter((e) => sound(e, 'id') && e.data.status !== 'draft').map((e) => e.data.id),
		...set.runbooks.filter((e) => sound(e, 'id')).map((e) => e.data.id),
		...set.templates.filter((e) => sound(e, 'id')).map((e) => e.data.id),
	]);
	for (const e of [...set.kb, ...set.faq, ...set.runbooks]) {
		for (const id of factsOf(e).mentioned) {
			if (!known.has(id) && !unchecked.has(id)) {
				problems.push({
					file: e.filePath,
					field: 'body',
					message: `mentions ${id}, which does not exist or is a draft; fix the ID or put it in \`code\` to keep it unlinked`,
				});
			}
		}
	}
	problems.push(...checkLinks(set, unchecked));
	problems.push(...checkAudience(set));
	for (const e of set.kb) {
		const s = factsOf(e).kbSections;
		if (s) problems.push({ file: e.filePath, field: 'body', message: s });
		checkRelated(e.filePath, e.data.status, e.data.related, e.data.id);
	}
	for (const e of set.faq) checkRelated(e.filePath, e.data.status, e.data.related);
	for (const e of set.runbooks) {
		const s = factsOf(e).runbookSteps;
		if (s) problems.push({ file: e.filePath, field: 'body', message: s });
	}
	for (const e of set.templates.filter((t) => sound(t, 'subject', 'placeholders'))) {
		const used = [...new Set([...findPlaceholders(e.data.subject), ...factsOf(e).placeholders])];
		for (const p of placeholderProblems(used, e.data.placeholders)) {
			problems.push({ ...p, file: e.filePath });
		}
	}
	return problems.sort((a, b) => a.file.localeCompare(b.file) || a.field.localeCompare(b.field));
}

/**
 * The pages a production build of `set` makes, counting those of entries whose frontmatter
 * failed where their fields tell: a link to such an entry, or its URL in the URL lock, is not
 * reported again (the entry's own problem is).
 */
export function checkedRoutes(
	set: ContentSet,
	unchecked: ReadonlySet<string> = new Set(),
	edition: Edition = 'internal',
): Set<string> {
	const routes = siteRoutes({
		kb: set.kb.filter((e) => sound(e, 'id', 'status', 'category', 'tags')),
		faq: set.faq.filter((e) => sound(e, 'category', 'status')),
		runbooks: set.runbooks.filter((e) => sound(e, 'id')),
		templates: set.templates.filter((e) => sound(e, 'id')),
		policy: set.policy,
	}, edition);
	for (const id of unchecked) if ([KB_ID, RUNBOOK_ID, TEMPLATE_ID].some((p) => p.test(id))) routes.add(idPath(id));
	return routes;
}

/**
 * Links in KB, FAQ and runbook bodies that lead nowhere in a production build (see links.ts).
 * Reply templates are left out: their links are for the customer's mail client.
 */
export function checkLinks(set: ContentSet, unchecked: ReadonlySet<string> = new Set()): ContentProblem[] {
	// Every page of either edition; what public entries may reach is checkAudience's business.
	const routes = checkedRoutes(set, unchecked);
	const anchors = new Map<string, string[]>();
	const pages: { file: string; path: string; facts: BodyFacts; draft: boolean }[] = [
		...set.kb.filter((e) => sound(e, 'id', 'status')).map((e) => ({
			file: e.filePath,
			path: kbPath(e.data.id),
			facts: factsOf(e),
			draft: e.data.status === 'draft',
		})),
		...set.faq.filter((e) => sound(e, 'category', 'status')).map((e) => ({
			file: e.filePath,
			path: faqFilePath(e.data.category, e.filePath),
			facts: factsOf(e),
			draft: e.data.status === 'draft',
		})),
		...set.runbooks.filter((e) => sound(e, 'id')).map((e) => ({
			file: e.filePath,
			path: runbookPath(e.data.id),
			facts: factsOf(e),
			draft: false,
		})),
	];
	for (const page of pages) anchors.set(page.path, [...page.facts.headings, 'main']);
	const problems: ContentProblem[] = [];
	// A draft is not built, so its links go nowhere yet either way; they are checked on publishing.
	for (const page of pages.filter((p) => !p.draft)) {
		for (const url of page.facts.links) {
			const message = linkProblem(url, page.path, routes, anchors);
			if (message) problems.push({ file: page.file, field: 'body', message, find: url });
		}
	}
	return problems;
}

/**
 * A public entry that leads to something only the internal edition has would show customers a
 * 404 (or, for an ID in prose, name something they cannot open): its related IDs, the IDs in its
 * prose and its links to the site must all stay in the public edition. Each problem names both.
 */
export function checkAudience(set: ContentSet): ContentProblem[] {
	const internal = new Map<string, { what: string; file: string }>();
	const internalPaths = new Map<string, { what: string; file: string }>();
	const note = (id: string, path: string, file: string) => {
		internal.set(id, { what: id, file });
		internalPaths.set(path, { what: id, file });
	};
	for (const e of set.kb) if (e.data.audience === 'internal') note(e.data.id, kbPath(e.data.id), e.filePath);
	for (const e of set.runbooks) if (e.data.audience === 'internal') note(e.data.id, runbookPath(e.data.id), e.filePath);
	for (const e of set.templates) if (e.data.audience === 'internal') note(e.data.id, templatePath(e.data.id), e.filePath);
	for (const e of set.faq) {
		if (e.data.audience !== 'internal') continue;
		const path = faqFilePath(e.data.category, e.filePath);
		internalPaths.set(path, { what: `the FAQ "${e.data.question}"`, file: e.filePath });
	}
	for (const e of set.policy) {
		if (e.data.audience !== 'internal') continue;
		internalPaths.set(policyPath(e.data.kind), { what: `the ${e.data.kind} policy`, file: e.filePath });
	}
	const publicRoutes = siteRoutes(set, 'public');
	const allRoutes = siteRoutes(set, 'internal');
	const problems: ContentProblem[] = [];
	const fix = 'make both public, make this entry internal, or remove the link';
	const named = (t: { what: string; file: string }) => `${t.what} (${t.file}), which is internal`;

	type Page = { file: string; path: string; facts: BodyFacts; related: string[]; links: boolean };
	const pages: Page[] = [
		...set.kb
			.filter((e) => e.data.audience === 'public' && e.data.status !== 'draft')
			.map((e) => ({ file: e.filePath, path: kbPath(e.data.id), facts: factsOf(e), related: e.data.related, links: true })),
		...set.faq
			.filter((e) => e.data.audience === 'public' && e.data.status !== 'draft')
			.map((e) => ({ file: e.filePath, path: faqFilePath(e.data.category, e.filePath), facts: factsOf(e), related: e.data.related, links: true })),
		...set.runbooks
			.filter((e) => e.data.audience === 'public')
			.map((e) => ({ file: e.filePath, path: runbookPath(e.data.id), facts: factsOf(e), related: [], links: true })),
		// A template's links are for the customer's mail client, but an ID in it still becomes a link.
		...set.templates
			.filter((e) => e.data.audience === 'public')
			.map((e) => ({ file: e.filePath, path: templatePath(e.data.id), facts: factsOf(e), related: [], links: false })),
	];
	for (const page of pages) {
		page.related.forEach((id, i) => {
			const target = internal.get(id);
			if (target) problems.push({ file: page.file, field: `related[${i}]`, message: `is public but points to ${named(target)}; ${fix}` });
		});
		for (const id of page.facts.mentioned) {
			const target = internal.get(id);
			if (target) problems.push({ file: page.file, field: 'body', message: `is public but mentions ${named(target)}; ${fix}`, find: id });
		}
		if (!page.links) continue;
		for (const url of page.facts.links) {
			const path = sitePathOf(url, page.path);
			if (path === null || publicRoutes.has(path) || !allRoutes.has(path)) continue;
			const target = internalPaths.get(path) ?? { what: path, file: 'only the internal edition has it' };
			problems.push({ file: page.file, field: 'body', message: `is public but links to ${url}: ${named(target)}; ${fix}`, find: url });
		}
	}
	return problems;
}

/** The build's error text: one `file: field: message` line per problem. */
export function formatProblems(problems: ContentProblem[]): string {
	return [
		`${problems.length} content problem${problems.length === 1 ? '' : 's'}:`,
		...problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.message}`),
	].join('\n');
}
