import { describe, expect, it } from 'vitest';
import { absoluteLinks, API_VERSION, faqList, kbDocument, kbList, policyList, runbookList, splitSections, templateList } from '../../../src/lib/api.ts';
import { markdownToHtml, markdownToHtmlFor } from '../../../src/lib/markdown-html.ts';

const origins = { site: 'https://help.internal.example', public: 'https://help.example' };
const article = (id: string, status: string, audience: 'public' | 'internal' = 'public') => ({
	id,
	title: `Title ${id}`,
	summary: 'Summary.',
	severity: 'high',
	affectedVersions: ['>=1.0.0'],
	category: 'webhooks',
	tags: ['retries'],
	status,
	updated: new Date('2026-05-04T00:00:00Z'),
	related: [],
	audience,
});

describe('splitSections', () => {
	it('cuts at ## headings outside code, keeps the opening text, and anchors as the page does', () => {
		const body = 'Intro.\n## Symptoms\nIt **fails**.\n```\n## not a heading\n```\n## Root `cause`\nA bug.\n## Symptoms\nAgain.';
		expect(splitSections(body)).toEqual([
			{ heading: '', anchor: '', markdown: 'Intro.' },
			{ heading: 'Symptoms', anchor: 'symptoms', markdown: 'It **fails**.\n```\n## not a heading\n```' },
			{ heading: 'Root cause', anchor: 'root-cause', markdown: 'A bug.' },
			{ heading: 'Symptoms', anchor: 'symptoms-1', markdown: 'Again.' },
		]);
	});
});

