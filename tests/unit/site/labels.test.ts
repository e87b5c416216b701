import { describe, expect, it } from 'vitest';
import { formatDate, isoDate } from '../../../src/lib/labels.ts';

describe('formatDate and isoDate', () => {
	it('print the calendar date in UTC, whatever the time zone of the build machine', () => {
		const d = new Date('2026-03-02T23:30:00Z');
		expect(formatDate(d)).toBe('2 Mar 2026');
		expect(isoDate(d)).toBe('2026-03-02');
	});
});

describe('formatDate', () => {
	it('prints every day of a year as toLocaleDateString does, with one shared formatter', () => {
		for (let day = 0; day < 366; day += 1) {
			const d = new Date(Date.UTC(2028, 0, 1 + day, 23, 59));
			expect(formatDate(d)).toBe(
				d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
			);
		}
	});
});
