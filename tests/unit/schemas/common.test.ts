import { describe, expect, it } from 'vitest';
import {
	DateSchema,
	KbIdSchema,
	LineSchema,
	RelatedSchema,
	SlugSchema,
	VersionRangeSchema,
} from '../../../src/schemas/common.ts';
import { parsed, problems } from './problems.ts';

describe('KbIdSchema', () => {
	it('accepts "KB-" and four digits, and more past KB-9999', () => {
		for (const id of ['KB-0042', 'KB-9999', 'KB-10000', 'KB-12345', 'KB-1234567']) expect(parsed(KbIdSchema, id)).toBe(id);
	});

	it('refuses a second way to write one number: no leading zero past four digits', () => {
		for (const id of ['KB-00042', 'KB-012345', 'KB-042', 'kb-0042', 'KB-12a45'])
			expect(problems(KbIdSchema, id), id).toEqual([
				'must be a KB ID: "KB-" and four or more digits, e.g. KB-0042 or KB-12345 (no leading zero past four digits)',
			]);
	});

	it('explains the format, also for a number', () => {
		expect(problems(KbIdSchema, 'KB-42')).toEqual([
			'must be a KB ID: "KB-" and four or more digits, e.g. KB-0042 or KB-12345 (no leading zero past four digits)',
		]);
		expect(problems(KbIdSchema, 42)).toEqual(['must be a KB ID such as KB-0042']);
	});
});

describe('RelatedSchema', () => {
	it('defaults to no related articles', () => {
		expect(parsed(RelatedSchema, undefined)).toEqual([]);
	});
});

describe('DateSchema', () => {
	it('reads YYYY-MM-DD as midnight UTC', () => {
		expect(parsed(DateSchema, '2026-01-24').toISOString()).toBe('2026-01-24T00:00:00.000Z');
	});

	it('keeps a Date that the YAML parser already made', () => {
		expect(parsed(DateSchema, new Date('2026-02-15')).toISOString()).toBe(
			'2026-02-15T00:00:00.000Z',
		);
	});

	it('rejects words and impossible months with an example', () => {
		for (const v of ['next week', '2026-13-01']) {
			expect(problems(DateSchema, v)).toEqual([
				'must be a date written as YYYY-MM-DD, e.g. 2026-01-24',
			]);
		}
	});
});

describe('LineSchema', () => {
	const title = LineSchema('title', 10);

	it('trims the text', () => {
		expect(parsed(title, '  Webhooks  ')).toBe('Webhooks');
	});

	it('names the field when the text is missing, blank or too long', () => {
		expect(problems(title, undefined)).toEqual(['title is required and must be text']);
		expect(problems(title, '  ')).toEqual(['title must not be empty']);
		expect(problems(title, 'x'.repeat(11))).toEqual(['title must be at most 10 characters']);
	});

	it('counts the length after trimming', () => {
		expect(parsed(title, ` ${'x'.repeat(10)} `)).toBe('x'.repeat(10));
	});

	it('defaults to at most 120 characters', () => {
		expect(problems(LineSchema('owner'), 'x'.repeat(121))).toEqual([
			'owner must be at most 120 characters',
		]);
	});
});

describe('SlugSchema', () => {
	const category = SlugSchema('category');

	it('accepts lower-case words joined by single dashes', () => {
		for (const v of ['billing', 'git-sync', 'telemetry-privacy', 'p0'])
			expect(problems(category, v)).toEqual([]);
	});

	it('rejects capitals, spaces, underscores and doubled or trailing dashes', () => {
		for (const v of ['Billing', 'git sync', 'git_sync', 'git--sync', 'git-', '-git', '']) {
			expect(problems(category, v)).toEqual([
				'category must be a lower-case slug of letters, digits and dashes, e.g. "webhooks"',
			]);
		}
	});
});

describe('VersionRangeSchema', () => {
	it('accepts versions, pre-releases and ranges', () => {
		for (const v of [
			'1.1.0',
			'1.1.0-beta',
			'1.1.x',
			'>=1.0.0 <1.1.0',
			'^1.0.0',
			'~1.0.1',
			'*',
			'>=1.1.0-beta',
		]) {
			expect(problems(VersionRangeSchema, v)).toEqual([]);
		}
	});

	it('quotes what it could not read and shows what to write', () => {
		expect(problems(VersionRangeSchema, 'banana')).toEqual([
			'"banana" is not a version or version range; write e.g. 1.1.0, 1.1.x, ">=1.0.0 <1.1.0" or "*"',
		]);
	});

	it('asks for text when YAML made a number', () => {
		expect(problems(VersionRangeSchema, 1.1)).toEqual([
			'each affected version must be text, e.g. "1.1.0" or ">=1.0.0 <1.1.0"',
		]);
	});
});

describe('DateSchema strictness', () => {
	it.each([[''], [1], ['2026'], ['2026-02-30'], ['24/01/2026'], [null]])('rejects %j', (value) => {
		const r = DateSchema.safeParse(value);
		expect(r.success).toBe(false);
		expect(r.error?.issues[0]?.message).toBe('must be a date written as YYYY-MM-DD, e.g. 2026-01-24');
	});

	it('accepts a YYYY-MM-DD string and a Date, as midnight UTC', () => {
		expect(DateSchema.parse('2026-01-24').toISOString()).toBe('2026-01-24T00:00:00.000Z');
		expect(DateSchema.parse(new Date('2026-01-24')).toISOString()).toBe('2026-01-24T00:00:00.000Z');
	});
});
