import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { addChecklist, rehypeRunbookChecklist } from '../../../src/lib/rehype-runbook-checklist.ts';

const STEPS = [
	'Work through the steps in order.',
	'',
	'1. **Confirm the outage** (5 min)',
	'   - Check the status dashboard.',
	'   1. A nested numbered step',
	'2. Post a public acknowledgement (10 min)',
	'',
	'- A bullet, not a step',
].join('\n');

const processor = await createMarkdownProcessor({
	rehypePlugins: [rehypeRunbookChecklist],
	syntaxHighlight: false,
});
const html = async (path: string, markdown = STEPS) =>
	(await processor.render(markdown, { fileURL: new URL(`file://${path}`) })).code;
const checkboxes = (out: string) => out.match(/<input[^>]*>/g) ?? [];

describe('rehypeRunbookChecklist', () => {
	it('gives each top-level step of a runbook a checkbox labelled with the step', async () => {
		const out = await html('/site/content/runbooks/outage-response.mdx');
		expect(checkboxes(out)).toEqual([
			'<input type="checkbox" id="step-1" class="step-done" aria-label="Done: Confirm the outage (5 min)">',
			'<input type="checkbox" id="step-2" class="step-done" aria-label="Done: Post a public acknowledgement (10 min)">',
		]);
		expect(out).toContain('<ol class="steps">');
	});

	it('numbers the checkboxes on across several step lists, so their ids stay unique', async () => {
		const out = await html(
			'/site/content/runbooks/triage.md',
			'1. One (1 min)\n\nBetween.\n\n1. Two (1 min)',
		);
		expect(checkboxes(out).map((i) => /id="([^"]+)"/.exec(i)?.[1])).toEqual(['step-1', 'step-2']);
	});

	it('leaves KB articles, templates and FAQs alone', async () => {
		for (const path of [
			'/site/content/kb/cli/steps.mdx',
			'/site/content/templates/a.mdx',
			'/site/content/faq/runbooks.mdx',
		]) {
			const out = await html(path);
			expect(checkboxes(out)).toEqual([]);
			expect(out).not.toContain('class="steps"');
		}
	});

	it('reads Windows paths', () => {
		const tree = { type: 'root', children: [{ type: 'element', tagName: 'ol', children: [] }] };
		rehypeRunbookChecklist()(tree, { path: 'C:\\site\\content\\runbooks\\a.mdx' });
		expect(tree.children[0]).toEqual({
			type: 'element',
			tagName: 'ol',
			properties: { className: ['steps'] },
			children: [],
		});
	});
});

describe('addChecklist', () => {
	it('labels a step by its first line, cut at 80 characters', () => {
		const long = 'x'.repeat(100);
		const li = {
			type: 'element',
			tagName: 'li',
			children: [{ type: 'text', value: `\n${long}\nsecond line` }],
		};
		const tree = { type: 'root', children: [{ type: 'element', tagName: 'ol', children: [li] }] };
		addChecklist(tree);
		expect(li.children[0]).toEqual({
			type: 'element',
			tagName: 'input',
			properties: {
				type: 'checkbox',
				id: 'step-1',
				className: ['step-done'],
				ariaLabel: `Done: ${'x'.repeat(80)}`,
			},
			children: [],
		});
	});
});
