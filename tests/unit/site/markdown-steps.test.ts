import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import fc from 'fast-check';
import { parseFragment, serialize } from 'parse5';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { rehypeIdLinks } from '../../../src/lib/id-links.ts';
import { plainHast, satteriSteps, stepsMayApply, stepsScope } from '../../../src/lib/markdown-steps.ts';
import { rehypeRunbookChecklist } from '../../../src/lib/rehype-runbook-checklist.ts';
import { rehypeTableScroll } from '../../../src/lib/rehype-table-scroll.ts';
import { markdown } from '../support/markdown.ts';

// The two pipelines as astro.config.mjs sets them up, without code highlighting (not ours): the
// `.md` one from the tests' support, the `.mdx` one here.
const md = markdown;
const mdx = await createMarkdownProcessor({
	gfm: false,
	remarkPlugins: [remarkGfm],
	rehypePlugins: [rehypeSlug, rehypeRunbookChecklist, rehypeIdLinks, rehypeTableScroll],
	syntaxHighlight: false,
});
// The `.md` pipeline made to take the whole tree: its factory sees an entry ID the body does not have.
type StepsContext = { source: string; fileURL: URL | undefined };
const stepsEntry = satteriSteps() as (ctx: StepsContext) => unknown;
const wholeTree = await createSatteriMarkdownProcessor({
	hastPlugins: [((ctx: StepsContext) => stepsEntry({ ...ctx, source: `${ctx.source}\nKB-0001` })) as never],
	features: { gfm: true, rawHtml: true },
	syntaxHighlight: false,
});
const render = async (processor: typeof md, path: string, body: string) =>
	(await processor.render(body, { fileURL: new URL(`file:///site/content/${path}`), frontmatter: {} })).code;
// The same page for a browser: entity spelling, whitespace between tags and quote style aside.
const dom = (html: string) =>
	serialize(parseFragment(html))
		.replace(/[‘’]/g, "'")
		.replace(/[“”]/g, '"')
		.replace(/>\s+</g, '><')
		.trim();

const BODY = [
	'## Symptoms',
	'',
	'Deliveries fail; see KB-0042 and RB-001, not `KB-0007` or [KB-0009](/kb/KB-0009/).',
	'',
	'## Limits',
	'',
	'| Plan | Requests per minute | Note |',
	'| :--- | ---: | :-: |',
	'| Team | 600 | <b>KB-0003</b> |',
	'',
	'1. **Check the dashboard** (5 min), then KB-0001.',
	'   - a nested note',
	'2. Post an update (10 min)',
	'',
	'- [x] done',
	'- [ ] open',
	'',
	'Visit https://status.example.com "now".',
].join('\n');

describe('the .md pipeline (satteriSteps on the Rust processor)', () => {
	it('renders a body as the .mdx pipeline does', async () => {
		for (const path of ['kb/webhooks/a.md', 'runbooks/outage-response.md', 'faq/cli/b.md']) {
			expect(dom(await render(md, path, BODY)), path).toBe(dom(await render(mdx, path, BODY)));
		}
	});

	it('links entry IDs in prose and in HTML, gives headings ids, aligns columns and puts tables in a named region', async () => {
		const html = dom(await render(md, 'kb/webhooks/a.md', BODY));
		expect(html).toContain('<h2 id="symptoms">Symptoms</h2>');
		expect(html).toContain('see <a href="/kb/KB-0042/">KB-0042</a> and <a href="/runbooks/RB-001/">RB-001</a>, not <code>KB-0007</code>');
		expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Limits"><table>');
		expect(html).toContain('<td align="right">600</td><td align="center"><b><a href="/kb/KB-0003/">KB-0003</a></b></td>');
		expect(html).not.toContain('class="steps"');
	});

	it('makes runbook steps a checklist, in runbooks only', async () => {
		const html = dom(await render(md, 'runbooks/outage-response.md', BODY));
		expect(html).toContain('<ol class="steps"><li><input type="checkbox" id="step-1" class="step-done" aria-label="Done: Check the dashboard (5 min), then KB-0001.">');
		expect(html).toContain('id="step-2"');
	});
});

