/**
 * The static JSON API (`/api/*.json`) helpdesk sidebar apps and bots read: one shape per file,
 * built from the entries of the edition being built. Pure; the endpoints in src/pages/api/ pass
 * in the entries and a Markdown → HTML renderer. Documented in the README ("JSON API").
 */
import type { Audience } from './edition.ts';
import { proseLineEntries } from './links.ts';
import { POLICY_PAGE_KINDS } from '../schemas/policy.ts';
import { faqEventId, faqPath, kbPath, policyPath, runbookPath, templatePath } from './permalinks.ts';
import { markdownToText } from './plain-text.ts';
import GithubSlugger from 'github-slugger';

/** Bumped when a field changes meaning or goes away; new fields do not bump it. */
export const API_VERSION = 1;

/** Markdown → HTML, as the site renders an entry's body. */
export type RenderHtml = (markdown: string) => Promise<string>;

export interface KbSource {
	id: string;
	title: string;
	summary: string;
	severity: string;
	affectedVersions: readonly string[];
	category: string;
	tags: readonly string[];
	status: string;
	updated: Date;
	related: readonly string[];
	audience: Audience;
}

/** One `## ` section of a body: its heading, the anchor the page gives it, and its Markdown. */
export interface Section {
	heading: string;
	anchor: string;
	markdown: string;
}

/**
 * A body cut at its `##` headings (outside fenced code). Text before the first heading is a
 * section with an empty heading when there is any.
 */
