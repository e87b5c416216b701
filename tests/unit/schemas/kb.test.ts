import { describe, expect, it } from 'vitest';
import { KbSchema } from '../../../src/schemas/kb.ts';
import { parsed, problems } from './problems.ts';

const valid = {
	id: 'KB-0042',
	title: 'Webhook deliveries are retried several times',
	summary: 'Caro retries a delivery when your endpoint does not answer with a 2xx status in time.',
	severity: 'medium',
	affectedVersions: ['>=1.0.0 <1.1.0', '1.1.0-beta'],
	category: 'webhooks',
	updated: '2026-04-10',
};

describe('KbSchema', () => {
	it('parses a minimal article and fills in the defaults', () => {
		expect(parsed(KbSchema, valid)).toEqual({
			...valid,
			updated: new Date('2026-04-10T00:00:00Z'),
			tags: [],
			status: 'published',
			related: [],
			audience: 'public',
			aliases: [],
		});
	});

	it('keeps an article meant for support staff internal, and names the allowed audiences', () => {
		expect(parsed(KbSchema, { ...valid, audience: 'internal' }).audience).toBe('internal');
		expect(problems(KbSchema, { ...valid, audience: 'staff' })).toEqual([
			'audience: audience must be one of: public, internal',
		]);
	});

	it('accepts the date YAML already turned into a Date, and every status', () => {
		for (const status of ['draft', 'published', 'archived']) {
			const kb = parsed(KbSchema, { ...valid, status, updated: new Date('2026-04-10') });
			expect(kb.status).toBe(status);
			expect(kb.updated.toISOString()).toBe('2026-04-10T00:00:00.000Z');
		}
	});

	it('trims the title and summary', () => {
		const kb = parsed(KbSchema, { ...valid, title: '  Webhooks retry  ', summary: ' Retries. ' });
		expect([kb.title, kb.summary]).toEqual(['Webhooks retry', 'Retries.']);
	});

	it('names the allowed severities', () => {
		expect(problems(KbSchema, { ...valid, severity: 'urgent' })).toEqual([
			'severity: severity must be one of: low, medium, high, critical',
		]);
	});

	it('rejects a KB ID that is not "KB-" and four digits', () => {
		for (const id of ['KB-42', 'kb-0042', 'KB-00420', 'KB0042']) {
			expect(problems(KbSchema, { ...valid, id })).toEqual([
				'id: must be a KB ID: "KB-" and four or more digits, e.g. KB-0042 or KB-12345 (no leading zero past four digits)',
			]);
		}
	});

	it('limits the summary to 200 characters', () => {
		expect(problems(KbSchema, { ...valid, summary: 'x'.repeat(200) })).toEqual([]);
		expect(problems(KbSchema, { ...valid, summary: 'x'.repeat(201) })).toEqual([
			'summary: summary must be at most 200 characters',
		]);
	});

	it('limits the title to 120 characters and does not accept a blank one', () => {
		expect(problems(KbSchema, { ...valid, title: 'x'.repeat(121) })).toEqual([
			'title: title must be at most 120 characters',
		]);
		expect(problems(KbSchema, { ...valid, title: '   ' })).toEqual([
			'title: title must not be empty',
		]);
	});

	it('points at the affected version that is not a version or range', () => {
		expect(problems(KbSchema, { ...valid, affectedVersions: ['1.1.0', 'banana'] })).toEqual([
			'affectedVersions.1: "banana" is not a version or version range; write e.g. 1.1.0, 1.1.x, ">=1.0.0 <1.1.0" or "*"',
		]);
	});

	it('wants affectedVersions as a non-empty list', () => {
		expect(problems(KbSchema, { ...valid, affectedVersions: '1.1.0' })).toEqual([
			'affectedVersions: affectedVersions must be a list of versions or ranges, e.g. ["1.1.0", ">=1.0.0 <1.1.0"]',
		]);
		expect(problems(KbSchema, { ...valid, affectedVersions: [] })).toEqual([
			'affectedVersions: affectedVersions must list at least one version or range; use "*" for all',
		]);
	});

	it('wants the updated date as YYYY-MM-DD', () => {
		expect(problems(KbSchema, { ...valid, updated: 'next week' })).toEqual([
			'updated: must be a date written as YYYY-MM-DD, e.g. 2026-01-24',
		]);
	});

	it('wants slugs for the category and each tag', () => {
		expect(
			problems(KbSchema, { ...valid, category: 'Webhooks', tags: ['retry', 'rate limit'] }),
		).toEqual([
			'category: category must be a lower-case slug of letters, digits and dashes, e.g. "webhooks"',
			'tags.1: each tag must be a lower-case slug of letters, digits and dashes, e.g. "webhooks"',
		]);
	});

	it('names the allowed statuses', () => {
		expect(problems(KbSchema, { ...valid, status: 'deleted' })).toEqual([
			'status: status must be one of: draft, published, archived',
		]);
	});

	it('wants related entries as KB IDs', () => {
		expect(problems(KbSchema, { ...valid, related: ['KB-0001', 'webhook-retries'] })).toEqual([
			'related.1: must be a KB ID: "KB-" and four or more digits, e.g. KB-0042 or KB-12345 (no leading zero past four digits)',
		]);
	});

	it('lists every missing required field at once', () => {
		expect(problems(KbSchema, {})).toEqual([
			'id: must be a KB ID such as KB-0042',
			'title: title is required and must be text',
			'summary: summary is required and must be text',
			'severity: severity must be one of: low, medium, high, critical',
			'affectedVersions: affectedVersions must be a list of versions or ranges, e.g. ["1.1.0", ">=1.0.0 <1.1.0"]',
			'category: category is required and must be text',
			'updated: must be a date written as YYYY-MM-DD, e.g. 2026-01-24',
		]);
	});
});
