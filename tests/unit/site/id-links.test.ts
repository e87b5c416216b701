import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkEntryIds, mentionedIds, type HastNode } from '../../../src/lib/id-links.ts';
import { ENTRY_ID_IN_TEXT } from '../../../src/lib/permalinks.ts';

const text = (value: string): HastNode => ({ type: 'text', value });
const el = (tagName: string, ...children: HastNode[]): HastNode => ({
	type: 'element',
	tagName,
	properties: {},
	children,
});

describe('mentionedIds', () => {
	it('finds IDs in prose once each, not in inline code', () => {
		expect(mentionedIds(['See KB-0001 and RB-002.', 'Again KB-0001, not `TPL-003`.'])).toEqual(['KB-0001', 'RB-002']);
	});

	it('does not take longer or shorter numbers for IDs', () => {
		expect(mentionedIds(['KB-00012 KB-001 RB-0001 XKB-0001 KB-012345'])).toEqual([]);
	});

	it('finds KB IDs past KB-9999', () => {
		expect(mentionedIds(['See KB-12345, then KB-10000 and KB-0042.'])).toEqual(['KB-12345', 'KB-10000', 'KB-0042']);
	});
});

describe('linkEntryIds', () => {
	it('turns IDs in paragraphs into links and keeps the text around them', () => {
		const tree: HastNode = { type: 'root', children: [el('p', text('Use RB-005 (triage) then KB-0042.'))] };
		linkEntryIds(tree);
		expect(tree.children?.[0]).toEqual(
			el(
				'p',
				text('Use '),
				{ type: 'element', tagName: 'a', properties: { href: '/runbooks/RB-005/' }, children: [text('RB-005')] },
				text(' (triage) then '),
				{ type: 'element', tagName: 'a', properties: { href: '/kb/KB-0042/' }, children: [text('KB-0042')] },
				text('.'),
			),
		);
	});

	it('leaves IDs inside links, code and headings alone', () => {
		const tree: HastNode = {
			type: 'root',
			children: [el('a', text('KB-0001')), el('pre', el('code', text('KB-0001'))), el('h2', text('About KB-0001')), el('p', el('code', text('RB-001')))],
		};
		const before = JSON.stringify(tree);
		linkEntryIds(tree);
		expect(JSON.stringify(tree)).toBe(before);
	});
});

describe('mentionedIds skips lines without `-`', () => {
	// What every line went through before lines were skipped.
	const everyLine = (lines: string[]) => {
		const ids = new Set<string>();
		for (const line of lines) {
			const prose = line.replace(/`[^`]*`/g, '').replace(/\]\([^)]*\)/g, ']').replace(/\bhref\s*=\s*("[^"]*"|'[^']*'|\{[^}]*\})/g, '');
			for (const m of prose.matchAll(ENTRY_ID_IN_TEXT)) ids.add(m[1]!);
		}
		return [...ids];
	};
	it('and finds every ID found on every line', () => {
		const line = fc.array(fc.constantFrom('KB', 'RB', 'TPL', '-', '0042', '12345', '001', '`', '](', ')', 'href="', '"', ' ', 'x'), { maxLength: 20 }).map((parts) => parts.join(''));
		fc.assert(
			fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
				expect(mentionedIds(lines)).toEqual(everyLine(lines));
			}),
			{ numRuns: 2000 },
		);
	});
});
