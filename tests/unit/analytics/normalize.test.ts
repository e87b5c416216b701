import { describe, expect, it } from 'vitest';
import { normalizeQuery, normalizeReason, scrubText } from '../../../src/lib/analytics/normalize.ts';

describe('scrubbing queries before they leave the browser', () => {
	it.each([
		['refund for jane.doe+caro@example.co.uk', 'refund for [email]'],
		['call me 555-123-4567', 'call me [number]'],
		['card 4111 1111 1111 1111 declined', 'card [number] declined'],
		['order 12345678', 'order [number]'],
		['+49 (30) 1234567', '[number]'],
	])('%s → %s', (input, expected) => {
		expect(scrubText(input)).toBe(expected);
	});

	it.each([
		['upgrade to 1.1.0 from 1.0.2'],
		['KB-0042'],
		['error 404 after 2026 update'],
		['port 8787'],
	])('keeps what search analysis needs: %s', (input) => {
		expect(scrubText(input)).toBe(input);
	});
});

describe('normalizeQuery', () => {
	it('lower-cases, collapses whitespace and trims so variants count as one query', () => {
		expect(normalizeQuery('  Webhook \t  RETRIES\n')).toBe('webhook retries');
	});

	it('applies NFKC so full-width and ligature forms match their plain spelling', () => {
		expect(normalizeQuery('Ｃａｒｏ ﬁle')).toBe('caro file');
	});

	it('scrubs before lower-casing, so placeholders stay recognisable', () => {
		expect(normalizeQuery('Invoice for BOSS@Corp.example 00123456')).toBe(
			'invoice for [email] [number]',
		);
	});

	it('cuts to 200 characters without splitting an emoji', () => {
		const query = normalizeQuery(`${'a'.repeat(199)}😀tail`);
		expect(query).toBe('a'.repeat(199));
		expect(normalizeQuery('b'.repeat(300))).toHaveLength(200);
	});

	it('returns an empty string when nothing is left', () => {
		expect(normalizeQuery(' \u200b\n ')).toBe('');
	});
});

describe('normalizeReason', () => {
	it('keeps case and line breaks, scrubs and trims', () => {
		expect(normalizeReason('  Step 3 fails.\r\nMail me at a@b.example  ')).toBe(
			'Step 3 fails.\nMail me at [email]',
		);
	});

	it('drops an empty reason and cuts long ones to 500 characters', () => {
		expect(normalizeReason('   ')).toBeUndefined();
		expect(normalizeReason(undefined)).toBeUndefined();
		expect(normalizeReason('x'.repeat(600))).toHaveLength(500);
	});
});
