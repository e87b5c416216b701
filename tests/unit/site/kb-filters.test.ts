import { describe, expect, it } from 'vitest';
import { filterId, kbFilterCss, queryFromSelection, selectionFromQuery } from '../../../src/lib/kb-filters.ts';

describe('filterId', () => {
	it('makes an id that a CSS #selector can use', () => {
		expect(filterId('category', 'git-sync')).toBe('f-category-git-sync');
		expect(filterId('versions', '1.1.0-beta')).toBe('f-versions-1_1_0-beta');
		expect(filterId('tag', 'a"b c')).toBe('f-tag-a_b_c');
	});
});

describe('kbFilterCss', () => {
	it('hides the rows without the checked value, one rule per value', () => {
		expect(kbFilterCss([{ attribute: 'severity', values: ['low', 'critical'] }])).toBe(
			[
				'main:has(#f-severity-low:checked) .kb-row:not([data-severity="low"]){display:none}',
				'main:has(#f-severity-critical:checked) .kb-row:not([data-severity="critical"]){display:none}',
			].join('\n'),
		);
	});

	it('matches one word of a space-separated list for multi-value attributes', () => {
		expect(kbFilterCss([{ attribute: 'versions', values: ['1.1.0-beta'], multi: true }])).toBe(
			'main:has(#f-versions-1_1_0-beta:checked) .kb-row:not([data-versions~="1.1.0-beta"]){display:none}',
		);
	});

	it('escapes quotes in values and takes another row selector', () => {
		expect(kbFilterCss([{ attribute: 'tag', values: ['a"b'] }], '.faq-row')).toBe(
			'main:has(#f-tag-a_b:checked) .faq-row:not([data-tag="a\\"b"]){display:none}',
		);
	});

	it('gives no CSS when there is nothing to filter', () => {
		expect(kbFilterCss([])).toBe('');
		expect(kbFilterCss([{ attribute: 'category', values: [] }])).toBe('');
	});
});

describe('selectionFromQuery and queryFromSelection', () => {
	const offered = { category: ['billing', 'webhooks'], severity: ['low', 'high'], versions: ['1.0.0', '1.1.0-beta'] };

	it('reads the offered values a shared link names and drops the rest', () => {
		expect(selectionFromQuery('?severity=high&category=nope&versions=1.1.0-beta&x=1', offered)).toEqual({
			severity: 'high',
			versions: '1.1.0-beta',
		});
		expect(selectionFromQuery('', offered)).toEqual({});
	});

	it('writes the selection in the groups’ order and round-trips', () => {
		const query = queryFromSelection({ versions: '1.0.0', category: 'billing' }, Object.keys(offered));
		expect(query).toBe('?category=billing&versions=1.0.0');
		expect(selectionFromQuery(query, offered)).toEqual({ category: 'billing', versions: '1.0.0' });
		expect(queryFromSelection({}, Object.keys(offered))).toBe('');
	});
});
