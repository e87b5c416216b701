import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillFromQuery, fillRadioChoices, fillSearchQuery } from '../../src/lib/query-fill.ts';
import { hostileText, PROPERTY_TIMEOUT } from './support/hostile-text.ts';
import { elementsOf } from './support/html.ts';

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

const FILTERS = [
	'<form data-kb-filters>',
	'<input type="radio" name="category" value="" checked data-astro-cid-x>',
	'<input type="radio" name="category" value="billing" id="f-category-billing" data-astro-cid-x>',
	'<input type="radio" name="category" value="webhooks" id="f-category-webhooks" data-astro-cid-x>',
	'<input type="radio" name="severity" value="" checked>',
	'<input type="radio" name="severity" value="high" id="f-severity-high">',
	'<input type="radio" name="versions" value="" checked>',
	'<input type="radio" name="versions" value="1.1.0-beta" id="f-versions-1_1_0-beta">',
	'<input type="search" name="q">',
	'</form>',
].join('');

const checked = (html: string) =>
	elementsOf(html)
		.filter((e) => e.tag === 'input' && 'checked' in e.attributes)
		.map((e) => `${e.attributes.name}=${e.attributes.value}`);

describe('fillRadioChoices', () => {
	it('checks the radio each group of the query names, and no other of its group', () => {
		const html = fillRadioChoices(FILTERS, new URLSearchParams('category=webhooks&versions=1.1.0-beta'));
		expect(checked(html)).toEqual(['category=webhooks', 'severity=', 'versions=1.1.0-beta']);
		expect(elementsOf(html).map((e) => e.tag)).toEqual(elementsOf(FILTERS).map((e) => e.tag));
	});

	it('leaves a group as built when the query names a value it does not offer, or nothing', () => {
		expect(fillRadioChoices(FILTERS, new URLSearchParams('severity=urgent&category='))).toBe(
			fillRadioChoices(FILTERS, new URLSearchParams('category=')),
		);
		expect(checked(fillRadioChoices(FILTERS, new URLSearchParams('severity=urgent')))).toEqual(['category=', 'severity=', 'versions=']);
		expect(fillRadioChoices(FILTERS, new URLSearchParams('q=x'))).toBe(FILTERS);
	});

	it('writes nothing of the query into the page', () => {
		fc.assert(
			fc.property(hostileText, hostileText, (name, value) => {
				const html = fillRadioChoices(FILTERS, new URLSearchParams([[name, value], ['severity', 'high']]));
				expect(html.replace(' checked', '').length).toBeLessThanOrEqual(FILTERS.length);
				expect(checked(html)).toContain('severity=high');
			}),
			{ numRuns: 200 },
		);
	}, PROPERTY_TIMEOUT);
});

describe('fillFromQuery', () => {
	it('fills the search box on /search/ and the chips on /kb/, and leaves other pages alone', () => {
		const page = PAGE + FILTERS;
		expect(fillFromQuery('/search/', page, new URLSearchParams('q=mac'))).toBe(fillSearchQuery(page, 'mac'));
		expect(checked(fillFromQuery('/kb/', page, new URLSearchParams('severity=high')))).toContain('severity=high');
		expect(fillFromQuery('/faq/', page, new URLSearchParams('severity=high&q=mac'))).toBe(page);
	});
});