export function splitSections(body: string): Section[] {
	const lines = body.split('\n');
	const starts = proseLineEntries(body)
		.map(([text, line]) => ({ m: /^##\s+(.+?)\s*#*\s*$/.exec(text), line }))
		.filter((h) => h.m);
	const slugger = new GithubSlugger();
	const sections: Section[] = [];
	const intro = lines.slice(0, starts[0]?.line ?? lines.length).join('\n').trim();
	if (intro) sections.push({ heading: '', anchor: '', markdown: intro });
	starts.forEach((s, i) => {
		const end = starts[i + 1]?.line ?? lines.length;
		const heading = markdownToText(s.m![1]!);
		sections.push({ heading, anchor: slugger.slug(heading), markdown: lines.slice(s.line + 1, end).join('\n').trim() });
	});
	return sections;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Site-relative links in rendered HTML made absolute, so they work inside a helpdesk. */
export function absoluteLinks(html: string, origin: string): string {
	return html.replace(/\b(href|src)="\/(?!\/)/g, `$1="${origin}/`);
}

/**
 * Where the edition being built lives (`site`) and where the public help center lives
 * (`public`; the same for the public edition). Agents send customers public URLs only.
 */
export interface Origins {
	site: string;
	public: string;
}

/** The public URL of a page, or null when the entry is internal. */
const publicUrl = (audience: Audience, path: string, origins: Origins) =>
	audience === 'public' ? `${origins.public}${path}` : null;

/** A KB article as `/api/kb.json` lists it. */
export function kbItem(kb: KbSource, origins: Origins) {
	return {
		id: kb.id,
		title: kb.title,
		summary: kb.summary,
		url: `${origins.site}${kbPath(kb.id)}`,
		publicUrl: publicUrl(kb.audience, kbPath(kb.id), origins),
		severity: kb.severity,
		affectedVersions: [...kb.affectedVersions],
		category: kb.category,
		tags: [...kb.tags],
		status: kb.status,
		updated: isoDay(kb.updated),
		related: [...kb.related],
		audience: kb.audience,
	};
}

/** `/api/kb.json`: every published article (archived ones keep their own file only). */
export function kbList(articles: readonly KbSource[], origins: Origins) {
	return {
		version: API_VERSION,
		articles: articles.filter((a) => a.status === 'published').map((a) => kbItem(a, origins)),
	};
}

/** `/api/kb/<ID>.json`: the list's fields plus the body's sections as plain text and HTML. */
export async function kbDocument(kb: KbSource, body: string, origins: Origins, html: RenderHtml) {
	const origin = origins.site;
	return {
		version: API_VERSION,
		...kbItem(kb, origins),
		sections: await Promise.all(
			splitSections(body).map(async (s) => ({
				heading: s.heading,
				anchor: s.anchor,
				text: markdownToText(s.markdown),
				html: absoluteLinks(await html(s.markdown), origin),
			})),
		),
	};
}

/**
 * The text of `/api/kb/<ID>.json`, as the dev server serves it and the build writes it
 * (src/lib/kb-api-files-fs.ts): the document, tab-indented.
 */
export async function kbDocumentText(kb: KbSource, body: string, origins: Origins, html: RenderHtml): Promise<string> {
	return JSON.stringify(await kbDocument(kb, body, origins, html), null, '\t');
}

export interface FaqSource {
	slug: string;
	question: string;
	category: string;
	related: readonly string[];
	audience: Audience;
}

/** `/api/faq.json`: every published FAQ entry with its answer as plain text and HTML. */
export async function faqList(entries: readonly { data: FaqSource; body: string }[], origins: Origins, html: RenderHtml) {
	const origin = origins.site;
	return {
		version: API_VERSION,
		faqs: await Promise.all(
			entries.map(async ({ data, body }) => ({
				id: faqEventId(data.category, data.slug),
				question: data.question,
				category: data.category,
				url: `${origin}${faqPath(data.category, data.slug)}`,
				publicUrl: publicUrl(data.audience, faqPath(data.category, data.slug), origins),
				related: [...data.related],
				audience: data.audience,
				answerText: markdownToText(body),
				answerHtml: absoluteLinks(await html(body), origin),
			})),
		),
	};
}

/** A runbook or reply template: an entry with an ID, a page of its own and a body. */
interface StaffEntrySource {
	id: string;
	title: string;
	audience: Audience;
}

/**
 * The records of `/api/runbooks.json` and `/api/templates.json`: ID, title and page, the
 * entry's own fields, its audience, and its body as plain text and HTML with absolute links.
 */
function staffRecords<D extends StaffEntrySource, F extends object>(
	entries: readonly { data: D; body: string }[],
	path: (id: string) => string,
	fields: (data: D, body: string) => F,
	origins: Origins,
	html: RenderHtml,
) {
	const origin = origins.site;
	return Promise.all(
		entries.map(async ({ data, body }) => ({
			id: data.id,
			title: data.title,
			url: `${origin}${path(data.id)}`,
			...fields(data, body),
			audience: data.audience,
			text: markdownToText(body),
			html: absoluteLinks(await html(body), origin),
		})),
	);
}

export interface RunbookSource extends StaffEntrySource {
	priority: string;
	owner: string;
	trigger: string;
	updated: Date;
}

/** `/api/runbooks.json` (internal edition): every runbook with its steps as text and HTML. */
export async function runbookList(entries: readonly { data: RunbookSource; body: string }[], origins: Origins, html: RenderHtml) {
	return {
		version: API_VERSION,
		runbooks: await staffRecords(
			entries,
			runbookPath,
			(d) => ({ priority: d.priority, owner: d.owner, trigger: d.trigger, updated: isoDay(d.updated) }),
			origins,
			html,
		),
	};
}

export interface TemplateSource extends StaffEntrySource {
	useCase: string;
	subject: string;
	placeholders: readonly string[];
}

/** `/api/templates.json` (internal edition): every reply template, placeholders left in. */
export async function templateList(entries: readonly { data: TemplateSource; body: string }[], origins: Origins, html: RenderHtml) {
	return {
		version: API_VERSION,
		templates: await staffRecords(
			entries,
			templatePath,
			(d, body) => ({ useCase: d.useCase, subject: d.subject, placeholders: [...d.placeholders], markdown: body.trim() }),
			origins,
			html,
		),
	};
}

/** A policy file as parsed: its kind, its audience and the fields of that kind. */
export interface PolicySource {
	kind: string;
	audience: Audience;
	[field: string]: unknown;
}

/**
 * `/api/policy.json`: the edition's support policy files as parsed (tiers, priorities,
 * escalation, channels, product), each with the page showing it (`url`, `publicUrl`; null for
 * channels and product, which have no page of their own).
 */
export function policyList(policies: readonly PolicySource[], origins: Origins) {
	return {
		version: API_VERSION,
		policies: [...policies]
			.sort((a, b) => a.kind.localeCompare(b.kind))
			.map((p) => {
				const path = (POLICY_PAGE_KINDS as readonly string[]).includes(p.kind) ? policyPath(p.kind) : null;
				return {
					...p,
					url: path && `${origins.site}${path}`,
					publicUrl: path && publicUrl(p.audience, path, origins),
				};
			}),
	};
}
