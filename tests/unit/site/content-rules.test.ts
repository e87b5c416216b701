import { describe, expect, it } from 'vitest';
import {
	checkContent,
	checkKbSections,
	checkRunbookSteps,
	checkTemplatePlaceholders,
	formatProblems,
	h2Headings,
	type ContentSet,
} from '../../../src/lib/content-rules.ts';

const KB_BODY = [
	'## Symptoms',
	'It fails.',
	'## Root cause',
	'A bug.',
	'## Solution',
	'Update.',
	'## Prevention',
	'Stay current.',
].join('\n');
const SECTIONS = 'every KB article has ## Symptoms, ## Root cause, ## Solution, ## Prevention';

type Status = 'draft' | 'published' | 'archived';
const kb = (
	file: string,
	id: string,
	status: Status = 'published',
	related: string[] = [],
	body = KB_BODY,
) => ({
	filePath: `content/kb/${file}`,
	data: { id, title: `Article ${id}`, status, category: 'cli', tags: [], related, audience: 'public' as 'public' | 'internal' },
	body,
});
const faq = (file: string, status: 'draft' | 'published', related: string[]) => ({
	filePath: `content/faq/${file}`,
	data: { question: 'Why?', category: 'cli', status, related, audience: 'public' as const },
	body: 'Because.',
});
const set = (parts: Partial<ContentSet>): ContentSet => ({
	kb: [],
	faq: [],
	runbooks: [],
	templates: [],
	policy: [],
	...parts,
});

describe('h2Headings', () => {
	it('lists ## headings, without closing hashes, and ignores other levels', () => {
		expect(h2Headings('# Title\n## Symptoms\n### Detail\n##  Root cause ##\n#### x')).toEqual([
			'Symptoms',
			'Root cause',
		]);
	});

	it('ignores headings inside ``` and ~~~ fences, also indented ones', () => {
		const body = [
			'## Symptoms',
			'```bash',
			'## Prevention',
			'```',
			'1. Run it:',
			'   ~~~',
			'   ## Solution',
			'   ```',
			'   ## Still code',
			'   ~~~',
			'## Root cause',
		].join('\n');
		expect(h2Headings(body)).toEqual(['Symptoms', 'Root cause']);
	});
});

describe('checkKbSections', () => {
	it('accepts the four sections in order, with other sections between them, in any case', () => {
		expect(checkKbSections(KB_BODY)).toBeNull();
		expect(
			checkKbSections(KB_BODY.replace('## Root cause', '## Diagnosis\n## ROOT CAUSE')),
		).toBeNull();
	});

	it('names one missing section', () => {
		expect(checkKbSections(KB_BODY.replace('## Prevention', 'Prevention'))).toBe(
			`missing section "## Prevention"; ${SECTIONS}`,
		);
	});

	it('names every missing section in template order', () => {
		expect(checkKbSections('## Solution\nDo it.')).toBe(
			`missing sections "## Symptoms", "## Root cause", "## Prevention"; ${SECTIONS}`,
		);
	});

	it('counts a section that only appears inside a code fence as missing', () => {
		const body = KB_BODY.replace('## Prevention', '```md\n## Prevention\n```');
		expect(checkKbSections(body)).toBe(`missing section "## Prevention"; ${SECTIONS}`);
	});

	it('wants the sections in order', () => {
		const swapped = ['## Symptoms', '## Solution', '## Root cause', '## Prevention'].join('\n');
		expect(checkKbSections(swapped)).toBe(
			'sections must come in the order ## Symptoms, ## Root cause, ## Solution, ## Prevention',
		);
	});
});

