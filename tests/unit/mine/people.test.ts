import { describe, expect, it } from 'vitest';
import { redactPeople } from '../../../src/lib/mine/people.ts';

describe('redactPeople', () => {
	it('replaces names anywhere in a sentence, keeping the punctuation around them', () => {
		expect(redactPeople('My colleague John Smith cannot log in since Tuesday.')).toBe(
			'My colleague [name] cannot log in since Tuesday.',
		);
		expect(redactPeople('Our admin, Li Wei, rotated the API key.')).toBe(
			'Our admin, [name], rotated the API key.',
		);
		expect(redactPeople('ask maria about the invoice, she set it up')).toBe(
			'ask [name] about the invoice, she set it up',
		);
		expect(redactPeople('Please forward this to Mr. Okafor.')).toBe(
			'Please forward this to [name].',
		);
	});

	it('leaves product names, weekdays and plain support questions alone', () => {
		for (const text of [
			'Why am I charged an extra fee on my card?',
			'The Caro CLI says command not found after npm install on Ubuntu.',
			'Webhook deliveries to Stripe fail with 401 since Monday',
			'I need to transfer money into my account, HOW?',
			'Thanks, [name]. Mail [email] please.',
		]) {
			expect(redactPeople(text)).toBe(text);
		}
	});
});
