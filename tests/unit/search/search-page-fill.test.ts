import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillSearchQuery } from '../../../src/lib/search/search-page-fill.ts';
import { hostileText, PROPERTY_TIMEOUT } from '../support/hostile-text.ts';
import { elementsOf } from '../support/html.ts';

const PAGE =
	'<html><body><form><input id="search-q" name="q" type="search" data-search-page-input enterkeyhint="search" data-astro-cid-x></form><p>after</p></body></html>';

describe('fillSearchQuery', () => {
	it('puts the query into the search box as its value', () => {
		const input = elementsOf(fillSearchQuery(PAGE, 'install fails on my mac')).find((e) => e.tag === 'input');
		expect(input?.attributes.value).toBe('install fails on my mac');
		expect(input?.attributes.name).toBe('q');
	});

	it('leaves the page as it is for an empty query or a page without the box', () => {
		expect(fillSearchQuery(PAGE, '')).toBe(PAGE);
		expect(fillSearchQuery('<input name="q">', 'x')).toBe('<input name="q">');
	});

	it('does not mistake a longer attribute name for the marker, and takes the marker with a value', () => {
		const html = '<input name="q" data-search-page-input-x>';
		expect(fillSearchQuery(html, 'x')).toBe(html);
		expect(fillSearchQuery('<input name="q" data-search-page-input="true">', 'a b')).toBe(
			'<input value="a b" name="q" data-search-page-input="true">',
		);
	});

	it('keeps any query as the value alone: no element or attribute is added', () => {
		const before = elementsOf(PAGE);
		fc.assert(
			fc.property(hostileText, (query) => {
				const after = elementsOf(fillSearchQuery(PAGE, query));
				expect(after.map((e) => e.tag)).toEqual(before.map((e) => e.tag));
				const input = after.find((e) => e.tag === 'input')!;
				expect(Object.keys(input.attributes).sort()).toEqual(
					[...Object.keys(before.find((e) => e.tag === 'input')!.attributes), ...(query ? ['value'] : [])].sort(),
				);
				// The HTML parser turns a value's line breaks into what it reads back as; compare that.
				if (query) expect(input.attributes.value).toBe(query.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'));
			}),
			{ numRuns: 300 },
		);
	}, PROPERTY_TIMEOUT);
});
