import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/lib/analytics/rate-limit.ts';

describe('per-client rate limit', () => {
	it('allows a burst, then one request per refill interval, per client', () => {
		let now = 0;
		const limiter = new RateLimiter(60, 3, () => now);
		expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
		expect(limiter.take('a')).toBe(1);
		expect(limiter.take('b')).toBe(0);
		now += 1000;
		expect(limiter.take('a')).toBe(0);
		expect(limiter.take('a')).toBe(1);
	});

	it('says how long to wait', () => {
		let now = 0;
		const limiter = new RateLimiter(6, 1, () => now);
		limiter.take('a');
		expect(limiter.take('a')).toBe(10);
		now += 4000;
		expect(limiter.take('a')).toBe(6);
	});

	it('forgets clients whose bucket has refilled, so memory stays bounded', () => {
		let now = 0;
		const limiter = new RateLimiter(60, 1, () => now);
		for (let i = 0; i <= 10_000; i++) limiter.take(`client-${i}`);
		expect(limiter.size).toBe(10_001);
		now += 2000;
		limiter.take('late');
		expect(limiter.size).toBe(1);
	});
});
