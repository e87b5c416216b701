import { describe, expect, it } from 'vitest';
import { FaqSchema } from '../../../src/schemas/faq.ts';
import { parsed, problems } from './problems.ts';

const valid = { question: 'How do I install the caro CLI?', category: 'installation' };

describe('FaqSchema', () => {
	it('parses a minimal FAQ and fills in the defaults', () => {
		expect(parsed(FaqSchema, valid)).toEqual({
			...valid,
			related: [],
			aliases: [],
			order: 100,
			status: 'published',
			audience: 'public',
		});
	});

	it('keeps a given order, status and related articles', () => {
		const faq = parsed(FaqSchema, { ...valid, order: 0, status: 'draft', related: ['KB-0001'] });
		expect([faq.order, faq.status, faq.related]).toEqual([0, 'draft', ['KB-0001']]);
	});

	it('wants the question to end with a question mark', () => {
		expect(problems(FaqSchema, { ...valid, question: 'How to install the caro CLI' })).toEqual([
			'question: question must end with a question mark',
		]);
	});

	it('checks the question mark after trimming', () => {
		expect(parsed(FaqSchema, { ...valid, question: ' Why?  ' }).question).toBe('Why?');
	});

	it('limits the question to 160 characters', () => {
		expect(problems(FaqSchema, { ...valid, question: `${'x'.repeat(160)}?` })).toEqual([
			'question: question must be at most 160 characters',
		]);
	});

	it('wants a whole, non-negative order', () => {
		expect(problems(FaqSchema, { ...valid, order: 1.5 })).toEqual([
			'order: order must be a whole number, e.g. 10',
		]);
		expect(problems(FaqSchema, { ...valid, order: '10' })).toEqual([
			'order: order must be a whole number, e.g. 10',
		]);
		expect(problems(FaqSchema, { ...valid, order: -1 })).toEqual([
			'order: order must be 0 or more',
		]);
	});

	it('has no archived status', () => {
		expect(problems(FaqSchema, { ...valid, status: 'archived' })).toEqual([
			'status: status must be one of: draft, published',
		]);
	});

	it('wants a category slug and related KB IDs', () => {
		expect(problems(FaqSchema, { ...valid, category: 'Git Sync', related: ['KB-1'] })).toEqual([
			'category: category must be a lower-case slug of letters, digits and dashes, e.g. "webhooks"',
			'related.0: must be a KB ID: "KB-" and four or more digits, e.g. KB-0042 or KB-12345 (no leading zero past four digits)',
		]);
	});

	it('names the missing fields', () => {
		expect(problems(FaqSchema, {})).toEqual([
			'question: question is required and must be text',
			'category: category is required and must be text',
		]);
	});
});

describe('FaqSchema aliases', () => {
	it('takes other wordings of the question and names a bad one', () => {
		const base = { question: 'How do I install the caro CLI?', category: 'installation' };
		expect(FaqSchema.parse({ ...base, aliases: ['caro will not install'] }).aliases).toEqual([
			'caro will not install',
		]);
		const r = FaqSchema.safeParse({ ...base, aliases: 'caro will not install' });
		expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual([
			'aliases must be a list of wordings, e.g. ["agent is stuck", "agent hangs"]',
		]);
	});
});
