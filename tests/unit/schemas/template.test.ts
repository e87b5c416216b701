import { describe, expect, it } from 'vitest';
import { PlaceholderNameSchema, TemplateSchema } from '../../../src/schemas/template.ts';
import { parsed, problems } from './problems.ts';

const valid = {
	id: 'TPL-001',
	title: 'Initial acknowledgement',
	useCase: 'First reply to a new ticket.',
	subject: 'Re: [Ticket ID] we are looking into it',
};

const PLACEHOLDER_MESSAGE =
	'each placeholder must start with a capital letter and hold only letters, digits and single spaces, e.g. "Customer Name"';

describe('TemplateSchema', () => {
	it('parses a template with no placeholders declared as an empty list', () => {
		expect(parsed(TemplateSchema, valid)).toEqual({ ...valid, placeholders: [], audience: 'internal' });
	});

	it('keeps the declared placeholders in order', () => {
		const names = ['Ticket ID', 'Customer Name', 'Agent Name', 'Step2'];
		expect(parsed(TemplateSchema, { ...valid, placeholders: names }).placeholders).toEqual(names);
	});

	it('wants "TPL-" and three digits as the ID', () => {
		for (const id of ['TPL-1', 'TPL-0001', 'tpl-001', 'T-001']) {
			expect(problems(TemplateSchema, { ...valid, id })).toEqual([
				'id: id must be a template ID: "TPL-" and three digits, e.g. TPL-001',
			]);
		}
	});

	it('points at the placeholder name that is not capitalised', () => {
		expect(
			problems(TemplateSchema, { ...valid, placeholders: ['Ticket ID', 'customer name'] }),
		).toEqual([`placeholders.1: ${PLACEHOLDER_MESSAGE}`]);
	});

	it('wants the placeholders as a list', () => {
		expect(problems(TemplateSchema, { ...valid, placeholders: 'Customer Name' })).toEqual([
			'placeholders: placeholders must be a list of names, e.g. ["Customer Name"]',
		]);
	});

	it('limits the subject to 160 characters', () => {
		expect(problems(TemplateSchema, { ...valid, subject: 'x'.repeat(161) })).toEqual([
			'subject: subject must be at most 160 characters',
		]);
	});
});

describe('PlaceholderNameSchema', () => {
	it('accepts capitalised words separated by single spaces', () => {
		for (const name of ['Customer Name', 'Ticket ID', 'ETA', 'Update 2']) {
			expect(problems(PlaceholderNameSchema, name)).toEqual([]);
		}
	});

	it('rejects lower-case starts, double or trailing spaces and punctuation', () => {
		for (const name of [
			'customer name',
			'Customer  Name',
			'Customer Name ',
			'Customer-Name',
			'Name:',
			'',
		]) {
			expect(problems(PlaceholderNameSchema, name)).toEqual([PLACEHOLDER_MESSAGE]);
		}
	});
});