describe('the JSON API', () => {
	it('lists published articles with their public URL, version 1', () => {
		const list = kbList([article('KB-0001', 'published'), article('KB-0002', 'archived'), article('KB-0003', 'published', 'internal')], origins);
		expect(list.version).toBe(API_VERSION);
		expect(list.articles.map((a) => [a.id, a.url, a.publicUrl, a.updated])).toEqual([
			['KB-0001', 'https://help.internal.example/kb/KB-0001/', 'https://help.example/kb/KB-0001/', '2026-05-04'],
			['KB-0003', 'https://help.internal.example/kb/KB-0003/', null, '2026-05-04'],
		]);
	});

	it('gives an article its sections as plain text and HTML with absolute links', async () => {
		const doc = await kbDocument(article('KB-0001', 'published'), '## Solution\n1. Open **Settings**.\n2. See [the FAQ](/faq/cli/why/) and KB-0002.', origins, markdownToHtml);
		expect(doc.sections).toEqual([
			{
				heading: 'Solution',
				anchor: 'solution',
				text: '1. Open Settings.\n2. See the FAQ and KB-0002.',
				html: '<ol>\n<li>Open <strong>Settings</strong>.</li>\n<li>See <a href="https://help.internal.example/faq/cli/why/">the FAQ</a> and <a href="https://help.internal.example/kb/KB-0002/">KB-0002</a>.</li>\n</ol>',
			},
		]);
	});

	it('renders a section with the processor of the entry\'s own page, so the API says what the page says', async () => {
		const body = "## Cause\nError 'Subtask' ---> see KB-0002.\n\n| a | b |\n|:--|--:|\n| 1 | 2 |";
		const html = async (file: string) =>
			(await kbDocument(article('KB-0001', 'published'), body, origins, markdownToHtmlFor(file))).sections[0]!.html;
		const link = '<a href="https://help.internal.example/kb/KB-0002/">KB-0002</a>';
		const table = '<table>\n<thead>\n<tr>\n<th align="left">a</th>\n<th align="right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align="left">1</td>\n<td align="right">2</td>\n</tr>\n</tbody>\n</table>';
		// A `.md` page comes from the Rust processor, whose smart punctuation makes `--->` a dash and an arrow.
		expect(await html('/c/kb/kb-0001-x.md')).toBe(`<p>Error ‘Subtask’ —&gt; see ${link}.</p>\n${table}`);
		// An `.mdx` page comes from unified, which leaves it alone.
		expect(await html('/c/kb/kb-0001-x.mdx')).toBe(`<p>Error ‘Subtask’ ---> see ${link}.</p>\n${table}`);
	});

	it('gives FAQ entries and templates their answer and body', async () => {
		const faqs = await faqList([{ data: { slug: 'why', question: 'Why?', category: 'cli', related: [], audience: 'public' }, body: 'Because.' }], origins, markdownToHtml);
		expect(faqs.faqs[0]).toMatchObject({ id: 'faq/cli/why', url: 'https://help.internal.example/faq/cli/why/', publicUrl: 'https://help.example/faq/cli/why/', answerText: 'Because.', answerHtml: '<p>Because.</p>' });
		const tpls = await templateList([{ data: { id: 'TPL-001', title: 'Hi', useCase: 'u', subject: 'Re: [Ticket ID]', placeholders: ['Ticket ID'], audience: 'internal' }, body: 'Hello [Customer Name],\n' }], origins, markdownToHtml);
		expect(tpls.templates[0]).toMatchObject({ id: 'TPL-001', markdown: 'Hello [Customer Name],', text: 'Hello [Customer Name],', html: '<p>Hello [Customer Name],</p>' });
	});

	it('gives runbooks and templates one record shape: ID, title, page, own fields, audience, body as text and HTML', async () => {
		const body = '1. Confirm on [the status page](/support/) (5 min)\n';
		const runbooks = await runbookList(
			[{ data: { id: 'RB-001', title: 'Outage', priority: 'P0', owner: 'On-call engineer', trigger: 'Down.', updated: new Date('2026-05-04T00:00:00Z'), audience: 'internal' }, body }],
			origins,
			markdownToHtml,
		);
		expect(runbooks).toEqual({
			version: API_VERSION,
			runbooks: [
				{
					id: 'RB-001',
					title: 'Outage',
					url: 'https://help.internal.example/runbooks/RB-001/',
					priority: 'P0',
					owner: 'On-call engineer',
					trigger: 'Down.',
					updated: '2026-05-04',
					audience: 'internal',
					text: '1. Confirm on the status page (5 min)',
					html: '<ol>\n<li>Confirm on <a href="https://help.internal.example/support/">the status page</a> (5 min)</li>\n</ol>',
				},
			],
		});
		const tpls = await templateList([{ data: { id: 'TPL-002', title: 'Bye', useCase: 'u', subject: 's', placeholders: [], audience: 'public' }, body }], origins, markdownToHtml);
		expect(Object.keys(tpls.templates[0]!)).toEqual(['id', 'title', 'url', 'useCase', 'subject', 'placeholders', 'markdown', 'audience', 'text', 'html']);
		expect(tpls.templates[0]).toMatchObject({ url: 'https://help.internal.example/templates/TPL-002/', text: runbooks.runbooks[0]!.text, html: runbooks.runbooks[0]!.html });
	});

	it('lists the policy files by kind, with the page of each that has one and its public URL', () => {
		const list = policyList(
			[
				{ kind: 'tiers', audience: 'public', tiers: [] },
				{ kind: 'escalation', audience: 'internal', rules: [{ trigger: 'P0' }] },
				{ kind: 'channels', audience: 'public', channels: [] },
			],
			origins,
		);
		expect(list).toEqual({
			version: API_VERSION,
			policies: [
				{ kind: 'channels', audience: 'public', channels: [], url: null, publicUrl: null },
				{ kind: 'escalation', audience: 'internal', rules: [{ trigger: 'P0' }], url: 'https://help.internal.example/support/escalation/', publicUrl: null },
				{ kind: 'tiers', audience: 'public', tiers: [], url: 'https://help.internal.example/support/tiers/', publicUrl: 'https://help.example/support/tiers/' },
			],
		});
	});

	it('leaves other sites and protocol-relative links alone', () => {
		expect(absoluteLinks('<a href="/kb/">x</a><a href="//cdn.example/x">y</a><a href="https://a.example/">z</a>', 'https://h.example')).toBe(
			'<a href="https://h.example/kb/">x</a><a href="//cdn.example/x">y</a><a href="https://a.example/">z</a>',
		);
	});
});
