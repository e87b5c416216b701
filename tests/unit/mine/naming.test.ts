import { describe, expect, it } from 'vitest';
import { LABEL_MAX, labelFrom, sentencesOf } from '../../../src/lib/mine/naming.ts';

describe('sentencesOf', () => {
	it('splits at line breaks and sentence ends, dropping what has no letter', () => {
		expect(sentencesOf('Subject line\nFirst one.  Second?\n\n---\n12345\nLast!')).toEqual([
			'Subject line',
			'First one.',
			'Second?',
			'Last!',
		]);
	});
});

describe('labelFrom', () => {
	const terms = ['webhook', 'retry policy', 'attempts'];

	it('takes the subject line when it is about the group’s topic', () => {
		expect(
			labelFrom(
				'Webhook retries stop after three attempts\nOur endpoint returned 500.',
				terms,
				'x',
			),
		).toBe('Webhook retries stop after three attempts');
	});

	it('passes over a subject that says nothing of the topic', () => {
		expect(
			labelFrom('Help\nQuestion for you\nhow does the webhook retry policy work?', terms, 'x'),
		).toBe('How does the webhook retry policy work?');
	});

	it('drops trailing punctuation but keeps a question mark, and capitalises', () => {
		expect(labelFrom('why do webhooks retry so often...', terms, 'x')).toBe(
			'Why do webhooks retry so often',
		);
	});

	it('cuts a long sentence at a word, and marks the cut', () => {
		const label = labelFrom(`Webhook ${'deliveries '.repeat(20)}fail`, terms, 'x');
		expect(label.length).toBeLessThanOrEqual(LABEL_MAX);
		expect(label).toMatch(/^Webhook deliveries( deliveries)+…$/);
	});

	it('falls back to the terms when no opening sentence fits', () => {
		expect(labelFrom('Hi\nThanks\n[email]', terms, 'webhook · retry policy')).toBe(
			'webhook · retry policy',
		);
		expect(labelFrom('Invoices are wrong every month', terms, 'webhook · retry policy')).toBe(
			'webhook · retry policy',
		);
	});
});

describe('labels from a subject line', () => {
	const terms = ['load_dataset', 'num_proc'];

	it('takes the representative’s own subject when it states the problem', () => {
		expect(
			labelFrom('Hangs with many workers\nload_dataset hangs when num_proc > 1', terms, 'x', true),
		).toBe('Hangs with many workers');
	});

	it('never takes a URL, code or template text', () => {
		const fallback = 'load_dataset · num_proc';
		expect(labelFrom('https://github.com/org/repo/issues/12\n', terms, fallback, true)).toBe(
			fallback,
		);
		expect(
			labelFrom('train_data = datasets.load_dataset(path, num_proc=4)', terms, fallback, true),
		).toBe(fallback);
		expect(
			labelFrom(
				'Describe the bug\nIs your feature request related to a problem?',
				terms,
				fallback,
				true,
			),
		).toBe(fallback);
		expect(
			labelFrom(
				'Describe the bug\nload_dataset hangs when num_proc is above one',
				terms,
				fallback,
				true,
			),
		).toBe('Load_dataset hangs when num_proc is above one');
	});
});