describe('checkRunbookSteps', () => {
	it('accepts numbered steps that each carry a time estimate', () => {
		const body = [
			'1. **Confirm** (5 min)',
			'   - detail without a time',
			'2. Roll back (~1 h)',
			'3. Wait (2-3 days)',
			'4. Tell (30 s)',
		].join('\n');
		expect(checkRunbookSteps(body)).toBeNull();
	});

	it('names the first step without a time estimate', () => {
		expect(checkRunbookSteps('1. Confirm (5 min)\n2. **Fix or roll back**\n3. Tell everyone')).toBe(
			'each numbered step needs a time estimate such as "(5 min)" or "(1 h)"; missing on: "2. **Fix or roll back**"',
		);
	});

	it('wants at least two numbered steps', () => {
		expect(checkRunbookSteps('- Confirm (5 min)\n- Fix (1 h)')).toBe(
			'runbook body must have numbered steps ("1. …", "2. …")',
		);
	});

	it('does not take a time in the step text for an estimate', () => {
		expect(checkRunbookSteps('1. Confirm (5 min)\n2. Wait 5 min for the deploy')).toBe(
			'each numbered step needs a time estimate such as "(5 min)" or "(1 h)"; missing on: "2. Wait 5 min for the deploy"',
		);
	});
});

describe('checkTemplatePlaceholders', () => {
	it('accepts placeholders declared and used in the subject or body', () => {
		expect(
			checkTemplatePlaceholders('Re: [Ticket ID]', 'Hi [Customer Name],', [
				'Ticket ID',
				'Customer Name',
			]),
		).toEqual([]);
	});

	it('reports a placeholder used but not declared', () => {
		expect(
			checkTemplatePlaceholders('Re: [Ticket ID]', 'Hi [Customer Name],', ['Ticket ID']),
		).toEqual([
			{
				file: '',
				field: 'placeholders',
				message: '"[Customer Name]" is used but not declared; add "Customer Name" to placeholders',
			},
		]);
	});

	it('reports a placeholder declared but not used', () => {
		expect(
			checkTemplatePlaceholders('Re: your ticket', 'Hi [Customer Name],', [
				'Customer Name',
				'Agent Name',
			]),
		).toEqual([
			{
				file: '',
				field: 'placeholders',
				message:
					'"Agent Name" is declared but never used as "[Agent Name]" in the subject or body; use it or remove it',
			},
		]);
	});

	it('does not take links or task boxes for placeholders', () => {
		const body =
			'See [the status page](https://status.caro.example) and [Docs][docs].\n- [ ] Check\n- [x] Done';
		expect(checkTemplatePlaceholders('Update', body, [])).toEqual([]);
	});
});

