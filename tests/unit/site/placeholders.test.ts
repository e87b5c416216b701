import { describe, expect, it } from 'vitest';
import {
	fillPlaceholders,
	findPlaceholders,
	splitPlaceholders,
} from '../../../src/lib/placeholders.ts';

describe('findPlaceholders', () => {
	it('lists each placeholder once, in order of first use', () => {
		expect(
			findPlaceholders(
				'Hi [Customer Name], about [Ticket ID]. Thanks, [Customer Name]. [ETA] [Step 2]',
			),
		).toEqual(['Customer Name', 'Ticket ID', 'ETA', 'Step 2']);
	});

	it('does not take Markdown links, reference links or reference definitions for placeholders', () => {
		const text = [
			'See [Webhook Retries](/kb/KB-0031/) and [Status Page][status].',
			'[Status Page]: https://status.caro.example',
		].join('\n');
		expect(findPlaceholders(text)).toEqual([]);
	});

	it('does not take task boxes or lower-case brackets for placeholders', () => {
		expect(
			findPlaceholders('- [ ] Check the logs\n- [x] Reply\n[optional] [customer name]'),
		).toEqual([]);
	});

	it('does not take names with double spaces or punctuation', () => {
		expect(findPlaceholders('[Customer  Name] [Name:] [Ticket-ID] [Name ]')).toEqual([]);
	});
});

describe('fillPlaceholders', () => {
	it('fills every occurrence of each named placeholder', () => {
		expect(
			fillPlaceholders('Hi [Customer Name]. Bye [Customer Name].', { 'Customer Name': 'Ada' }),
		).toBe('Hi Ada. Bye Ada.');
	});

	it('leaves placeholders without a value, or with a blank one, for the agent to see', () => {
		expect(fillPlaceholders('[Customer Name] / [Ticket ID]', { 'Ticket ID': '  ' })).toBe(
			'[Customer Name] / [Ticket ID]',
		);
	});

	it('inserts values literally, $ signs included, and leaves links alone', () => {
		expect(
			fillPlaceholders('Refund: [Amount]. [Docs](/kb/KB-0001/)', { Amount: '$& 10', Docs: 'x' }),
		).toBe('Refund: $& 10. [Docs](/kb/KB-0001/)');
	});
});

describe('splitPlaceholders', () => {
	it('splits text into literal runs and placeholder names', () => {
		expect(splitPlaceholders('Re: [Ticket ID] for [Customer Name]')).toEqual([
			{ text: 'Re: ', placeholder: false },
			{ text: 'Ticket ID', placeholder: true },
			{ text: ' for ', placeholder: false },
			{ text: 'Customer Name', placeholder: true },
		]);
	});

	it('keeps links and task boxes in the literal runs', () => {
		expect(splitPlaceholders('- [ ] see [Docs](/faq/)')).toEqual([
			{ text: '- [ ] see [Docs](/faq/)', placeholder: false },
		]);
	});

	it('gives nothing for empty text and one run for text without placeholders', () => {
		expect(splitPlaceholders('')).toEqual([]);
		expect(splitPlaceholders('Thanks!')).toEqual([{ text: 'Thanks!', placeholder: false }]);
	});
});

describe('placeholders next to a colon or a list marker', () => {
	it('fills a placeholder followed by a colon mid-line, as in an incident subject', () => {
		const subject = 'Update [Update Number]: [Affected Service] incident';
		expect(findPlaceholders(subject)).toEqual(['Update Number', 'Affected Service']);
		expect(fillPlaceholders(subject, { 'Update Number': '3', 'Affected Service': 'Webhooks' })).toBe(
			'Update 3: Webhooks incident',
		);
	});

	it('still skips a reference definition at the start of a line', () => {
		expect(findPlaceholders('See [Docs].\n\n[Docs]: https://docs.example')).toEqual(['Docs']);
		expect(findPlaceholders('  [Docs]: https://docs.example')).toEqual([]);
	});

	it('does not take a capital X task box for a placeholder, but does take [X] in prose', () => {
		expect(findPlaceholders('- [X] backups checked\n1. [X] done')).toEqual([]);
		expect(findPlaceholders('Server [X] is down')).toEqual(['X']);
	});
});
