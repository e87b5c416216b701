import fc from 'fast-check';
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

describe('formatDate and isoDate, each date worked out once', () => {
	it('give every date what formatting it afresh gives, however often and in whatever order it comes', () => {
		const date = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
		fc.assert(
			fc.property(fc.array(date, { maxLength: 20 }), (dates) => {
				for (const d of [...dates, ...dates]) {
					expect(formatDate(d)).toBe(d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));
					expect(isoDate(d)).toBe(d.toISOString().slice(0, 10));
				}
			}),
		);
	});

	it('still refuse an invalid date', () => {
		expect(() => isoDate(new Date(Number.NaN))).toThrow(RangeError);
		expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
	});
});