describe('checkContent', () => {
	it('finds nothing wrong in sound content', () => {
		const content = set({
			kb: [kb('a.mdx', 'KB-0001', 'published', ['KB-0002']), kb('b.mdx', 'KB-0002')],
			faq: [faq('a.mdx', 'published', ['KB-0001'])],
			runbooks: [
				{
					filePath: 'content/runbooks/a.mdx',
					data: { id: 'RB-001', audience: 'internal' as const },
					body: '1. A (5 min)\n2. B (1 h)',
				},
			],
			templates: [
				{
					filePath: 'content/templates/a.mdx',
					data: { id: 'TPL-001', audience: 'internal' as const, subject: 'Re: [Ticket ID]', placeholders: ['Ticket ID'] },
					body: 'Hi.',
				},
			],
		});
		expect(checkContent(content)).toEqual([]);
	});

	it('reports a duplicate KB ID on both files, each naming the other', () => {
		expect(
			checkContent(
				set({ kb: [kb('b.mdx', 'KB-0001'), kb('a.mdx', 'KB-0001'), kb('c.mdx', 'KB-0003')] }),
			),
		).toEqual([
			{
				file: 'content/kb/a.mdx',
				field: 'id',
				message:
					'duplicate KB ID KB-0001, also used by content/kb/b.mdx; give each entry its own ID',
			},
			{
				file: 'content/kb/b.mdx',
				field: 'id',
				message:
					'duplicate KB ID KB-0001, also used by content/kb/a.mdx; give each entry its own ID',
			},
		]);
	});

	it('reports duplicate runbook and template IDs', () => {
		const rb = (f: string) => ({
			filePath: f,
			data: { id: 'RB-001', audience: 'internal' as const },
			body: '1. A (5 min)\n2. B (5 min)',
		});
		const tpl = (f: string) => ({
			filePath: f,
			data: { id: 'TPL-001', audience: 'internal' as const, subject: 'Hi', placeholders: [] },
			body: '',
		});
		expect(
			checkContent(
				set({ runbooks: [rb('r1.mdx'), rb('r2.mdx')], templates: [tpl('t1.mdx'), tpl('t2.mdx')] }),
			),
		).toEqual([
			{
				file: 'r1.mdx',
				field: 'id',
				message: 'duplicate runbook ID RB-001, also used by r2.mdx; give each entry its own ID',
			},
			{
				file: 'r2.mdx',
				field: 'id',
				message: 'duplicate runbook ID RB-001, also used by r1.mdx; give each entry its own ID',
			},
			{
				file: 't1.mdx',
				field: 'id',
				message: 'duplicate template ID TPL-001, also used by t2.mdx; give each entry its own ID',
			},
			{
				file: 't2.mdx',
				field: 'id',
				message: 'duplicate template ID TPL-001, also used by t1.mdx; give each entry its own ID',
			},
		]);
	});

	it('reports a related ID that does not exist, with its position', () => {
		const content = set({
			kb: [kb('a.mdx', 'KB-0001')],
			faq: [faq('a.mdx', 'published', ['KB-0001', 'KB-0099'])],
		});
		expect(checkContent(content)).toEqual([
			{
				file: 'content/faq/a.mdx',
				field: 'related[1]',
				message: 'KB-0099 does not exist; use the ID of an existing KB article',
			},
		]);
	});

	it('says nothing of links to an entry left out for its own frontmatter, which is reported already', () => {
		const content = set({
			kb: [kb('a.mdx', 'KB-0001', 'published', ['KB-0007'], KB_BODY.replace('Update.', 'See KB-0007.'))],
			faq: [faq('a.mdx', 'published', ['KB-0007', 'KB-0099'])],
		});
		expect(checkContent(content, new Set(['KB-0007'])).map((p) => `${p.file}: ${p.field}`)).toEqual([
			'content/faq/a.mdx: related[1]',
		]);
		expect(checkContent(content)).toHaveLength(4);
	});

	it('reports an article related to itself', () => {
		expect(checkContent(set({ kb: [kb('a.mdx', 'KB-0001', 'published', ['KB-0001'])] }))).toEqual([
			{
				file: 'content/kb/a.mdx',
				field: 'related[0]',
				message: 'KB-0001 is this article itself; list other articles',
			},
		]);
	});

	it('does not let a published entry point to a draft', () => {
		const content = set({
			kb: [kb('a.mdx', 'KB-0001', 'published', ['KB-0002']), kb('draft.mdx', 'KB-0002', 'draft')],
			faq: [faq('a.mdx', 'published', ['KB-0002'])],
		});
		const message =
			'KB-0002 (content/kb/draft.mdx) is a draft, and a published entry cannot point to a draft; publish it or remove the link';
		expect(checkContent(content)).toEqual([
			{ file: 'content/faq/a.mdx', field: 'related[0]', message },
			{ file: 'content/kb/a.mdx', field: 'related[0]', message },
		]);
	});

	it('lets drafts point to drafts and archived articles point to published ones', () => {
		const content = set({
			kb: [
				kb('draft.mdx', 'KB-0001', 'draft', ['KB-0002']),
				kb('draft2.mdx', 'KB-0002', 'draft'),
				kb('old.mdx', 'KB-0003', 'archived', ['KB-0004']),
				kb('new.mdx', 'KB-0004', 'published', ['KB-0003']),
			],
			faq: [faq('draft.mdx', 'draft', ['KB-0001'])],
		});
		expect(checkContent(content)).toEqual([]);
	});

	it('checks the body of every KB article and runbook, and the placeholders of every template', () => {
		const content = set({
			kb: [kb('a.mdx', 'KB-0001', 'archived', [], '## Symptoms\n## Root cause\n## Solution')],
			runbooks: [{ filePath: 'rb.mdx', data: { id: 'RB-001', audience: 'internal' as const }, body: '1. A (5 min)\n2. B' }],
			templates: [
				{
					filePath: 'tpl.mdx',
					data: { id: 'TPL-001', audience: 'internal' as const, subject: 'Re: [Ticket ID]', placeholders: ['Agent Name'] },
					body: '',
				},
			],
		});
		expect(checkContent(content)).toEqual([
			{
				file: 'content/kb/a.mdx',
				field: 'body',
				message: `missing section "## Prevention"; ${SECTIONS}`,
			},
			{
				file: 'rb.mdx',
				field: 'body',
				message:
					'each numbered step needs a time estimate such as "(5 min)" or "(1 h)"; missing on: "2. B"',
			},
			{
				file: 'tpl.mdx',
				field: 'placeholders',
				message: '"[Ticket ID]" is used but not declared; add "Ticket ID" to placeholders',
			},
			{
				file: 'tpl.mdx',
				field: 'placeholders',
				message:
					'"Agent Name" is declared but never used as "[Agent Name]" in the subject or body; use it or remove it',
			},
		]);
	});
});

