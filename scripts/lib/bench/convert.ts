/**
 * Converts one article of the MicrosoftDocs/OfficeDocs-Support corpus (CC BY 4.0) into a KB
 * article draft: MDX-safe body in the four KB sections, and frontmatter derived from the source's
 * frontmatter and folder. IDs and related links are assigned later, across the whole set.
 */
import type { Severity } from '../../../src/schemas/kb.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { escapeMdxText, stripDocfx, stripTags } from './docfx.ts';
import { hashString, pick, slugify, truncate } from './random.ts';
import { splitSections, toKbBody } from './sections.ts';

/** A source article: its path relative to the corpus root (`/`-separated) and its text. */
export interface SourceDoc {
	path: string;
	text: string;
}

/** A KB article before it has an ID or related links; both corpus and synthetic paths yield it. */
export interface ArticleDraft {
	/** Where the text came from (`Exchange/…/x.md` or `synthetic:42`); seeds per-article choices. */
	source: string;
	title: string;
	summary: string;
	severity: Severity;
	affectedVersions: string[];
	category: string;
	tags: string[];
	/** `YYYY-MM-DD`. */
	updated: string;
	/** MDX body with the four KB sections. */
	body: string;
}

/** Latest `updated` date the generated content uses: the project's "today" (see DEVELOPERS.md). */
export const LAST_UPDATE = '2026-11-23';

/**
 * Version ranges generated articles declare, over the product's released versions (1.0.0 …
 * 1.1.0). Some cover only a pre-release, as real fix notes do.
 */
export const VERSION_CHOICES: readonly string[][] = [
	['*'],
	['>=1.0.0'],
	['1.1.0'],
	['1.1.0-beta'],
	['>=1.0.0 <1.1.0'],
	['1.0.x'],
	['1.0.2', '1.1.0'],
	['>=1.1.0-beta'],
];

// Compound product names the camel-case splitter would otherwise cut in two.
const COMPOUNDS: [RegExp, string][] = [
	[/SharePoint/g, 'Sharepoint'],
	[/OneDrive/g, 'Onedrive'],
	[/OneNote/g, 'Onenote'],
	[/SkypeforBusiness/g, 'Skype for Business'],
	[/ActiveSync/g, 'Activesync'],
];

/**
 * Words of a folder name: `ExchangeOnline` → `Exchange Online`, `Microsoft365` → `Microsoft 365`.
 */
export function folderWords(name: string): string {
	let s = name;
	for (const [re, to] of COMPOUNDS) s = s.replace(re, to);
	return s
		.replace(/([a-z])([A-Z0-9])/g, '$1 $2')
		.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
		.replace(/[-_]+/g, ' ');
}

/**
 * Category slug from the product folders: `Exchange/ExchangeOnline/…` → `exchange-online`,
 * `Outlook/Client/…` → `outlook-client`, `Teams/meetings/…` → `teams-meetings`.
 */
export function categoryFromPath(path: string): string {
	const parts = path.split('/');
	const top = slugify(folderWords(parts[0]!));
	if (parts.length < 3) return top;
	const second = slugify(folderWords(parts[1]!));
	return second.startsWith(top.split('-')[0]!) ? second : `${top}-${second}`;
}

/** Plain one-line text from Markdown/HTML: links to their text, markup and escapes dropped. */
export function plainLine(markdown: string): string {
	return stripTags(
		markdown
			.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/:::[\s\S]*?:::/g, '')
			.replace(/\\([!-/:-@[-`{-~])/g, '$1')
			.replace(/[*_`]+/g, ''),
	);
}

const SEVERITY_RULES: [Severity, RegExp][] = [
	[
		'critical',
		/\b(?:data loss|lost (?:data|email|mail|messages|items|files)|corrupt\w*|outage|security|vulnerab\w*|breach|compromised)\b/,
	],
	[
		'high',
		/\b(?:can['’]t|cannot|can not|unable|fails?|failed|failure|crash\w*|stops? (?:working|responding)|not working|doesn['’]t work|blocked|denied|hangs?|freezes?)\b/,
	],
	[
		'low',
		/\b(?:how to|slow\w*|display\w*|incorrect\w*|warning|notifications?|appearance|formatting|icon)\b/,
	],
];

/** Severity from the wording of title and summary: loss and outages are critical, blockers high. */
export function severityOf(text: string): Severity {
	const t = text.toLowerCase();
	for (const [severity, re] of SEVERITY_RULES) if (re.test(t)) return severity;
	return 'medium';
}

/**
 * `MM/DD/YYYY` (ms.date) moved into the project's year: the source's day of the year, scaled so
 * the whole year lands between 1 January 2026 and {@link LAST_UPDATE}. Articles keep their relative
 * age, and none is dated after "today".
 */
export function updatedFrom(msDate: unknown, fallbackSeed: number): string {
	const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(String(msDate ?? '').trim());
	const start = Date.UTC(2026, 0, 1);
	const span = Math.round((Date.parse(LAST_UPDATE) - start) / 86_400_000);
	let dayOfYear = fallbackSeed % 365;
	if (m) {
		const t = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]));
		if (!Number.isNaN(t))
			dayOfYear = Math.min(364, Math.floor((t - Date.UTC(Number(m[3]), 0, 1)) / 86_400_000));
	}
	return isoDay(start + Math.round((dayOfYear * span) / 364) * 86_400_000);
}

