import { describe, expect, it } from 'vitest';
import { ari, nmi, purity, scoreClustering } from '../../../src/lib/mine/metrics.ts';

// Worked by hand below; the same figures come out of scikit-learn's metrics.cluster functions.
const truth = [0, 0, 0, 1, 1, 1];
const pred = [0, 0, 1, 1, 2, 2];

describe('purity', () => {
	it('counts the majority class of each cluster', () => {
		// Clusters {0,0} {0,1} {1,1}: majorities 2 + 1 + 2 of 6.
		expect(purity(truth, pred)).toBeCloseTo(5 / 6, 12);
	});

	it('is 1 for all-singleton clusterings, which is why NMI and ARI are reported beside it', () => {
		expect(purity(truth, [0, 1, 2, 3, 4, 5])).toBe(1);
	});
});

describe('nmi', () => {
	it('matches a hand-computed value (arithmetic-mean normalisation)', () => {
		// [0,0,1,1] vs [0,0,1,2]: I = ln 2, H(U) = ln 2, H(V) = 1.5 ln 2 → 2 / 2.5 = 0.8.
		expect(nmi([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 12);
	});

	it('is 1 for the same partition under other names, and 0 when nothing is shared', () => {
		expect(nmi(['a', 'a', 'b', 'b'], [1, 1, 0, 0])).toBeCloseTo(1, 12);
		expect(nmi([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
	});

	it('scores the six-item example', () => {
		// Term by term over the four non-empty cells; it comes to (4/6) ln 2 / ((ln 2 + ln 3) / 2).
		const n = 6;
		const mi =
			(2 / n) * Math.log((n * 2) / (3 * 2)) +
			(1 / n) * Math.log((n * 1) / (3 * 2)) +
			(1 / n) * Math.log((n * 1) / (3 * 2)) +
			(2 / n) * Math.log((n * 2) / (3 * 2));
		const hu = Math.log(2);
		const hv = -3 * (2 / 6) * Math.log(2 / 6);
		expect(nmi(truth, pred)).toBeCloseTo(mi / ((hu + hv) / 2), 12);
		expect(nmi(truth, pred)).toBeCloseTo(0.5158037429793888, 12);
	});
});

describe('ari', () => {
	it('matches scikit-learn documentation examples', () => {
		expect(ari([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
		expect(ari([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
		expect(ari([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285714, 12);
		expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
	});

	it('matches a hand-computed value', () => {
		// Σ C(nij,2) = 2, Σ C(ai,2) = 6, Σ C(bj,2) = 3, C(6,2) = 15:
		// expected 6·3/15 = 1.2, max (6+3)/2 = 4.5 → (2 − 1.2)/(4.5 − 1.2).
		expect(ari(truth, pred)).toBeCloseTo(0.8 / 3.3, 12);
	});
});

describe('scoreClustering', () => {
	it('reports all three measures and the number of clusters', () => {
		expect(scoreClustering(truth, pred)).toEqual({
			purity: purity(truth, pred),
			nmi: nmi(truth, pred),
			ari: ari(truth, pred),
			clusters: 3,
		});
	});

	it('rejects label arrays of different lengths', () => {
		expect(() => nmi([0, 1], [0])).toThrow('label arrays differ in length: 2 vs 1');
	});
});
