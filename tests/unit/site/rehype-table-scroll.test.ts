import { describe, expect, it } from 'vitest';
import type { HastNode } from '../../../src/lib/id-links.ts';
import { tableRegionLabel, wrapTables } from '../../../src/lib/rehype-table-scroll.ts';

const text = (value: string): HastNode => ({ type: 'text', value });
const el = (tagName: string, children: HastNode[] = []): HastNode => ({ type: 'element', tagName, properties: {}, children });
const table = (caption?: string) => el('table', caption ? [el('caption', [text(caption)]), el('tbody')] : [el('tbody')]);

describe('wrapTables', () => {
	it('wraps each table in a focusable, named region, named after its heading or caption', () => {
		const tree = el('root', [
			table(),
			el('h2', [text('Rate '), el('code', [text('limits')])]),
			el('p', [text('x')]),
			table(),
			table('Retry schedule'),
			el('section', [table()]),
		]);
		wrapTables(tree);
		const regions = (tree.children ?? []).flatMap((c) => (c.tagName === 'section' ? c.children! : [c])).filter((c) => c.tagName === 'div');
		expect(regions.map((r) => r.properties)).toEqual([
			{ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table' },
			{ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table: Rate limits' },
			{ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table: Retry schedule' },
			// Same heading, second table: the name gets a number so regions stay distinguishable.
			{ className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: 'Table: Rate limits (2)' },
		]);
		expect(regions.every((r) => r.children?.[0]?.tagName === 'table')).toBe(true);
	});

	it('leaves a tree without tables alone', () => {
		const tree = el('root', [el('p', [text('no tables')])]);
		const before = JSON.stringify(tree);
		wrapTables(tree);
		expect(JSON.stringify(tree)).toBe(before);
	});
});

describe('tableRegionLabel', () => {
	it('prefers the caption and collapses white space', () => {
		expect(tableRegionLabel('Heading', '  Retry\n schedule ')).toBe('Table: Retry schedule');
		expect(tableRegionLabel(undefined, undefined)).toBe('Table');
	});
});
