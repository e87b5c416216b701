import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mapPriority, policyTargets, targetMinutes } from '../../../src/lib/review/priority.ts';
import { PrioritiesPolicySchema } from '../../../src/schemas/policy.ts';

describe('helpdesk priorities on the P0–P3 scale', () => {
	it.each([
		['urgent', 'P0'],
		['High', 'P1'],
		['normal', 'P2'],
		['medium', 'P2'],
		[' low ', 'P3'],
		['p1', 'P1'],
	])('maps %j to %s', (raw, level) => {
		expect(mapPriority(raw)).toBe(level);
	});

	it.each([[null], [''], ['blocker'], ['4'], ['sev-2']])('leaves %j unmapped rather than guess', (raw) => {
		expect(mapPriority(raw)).toBeNull();
	});
});

describe('the policy targets in minutes', () => {
	it('reads the starter policy: acknowledgement as first response, resolution as resolution', () => {
		const policy = PrioritiesPolicySchema.parse(parse(readFileSync('content/policy/priorities.yaml', 'utf8')));
		const targets = policyTargets(policy);
		expect(
			Object.fromEntries(
				Object.entries(targets).map(([level, t]) => [level, [t.firstResponse.minutes, t.resolution.minutes]]),
			),
		).toEqual({
			// 1 hour / 24 hours; 4 hours / 3 days; 24 hours / 1 week; 1 week / no time set.
			P0: [60, 1440],
			P1: [240, 4320],
			P2: [1440, 10080],
			P3: [10080, null],
		});
	});

	it.each([
		['Within 30 minutes', 30],
		['within an hour', 60],
		['Within 2 business days', 2880],
		['Scheduled for a future release, or declined with reasons', null],
	])('reads %j as %j minutes', (text, minutes) => {
		expect(targetMinutes(text)).toBe(minutes);
	});
});
