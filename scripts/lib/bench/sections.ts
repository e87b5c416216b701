/**
 * Maps a support article's own `##` sections (Symptoms / Cause / Resolution / More information and
 * their many spellings) onto the four sections every KB article has here: Symptoms, Root cause,
 * Solution, Prevention. Input is MDX-safe Markdown (see `stripDocfx`); output is a KB body.
 */
import { KB_SECTIONS } from '../../../src/schemas/kb.ts';
import { splitFences } from './docfx.ts';

/** Which KB section a source section belongs to; `other` sections join a neighbour as `###`. */
export type SectionKind = 'symptoms' | 'cause' | 'solution' | 'more' | 'other';

/** A `##` section of the source article. */
export interface SourceSection {
	heading: string;
	kind: SectionKind;
	body: string;
}

/** A source body cut at its `#`/`##` headings. */
export interface SplitBody {
	/** Text of the first `#` heading, if the body has one. */
	title: string | null;
	/** Text before the first `##` heading (the title line removed). */
	preamble: string;
	sections: SourceSection[];
}

const KINDS: [SectionKind, RegExp][] = [
	[
		'symptoms',
		/^(?:symptoms?|problems?|issues?|summary|introduction|overview|description|scenario|error message|steps to reproduce)\b/,
	],
	['cause', /^(?:causes?|root cause|why (?:this|does|did|is|am|do)|reason)\b/],
	[
		'solution',
		/^(?:resolution|resolutions|solutions?|workarounds?|fix|to fix|procedure|resolve|how to|steps|method|troubleshoot|i'm an email admin|i got this bounce message|what to do)\b/,
	],
	[
		'more',
		/^(?:more information|references?|see also|related (?:articles|topics|content|information)|additional (?:information|resources)|status|still need help|learn more|next steps|applies to)\b/,
	],
];

/** The KB section a source heading maps to, from its wording (case and markup ignored). */
export function classifyHeading(heading: string): SectionKind {
	const h = heading
		.replace(/[*_`\\]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
	for (const [kind, re] of KINDS) if (re.test(h)) return kind;
	return 'other';
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/;

/**
 * Split a body at its `#` and `##` headings, outside fenced code. The first `#` heading is the
 * title; later `#` headings are treated as `##` (a few source articles use several).
 */
export function splitSections(markdown: string): SplitBody {
	let title: string | null = null;
	const pre: string[] = [];
	const sections: { heading: string; lines: string[] }[] = [];
	for (const block of splitFences(markdown)) {
		for (const line of block.text.split('\n')) {
			const h = block.code ? null : HEADING.exec(line);
			if (h && h[1]!.length <= 2) {
				if (h[1]!.length === 1 && title === null && sections.length === 0) {
					title = h[2]!;
					continue;
				}
				sections.push({ heading: h[2]!, lines: [] });
				continue;
			}
			(sections.at(-1)?.lines ?? pre).push(line);
		}
	}
	return {
		title,
		preamble: pre.join('\n').trim(),
		sections: sections.map((s) => ({
			heading: s.heading,
			kind: classifyHeading(s.heading),
			body: s.lines.join('\n').trim(),
		})),
	};
}

/** Push every heading outside fenced code down `by` levels (at most to `######`). */
export function demoteHeadings(markdown: string, by: number): string {
	return splitFences(markdown)
		.map((b) =>
			b.code
				? b.text
				: b.text.replace(
						/^(#{1,6})([ \t]+)/gm,
						(_, hashes: string, sp: string) => '#'.repeat(Math.min(6, hashes.length + by)) + sp,
					),
		)
		.join('\n');
}

/** Text to use where the source article has nothing for a section (MDX-safe, no `##`). */
export interface SectionFallbacks {
	/** Used as Symptoms when the source has neither a symptoms section nor introductory text. */
	symptoms: string;
	/** Used as Root cause when no source section names a cause. */
	cause: string;
	/** Used as Solution when nothing is left for it. */
	solution: string;
	/** Opening of Prevention; the source's "More information"-like sections follow it as `###`. */
	prevention: string;
}

function paragraphs(text: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

/**
 * Assemble the four KB sections from a split source body. Several source sections of one kind
 * become `###` subsections; `other` sections follow the mapped section before them (or Solution,
 * when they come first, as in how-to articles), one level down.
 */
export function toKbBody(split: SplitBody, fallbacks: SectionFallbacks): string {
	const groups: Record<Exclude<SectionKind, 'other'>, SourceSection[]> = {
		symptoms: [],
		cause: [],
		solution: [],
		more: [],
	};
	let current: Exclude<SectionKind, 'other'> | null = null;
	for (const s of split.sections) {
		if (!s.body) continue;
		if (s.kind === 'other') groups[current ?? 'solution'].push(s);
		else {
			current = s.kind;
			groups[s.kind].push(s);
		}
	}
	// Several sections, or ones that keep their own name, become `###` subsections.
	const render = (list: SourceSection[], named = false) => {
		const direct = !named && list.length === 1 && list[0]!.kind !== 'other';
		return list
			.map((s) => (direct ? s.body : `### ${s.heading}\n\n${demoteHeadings(s.body, 1)}`))
			.join('\n\n');
	};

	let preamble = split.preamble;
	let solution = render(groups.solution);
	if (!solution && groups.symptoms.length === 0) {
		// Articles without sections: the first paragraph states the problem, the rest is the fix.
		const paras = paragraphs(preamble);
		if (paras.length > 1) {
			preamble = paras[0]!;
			solution = paras.slice(1).join('\n\n');
		}
	}
	const symptoms = [preamble, render(groups.symptoms)].filter(Boolean).join('\n\n');
	const cause = render(groups.cause);
	let more = render(groups.more, true);
	if (!solution && more) {
		// Summary-style articles keep their steps under "More information": that is the solution.
		solution = more;
		more = '';
	}
	const prevention = [fallbacks.prevention, more].filter(Boolean).join('\n\n');

	const bodies = [
		symptoms || fallbacks.symptoms,
		cause || fallbacks.cause,
		solution || fallbacks.solution,
		prevention,
	];
	return KB_SECTIONS.map((name, i) => `## ${name}\n\n${bodies[i]!.trim()}`).join('\n\n') + '\n';
}
