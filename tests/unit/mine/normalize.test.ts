import { describe, expect, it } from 'vitest';
import { Interner, normalizeTicket, TEXT_LIMIT } from '../../../src/lib/mine/normalize.ts';
import type { RawTicket } from '../../../src/lib/mine/ticket.ts';

const raw = (over: Partial<RawTicket>): RawTicket => ({
	id: '1',
	subject: '',
	messages: [],
	created: null,
	channel: null,
	tags: [],
	personal: [],
	...over,
});

describe('normalizeTicket', () => {
	it('joins subject and messages, redacting the requester wherever they appear', () => {
		const t = normalizeTicket(
			raw({
				subject: 'Re: [#77] Export fails for Anneliese',
				messages: ['Hi team,\nThe export fails.', 'Still failing. Anneliese Vogt, +49 30 1234-567'],
				personal: ['Anneliese Vogt', '+49 30 1234-567'],
			}),
		);
		expect(t).toMatchObject({
			text: 'Export fails for [name]\nThe export fails. Still failing. [name], [phone]',
			subjectLength: 'Export fails for [name]'.length,
		});
	});

	it('drops tags and channels that hold personal data, and shares repeated tag lists', () => {
		const interner = new Interner();
		const a = normalizeTicket(
			raw({
				messages: ['x works'],
				tags: ['billing', 'vip-anneliese.vogt@example.org', 'Vogt', 'billing'],
				channel: 'anneliese.vogt@example.org',
				personal: ['Anneliese Vogt'],
			}),
			interner,
		)!;
		const b = normalizeTicket(
			raw({ id: '2', messages: ['y works'], tags: ['billing'] }),
			interner,
		)!;
		expect(a.tags).toEqual(['billing']);
		expect(a.channel).toBeNull();
		expect(b.tags).toBe(a.tags);
	});

	it('keeps nothing when only a greeting or redaction marks are left', () => {
		expect(normalizeTicket(raw({ messages: ['Hello Anneliese,'] }))).toBeNull();
		expect(normalizeTicket(raw({ messages: ['anneliese.vogt@example.org'] }))).toBeNull();
	});

	it('caps the kept text', () => {
		const t = normalizeTicket(raw({ messages: ['word '.repeat(2000)] }))!;
		expect(t.text.length).toBeLessThanOrEqual(TEXT_LIMIT);
		expect(t.text.endsWith('word')).toBe(true);
	});
});
