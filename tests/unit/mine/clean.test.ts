import { describe, expect, it } from 'vitest';
import { capText, cleanMessage, cleanSubject } from '../../../src/lib/mine/clean.ts';

describe('cleanMessage', () => {
	it('strips greeting, sign-off and signature and reports the names', () => {
		const r = cleanMessage(
			[
				'Hi Anneliese,',
				'',
				'My webhook deliveries stop after the third retry.',
				'Is the retry policy configurable?',
				'',
				'Best regards,',
				'Thaddeus Morgenstern',
				'Platform Engineer | Example GmbH',
			].join('\n'),
		);
		expect(r.text).toBe(
			'My webhook deliveries stop after the third retry. Is the retry policy configurable?',
		);
		expect(r.names).toEqual(['Thaddeus', 'Morgenstern', 'Anneliese']);
	});

	it('cuts quoted reply history in its common forms', () => {
		const gmail =
			'The CLI hangs on install.\n\nOn Mon, 5 Jan 2026 at 10:02, Support <s@x.example>\nwrote:\n> Did you try 1.1.0?';
		expect(cleanMessage(gmail).text).toBe('The CLI hangs on install.');
		const outlook =
			'Still broken.\n\nFrom: Caro Support\nSent: Monday, January 5, 2026 10:02\nTo: me\nSubject: RE: install\n\nPlease update.';
		expect(cleanMessage(outlook).text).toBe('Still broken.');
		const original = 'Same again.\n-----Original Message-----\nFrom: someone\nold text';
		expect(cleanMessage(original).text).toBe('Same again.');
		const quoted = 'New question here.\n> quoted line\n>> older line\nAnd more.';
		expect(cleanMessage(quoted).text).toBe('New question here. And more.');
	});

	it('keeps a forward that has nothing above it', () => {
		const r = cleanMessage(
			'---------- Forwarded message ---------\nWebhook signatures do not match.',
		);
		expect(r.text).toContain('Webhook signatures do not match.');
	});

	it('cuts "-- " signatures and mobile footers', () => {
		expect(cleanMessage('Export fails.\n-- \nAnna\n+49 30 1').text).toBe('Export fails.');
		expect(cleanMessage('Export fails.\n\nSent from my iPhone').text).toBe('Export fails.');
	});

	it('strips a greeting on the same line as the question', () => {
		const r = cleanMessage('Hello Anneliese, how do I rotate my API token?');
		expect(r).toEqual({ text: 'how do I rotate my API token?', names: ['Anneliese'] });
		expect(cleanMessage('Hello team,\nbilling question').text).toBe('billing question');
		expect(cleanMessage('Hello team,\nbilling question').names).toEqual([]);
	});

	it('finds a sign-off at the end of a chat line', () => {
		const r = cleanMessage('Agents stop after consolidation. Thanks, Thaddeus');
		expect(r).toEqual({ text: 'Agents stop after consolidation.', names: ['Thaddeus'] });
	});

	it('does not treat sentences that start like a sign-off as one', () => {
		const text = 'Thanks for the fix, but the merge still fails for me on 1.1.0.';
		expect(cleanMessage(text).text).toBe(text);
		expect(cleanMessage('Best way to pin the CLI version?').text).toBe(
			'Best way to pin the CLI version?',
		);
	});

	it('turns HTML into text and drops quoted blocks and link targets', () => {
		const r = cleanMessage(
			'<div><p>Hi Anneliese,</p><p>The <b>export</b> <a href="https://x.example/?token=abc">link</a> fails.</p>' +
				'<div class="gmail_quote"><blockquote>old mail</blockquote></div></div>',
			{ html: true },
		);
		expect(r.text).toBe('The export link fails.');
		expect(r.names).toEqual(['Anneliese']);
	});
});

describe('cleanSubject', () => {
	it('drops reply prefixes and ticket numbers', () => {
		expect(cleanSubject('RE: Fwd: [#4821] Webhook retries')).toBe('Webhook retries');
		expect(cleanSubject('AW: Re: Rechnung')).toBe('Rechnung');
		expect(cleanSubject('Reset password')).toBe('Reset password');
	});
});

describe('capText', () => {
	it('cuts at a word boundary and drops the cut word', () => {
		expect(capText('alpha beta gamma', 13)).toBe('alpha beta');
		expect(capText('short', 10)).toBe('short');
	});
});

describe('signature blocks above more text', () => {
	it('drops a sign-off and its block when an issue template section follows', () => {
		const r = cleanMessage(
			'Deliveries are never retried.\n\nBest regards,\nThaddeus Morgenstern\nPlatform Engineer\n\n' +
				'Steps\n1. create a webhook\n2. stop the receiver\n3. wait an hour\n4. start it again\nVersion: caro 1.1.0',
		);
		expect(r).toEqual({
			text: 'Deliveries are never retried. Steps 1. create a webhook 2. stop the receiver 3. wait an hour 4. start it again',
			names: ['Thaddeus', 'Morgenstern'],
		});
	});
});