describe('stepsMayApply', () => {
	it('runs the steps for a runbook, a table, an aligned cell, an entry ID or a character reference', () => {
		expect(stepsMayApply('Plain text.', '/site/content/runbooks/outage.md')).toBe(true);
		expect(stepsMayApply('| a |\n| - |\n| 1 |', '/c/kb/a.md')).toBe(true);
		// Delimiter rows without outer pipes, with only an alignment colon, inside a quote, or a
		// setext underline under a line with a pipe (not a table, but close enough to check).
		expect(stepsMayApply('a | b\n--|--', '/c/kb/a.md')).toBe(true);
		expect(stepsMayApply('| a |\n:---:', '/c/kb/a.md')).toBe(true);
		expect(stepsMayApply('Intro.\n\n> | a | b |\n> | --- | --- |', '/c/kb/a.md')).toBe(true);
		expect(stepsMayApply('| a |\n---', '/c/kb/a.md')).toBe(true);
		expect(stepsMayApply('<TABLE><tr><TD>1</TD></tr></TABLE>', '/c/kb/a.md')).toBe(true);
		expect(stepsMayApply('<p style="text-align: right">x</p>', '/c/kb/a.md')).toBe(true);
		expect(stepsMayApply('See KB-0042.', '/c/kb/a.md')).toBe(true);
		expect(stepsMayApply('Run rb-001 first.', '/c/kb/a.md')).toBe(true);
		expect(stepsMayApply('KB&#45;0042', '/c/kb/a.md')).toBe(true);
	});

	it('skips a body none of them could change, as most KB articles are', () => {
		expect(stepsMayApply('## Cause\n\nThe <Server> name & port "are" wrong.\n\n```bash\nls -la\n```', '/c/kb/a.md')).toBe(false);
		// A pipe in prose or code is no table.
		expect(stepsMayApply('Run `ps aux | grep caro`, then pick Yes | No.\n\n```bash\ncat log | tail\n```\n\n---\n\n- item', '/c/kb/a.md')).toBe(false);
	});

	it('leaves a skipped body as the steps would have', async () => {
		const body = '## Cause\n\nThe <Server> name & port "are" wrong --- see <b>this</b> | or `a | b`.\n\n```bash\nls -la | sort\n```';
		expect(stepsMayApply(body, '/c/kb/a.md')).toBe(false);
		// The plugin itself, not the factory that leaves it out for this body.
		const always = (satteriSteps() as (ctx: unknown) => unknown)({ source: '| forced |\n| --- |', fileURL: undefined });
		const forced = await createSatteriMarkdownProcessor({ hastPlugins: [always as never], features: { gfm: true, rawHtml: true }, syntaxHighlight: false });
		expect(await render(md, 'kb/a.md', body)).toBe(await render(forced, 'kb/a.md', body));
	});
});

describe('stepsScope', () => {
	it('keeps a body whose only step-worthy content is Markdown tables to its tables', () => {
		expect(stepsScope('## Limits\n\n| a | b |\n| :- | -: |\n| 1 | 2 |', '/c/kb/a.md')).toBe('tables');
		expect(stepsScope('Plain text.', '/c/kb/a.md')).toBe('none');
	});

	it('takes the whole tree for a runbook, an entry ID, a character reference, an aligned cell or an HTML table', () => {
		const table = '| a |\n| - |\n| 1 |';
		expect(stepsScope(table, '/site/content/runbooks/outage.md')).toBe('tree');
		for (const extra of ['See KB-0042.', 'KB&#45;0042', '<p style="text-align: right">x</p>', '<table><tr><td>1</td></tr></table>'])
			expect(stepsScope(`${table}\n\n${extra}`, '/c/kb/a.md'), extra).toBe('tree');
	});
});

describe('satteriSteps on a body with tables only', () => {
	it('names each table after the heading it sits under and numbers repeats, as the whole-tree path does', async () => {
		const body = [
			'| before | any heading |', '| --- | --- |', '| 1 | 2 |', '',
			'## Limits `v2`', '', '| Plan | Rate |', '| :--- | ---: |', '| Team | 600 |', '',
			'> | quoted | table |', '> | :-: | - |', '> | 1 | 2 |', '',
			'<h3>Raw heading</h3>', '', '- | listed |', '  | --- |', '  | 1 |', '',
			'## Limits `v2`', '', 'a | b', '--|--', '1 | 2',
		].join('\n');
		expect(stepsScope(body, '/c/kb/a.md')).toBe('tables');
		const html = await render(md, 'kb/a.md', body);
		expect(html).toBe(await render(wholeTree, 'kb/a.md', body));
		expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table>');
		expect(html).toContain('aria-label="Table: Limits v2"');
		expect(html).toContain('aria-label="Table: Limits v2 (2)"');
		expect(html).toContain('aria-label="Table: Raw heading"');
		expect(html).toContain('<th align="right">Rate</th>');
	});

	it('renders any mix of headings, tables, quotes, lists and code as the whole-tree path does', async () => {
		const line = fc.constantFrom(
			'## Limits', '### Limits', '## Same', '#### *Step* `two`', 'Heading', '=====', '-----', '<h2>raw</h2>',
			'| a | b |', '| --- | :-: |', '| :-- | --: |', '| 1 | x & y |', 'a | b', '--|--', '> | q | r |', '> | - | - |',
			'- item', '- | l |', '  | - |', '1. # numbered', '> quoted', '```', 'code | x', '', 'x < z "q"',
		);
		await fc.assert(
			fc.asyncProperty(fc.array(line, { maxLength: 14 }), async (lines) => {
				const body = lines.join('\n');
				fc.pre(stepsScope(body, '/c/kb/a.md') === 'tables');
				expect(await render(md, 'kb/a.md', body)).toBe(await render(wholeTree, 'kb/a.md', body));
			}),
			{ numRuns: 200 },
		);
	});
});

describe('plainHast', () => {
	it('copies a tree without the fields that point back into the processor', () => {
		const handle = { refs: {} };
		const tree = {
			type: 'root',
			_id: 0,
			children: [{ type: 'element', tagName: 'p', _id: 1, _resolver: handle, properties: { className: ['x'] }, children: [{ type: 'text', value: 'hi', _id: 2 }] }],
		};
		const copy = plainHast(tree);
		expect(copy).toEqual({
			type: 'root',
			children: [{ type: 'element', tagName: 'p', properties: { className: ['x'] }, children: [{ type: 'text', value: 'hi' }] }],
		});
		expect(copy.children?.[0]?.properties).not.toBe(tree.children[0]!.properties);
	});
});