describe('formatProblems', () => {
	it('prints a count and one indented "file: field: message" line per problem', () => {
		const problems = [
			{ file: 'content/kb/a.mdx', field: 'id', message: 'first' },
			{ file: 'content/kb/b.mdx', field: 'related[0]', message: 'second' },
		];
		expect(formatProblems(problems)).toBe(
			'2 content problems:\n  content/kb/a.mdx: id: first\n  content/kb/b.mdx: related[0]: second',
		);
		expect(formatProblems(problems.slice(0, 1))).toBe(
			'1 content problem:\n  content/kb/a.mdx: id: first',
		);
	});
});

describe('runbook steps and fenced code', () => {
	it('does not count numbered lines inside a code block as steps', () => {
		const body = ['1. Check the log (5 min)', '', '```text', '1. not a step', '```', '2. Roll back (10 min)'].join('\n');
		expect(checkRunbookSteps(body)).toBeNull();
	});

	it('accepts decimal estimates such as (1.5 h)', () => {
		expect(checkRunbookSteps('1. Drain (1.5 h)\n2. Restart (5 min)')).toBeNull();
	});

	it('prints the line of a problem when it is known', () => {
		expect(formatProblems([{ file: 'content/kb/a.mdx', line: 5, field: 'severity', message: 'bad' }])).toBe(
			'1 content problem:\n  content/kb/a.mdx:5: severity: bad',
		);
	});
});

describe('IDs mentioned in prose', () => {
	const withMention = (text: string) => KB_BODY.replace('Update.', text);

	it('reports an ID that names no entry, and one that names a draft', () => {
		const problems = checkContent(
			set({
				kb: [
					kb('a.mdx', 'KB-0001', 'published', [], withMention('See KB-0099 and KB-0002.')),
					kb('b.mdx', 'KB-0002', 'draft'),
				],
			}),
		);
		expect(problems.map((p) => p.message)).toEqual([
			'mentions KB-0099, which does not exist or is a draft; fix the ID or put it in `code` to keep it unlinked',
			'mentions KB-0002, which does not exist or is a draft; fix the ID or put it in `code` to keep it unlinked',
		]);
	});

	it('accepts runbook and template IDs that exist, and ignores IDs in code', () => {
		const problems = checkContent(
			set({
				kb: [kb('a.mdx', 'KB-0001', 'published', [], withMention('Run RB-001, reply with TPL-002; `KB-0404` is an example.'))],
				// Public here: a public article mentioning internal ones is the audience rule's business.
				runbooks: [{ filePath: 'content/runbooks/r.mdx', data: { id: 'RB-001', audience: 'public' as const }, body: '1. Go (5 min)\n2. Stop (1 min)' }],
				templates: [{ filePath: 'content/templates/t.mdx', data: { id: 'TPL-002', audience: 'public' as const, subject: 'Hi', placeholders: [] }, body: 'Hello.' }],
			}),
		);
		expect(problems).toEqual([]);
	});
});

