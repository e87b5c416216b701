import { describe, expect, it } from 'vitest';
import { RunbookSchema } from '../../../src/schemas/runbook.ts';
import { parsed, problems } from './problems.ts';

const valid = {
	id: 'RB-001',
	title: 'Outage response',
	priority: 'P0',
	owner: 'On-call engineer',
	trigger: 'Caro Cloud workspaces are unreachable for several customers.',
	updated: '2026-10-01',
};

describe('RunbookSchema', () => {
	it('parses a runbook', () => {
		expect(parsed(RunbookSchema, valid)).toEqual({
			...valid,
			updated: new Date('2026-10-01T00:00:00Z'),
			audience: 'internal',
		});
	});

	it('names the allowed priorities', () => {
		expect(problems(RunbookSchema, { ...valid, priority: 'P4' })).toEqual([
			'priority: priority must be one of: P0, P1, P2, P3',
		]);
		expect(problems(RunbookSchema, { ...valid, priority: 'p0' })).toEqual([
			'priority: priority must be one of: P0, P1, P2, P3',
		]);
	});

	it('wants "RB-" and three digits as the ID', () => {
		for (const id of ['RB-1', 'RB-0001', 'rb-001', 'KB-0001']) {
			expect(problems(RunbookSchema, { ...valid, id })).toEqual([
				'id: id must be a runbook ID: "RB-" and three digits, e.g. RB-001',
			]);
		}
	});

	it('limits the owner and trigger', () => {
		expect(
			problems(RunbookSchema, { ...valid, owner: 'x'.repeat(81), trigger: 'x'.repeat(301) }),
		).toEqual([
			'owner: owner must be at most 80 characters',
			'trigger: trigger must be at most 300 characters',
		]);
	});

	it('names the missing fields', () => {
		expect(problems(RunbookSchema, {})).toEqual([
			'id: id must be a runbook ID such as RB-001',
			'title: title is required and must be text',
			'priority: priority must be one of: P0, P1, P2, P3',
			'owner: owner is required and must be text',
			'trigger: trigger is required and must be text',
			'updated: must be a date written as YYYY-MM-DD, e.g. 2026-01-24',
		]);
	});
});
