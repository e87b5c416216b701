import { describe, expect, it } from 'vitest';
import { safeExcerpt } from '../../../src/lib/search/excerpt.ts';

describe('safeExcerpt', () => {
	it('keeps Pagefind highlights and the references it already escaped', () => {
		const pagefind = '<mark>Webhook</mark> deliveries &lt;script&gt; retry &amp; back off';
		expect(safeExcerpt(pagefind)).toBe(pagefind);
	});

	it('escapes any other markup and bare ampersands', () => {
		expect(safeExcerpt('<img src=x onerror=alert(1)> R&D <mark>retry</mark>')).toBe(
			'&lt;img src=x onerror=alert(1)&gt; R&amp;D <mark>retry</mark>',
		);
		expect(safeExcerpt('<mark class="x">a</mark>')).toBe('&lt;mark class="x"&gt;a');
	});

	it('closes an unbalanced highlight and drops stray closing tags', () => {
		expect(safeExcerpt('a <mark>b')).toBe('a <mark>b</mark>');
		expect(safeExcerpt('a </mark>b <mark><mark>c</mark>')).toBe('a b <mark>c</mark>');
	});
});
