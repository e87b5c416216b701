/**
 * The few statistics the reports state: Wilson score intervals for shares measured on a handful
 * of sessions or votes, and percentiles of durations. Pure, no dependencies.
 */

/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

/**
 * The 95% Wilson score interval of a share `successes / trials`, as `[low, high]`; null without
 * trials. Unlike the plain share ± error it stays inside [0, 1] and widens for small samples, so
 * 1 of 1 reads as "somewhere between 21% and 100%", not "100%".
 */
export function wilsonInterval(successes: number, trials: number, z = Z95): [number, number] | null {
	if (trials <= 0) return null;
	if (successes < 0 || successes > trials) {
		throw new RangeError(`successes must lie between 0 and trials (${trials}), got ${successes}`);
	}
	const p = successes / trials;
	const z2 = z * z;
	const centre = p + z2 / (2 * trials);
	const margin = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
	const denominator = 1 + z2 / trials;
	// Rounding can push an end a hair past 0 or 1 when the share is exactly 0 or 1.
	return [
		Math.max(0, (centre - margin) / denominator),
		Math.min(1, (centre + margin) / denominator),
	];
}

/** The lower end of {@link wilsonInterval}; null without trials. */
export function wilsonLowerBound(successes: number, trials: number): number | null {
	return wilsonInterval(successes, trials)?.[0] ?? null;
}

/**
 * The `q`-quantile (0.5 median, 0.9 90th percentile) of the values by the nearest-rank method: the
 * smallest value with at least `q` of the values at or below it, so the figure is always one a
 * ticket really had. Null for no values.
 */
export function quantile(values: readonly number[], q: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil(q * sorted.length));
	return sorted[rank - 1]!;
}
