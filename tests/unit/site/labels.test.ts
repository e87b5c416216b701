import { describe, expect, it } from 'vitest';
import { formatDate, isoDate } from '../../../src/lib/labels.ts';

describe('formatDate and isoDate', () => {
	it('print the calendar date in UTC, whatever the time zone of the build machine', () => {
		const d = new Date('2026-03-02T23:30:00Z');
		expect(formatDate(d)).toBe('2 Mar 2026');
		expect(isoDate(d)).toBe('2026-03-02');
	});
});