/** `YYYY-MM-DD` of a UTC timestamp. */
export function isoDay(t: number): string {
	return new Date(t).toISOString().slice(0, 10);
}

function sapArea(custom: unknown): string | null {
	const list = Array.isArray(custom) ? custom : [custom];
	for (const item of list) {
		const m = /^sap:\s*([^\\/]+)/i.exec(String(item ?? ''));
		if (m) return slugify(m[1]!, 30) || null;
	}
	return null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Tags: the product, the source's sub-folder and its support area (`sap:` metadata), once each. */
export function tagsFor(path: string, custom: unknown, category: string): string[] {
	const parts = path.split('/');
	const tags = [
		slugify(folderWords(parts[0]!), 30),
		parts.length > 3 ? slugify(folderWords(parts[2]!), 40) : null,
		sapArea(custom),
	];
	return [...new Set(tags)].filter((t): t is string => !!t && SLUG.test(t) && t !== category);
}

function productName(path: string): string {
	return folderWords(path.split('/')[0]!)
		.replace('Sharepoint', 'SharePoint')
		.replace('Onedrive', 'OneDrive');
}

const PREVENTION: readonly string[] = [
	'Keep {p} and its clients on a supported, fully updated build; many of these issues are fixed in later updates.',
	'Roll configuration changes out to a small pilot group first, and watch for the symptoms above before everyone gets them.',
	'Write down the settings changed under Solution, so the next administrator does not undo them.',
	'Review the {p} service health and message center posts after each update, and check known issues before opening a ticket.',
	'Monitor sign-in, sync and delivery reports for {p}, so a recurrence is caught before users report it.',
	'Test the steps above in a non-production tenant or on a test computer before applying them widely.',
];

/** The fallback texts for sections a source article lacks, worded for its product. */
function fallbacksFor(path: string, title: string) {
	const p = productName(path);
	const h = hashString(path);
	const first = PREVENTION[h % PREVENTION.length]!;
	const second = PREVENTION[(h + 1 + ((h >>> 8) % (PREVENTION.length - 1))) % PREVENTION.length]!;
	return {
		symptoms: `Users of ${p} run into the problem described in the title: ${escapeMdxText(title)}.`,
		cause: `The source article does not name a single cause. The symptoms above usually follow a configuration, licensing or version mismatch in ${p}; the steps under Solution check the likely ones in turn.`,
		solution: `The source article documents no fix beyond the information above. Collect the details listed under Symptoms (user, time, exact message) and contact support.`,
		prevention: `- ${first.replace('{p}', p)}\n- ${second.replace('{p}', p)}`,
	};
}

/**
 * Convert a corpus article into a KB draft. Returns null for articles with no usable title, such
 * as DocFX include fragments.
 */
export function convertSource(doc: SourceDoc): ArticleDraft | null {
	let fm: Record<string, unknown> = {};
	let body = doc.text.replace(/\r\n?/g, '\n');
	try {
		const parsed = splitFrontmatter(body);
		fm = parsed.data;
		body = parsed.body;
	} catch {
		// Some source frontmatter is not strict YAML; the body is still usable without it.
		body = body.replace(/^---\n[\s\S]*?\n---\n?/, '');
	}
	const split = splitSections(stripDocfx(body));
	const rawTitle = typeof fm.title === 'string' && fm.title.trim() ? fm.title : split.title;
	if (!rawTitle) return null;
	const title = truncate(plainLine(rawTitle), 120);
	if (!title) return null;

	const category = categoryFromPath(doc.path);
	const described = typeof fm.description === 'string' ? plainLine(fm.description) : '';
	const firstSentence =
		plainLine(split.preamble || split.sections[0]?.body || '').split(/(?<=[.!?])\s/)[0] ?? '';
	const summary = truncate(described || firstSentence || title, 200);
	const h = hashString(doc.path);
	return {
		source: doc.path,
		title,
		summary,
		severity: severityOf(`${title} ${summary}`),
		affectedVersions: pick(VERSION_CHOICES, (h % 1000) / 1000),
		category,
		tags: tagsFor(doc.path, fm['ms.custom'], category),
		updated: updatedFrom(fm['ms.date'], h),
		body: `${toKbBody(split, fallbacksFor(doc.path, title))}\n---\n\n_Adapted from the Microsoft 365 support article \`${doc.path}\` (MicrosoftDocs/OfficeDocs-Support, CC BY 4.0)._\n`,
	};
}
