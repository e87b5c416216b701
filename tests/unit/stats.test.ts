import { describe, expect, it } from 'vitest';
import { quantile, wilsonInterval, wilsonLowerBound } from '../../src/lib/stats.ts';

describe('the Wilson score interval', () => {
	it.each([
		// Worked by hand with z = 1.96: centre (p + z²/2n) / (1 + z²/n), half-width
		// z·sqrt(p(1−p)/n + z²/4n²) / (1 + z²/n).
		[1, 1, 0.2065, 1],
		[0, 1, 0, 0.7935],
		[2, 3, 0.2077, 0.9385],
		[6, 10, 0.3127, 0.8318],
		[1, 2, 0.0945, 0.9055],
	])('%i of %i lies in [%f, %f]', (k, n, low, high) => {
		const [l, h] = wilsonInterval(k, n)!;
		expect(l).toBeCloseTo(low, 4);
		expect(h).toBeCloseTo(high, 4);
		expect(wilsonLowerBound(k, n)).toBe(l);
	});

	it('is null without trials and refuses impossible counts', () => {
		expect(wilsonInterval(0, 0)).toBeNull();
		expect(wilsonLowerBound(0, 0)).toBeNull();
		expect(() => wilsonInterval(3, 2)).toThrow('successes must lie between 0 and trials (2), got 3');
	});

	it('narrows as the same share is measured on more trials', () => {
		const small = wilsonInterval(3, 5)!;
		const large = wilsonInterval(300, 500)!;
		expect(large[1] - large[0]).toBeLessThan(small[1] - small[0]);
	});
});

describe('quantiles by nearest rank', () => {
	it('takes a value that occurred', () => {
		// Ten values: the median is the 5th smallest, the 90th percentile the 9th.
		const minutes = [50, 10, 40, 30, 20, 100, 90, 80, 70, 60];
		expect(quantile(minutes, 0.5)).toBe(50);
		expect(quantile(minutes, 0.9)).toBe(90);
		expect(quantile([7], 0.9)).toBe(7);
		expect(quantile([], 0.5)).toBeNull();
	});
});