describe('public entries and internal ones', () => {
	const internalKb = { ...kb('kb/known-issue.mdx', 'KB-0009'), data: { ...kb('x', 'KB-0009').data, audience: 'internal' as 'public' | 'internal' } };
	const publicKb = (related: string[], body = KB_BODY) => {
		const e = kb('kb/public.mdx', 'KB-0001', 'published', related, body);
		return e;
	};
	const runbook = {
		filePath: 'content/runbooks/outage.mdx',
		data: { id: 'RB-001', audience: 'internal' as const },
		body: '1. Go (5 min)\n2. Stop (1 min)',
	};
	const tree = (entry: ReturnType<typeof publicKb>) =>
		checkContent(set({ kb: [entry, internalKb], runbooks: [runbook] })).map((p) => `${p.file}: ${p.field}: ${p.message}`);
	const FIX = 'make both public, make this entry internal, or remove the link';

	it('names both when a public article lists an internal one as related', () => {
		expect(tree(publicKb(['KB-0009']))).toEqual([
			`content/kb/kb/public.mdx: related[0]: is public but points to KB-0009 (content/kb/kb/known-issue.mdx), which is internal; ${FIX}`,
		]);
	});

	it('names both when a public article mentions or links to a runbook', () => {
		const body = KB_BODY.replace('Update.', 'Follow RB-001, see [the runbook](/runbooks/RB-001/) and [all](/runbooks/).');
		expect(tree(publicKb([], body))).toEqual([
			`content/kb/kb/public.mdx: body: is public but mentions RB-001 (content/runbooks/outage.mdx), which is internal; ${FIX}`,
			`content/kb/kb/public.mdx: body: is public but links to /runbooks/RB-001/: RB-001 (content/runbooks/outage.mdx), which is internal; ${FIX}`,
			`content/kb/kb/public.mdx: body: is public but links to /runbooks/: /runbooks/ (only the internal edition has it), which is internal; ${FIX}`,
		]);
	});

	it('names both when a public article links to an internal policy page, and lets it link to a public one', () => {
		const policy = [
			{ filePath: 'content/policy/escalation.yaml', data: { kind: 'escalation', audience: 'internal' as const }, body: '' },
			{ filePath: 'content/policy/priorities.yaml', data: { kind: 'priorities', audience: 'public' as const }, body: '' },
		];
		const body = KB_BODY.replace('Update.', 'See [who takes over](/support/escalation/) and [priorities](/support/priorities/#p0).');
		const problems = checkContent(set({ kb: [publicKb([], body)], policy })).map((p) => `${p.file}: ${p.field}: ${p.message}`);
		expect(problems).toEqual([
			`content/kb/kb/public.mdx: body: is public but links to /support/escalation/: the escalation policy (content/policy/escalation.yaml), which is internal; ${FIX}`,
		]);
		// The same link from an internal article is fine: the internal edition has the page.
		const internalLinking = { ...internalKb, body };
		expect(checkContent(set({ kb: [internalLinking], policy }))).toEqual([]);
	});

	it('lets internal entries link anywhere and public ones to public pages', () => {
		const internalLinking = { ...internalKb, body: KB_BODY.replace('Update.', 'See RB-001 and [KB-0001](/kb/KB-0001/).') };
		expect(checkContent(set({ kb: [publicKb([]), internalLinking], runbooks: [runbook] }))).toEqual([]);
	});
});
