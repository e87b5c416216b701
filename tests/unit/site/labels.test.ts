import { describe, expect, it } from 'vitest';
import { formatDate, isoDate, slugLabel } from '../../../src/lib/labels.ts';

describe('slugLabel', () => {
	it('capitalises the first word and turns dashes into spaces', () => {
		expect(slugLabel('git-sync')).toBe('Git sync');
		expect(slugLabel('webhooks')).toBe('Webhooks');
	});

	it('uses the house names for categories that read badly otherwise', () => {
		expect(['cli', 'telemetry-privacy', 'account-access', 'output-quality'].map(slugLabel)).toEqual(
			['CLI', 'Telemetry & privacy', 'Account & access', 'Output quality'],
		);
	});
});

describe('formatDate and isoDate', () => {
	it('print the calendar date in UTC, whatever the time zone of the build machine', () => {
		const d = new Date('2026-03-02T23:30:00Z');
		expect(formatDate(d)).toBe('2 Mar 2026');
		expect(isoDate(d)).toBe('2026-03-02');
	});
});
