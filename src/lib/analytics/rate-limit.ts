/**
 * Per-client token buckets: each client may make `burst` requests at once and `perMinute`
 * requests a minute on average. Buckets of clients that went quiet are forgotten, so memory stays
 * bounded however many clients pass by; nothing about a client outlives its bucket.
 */
export class RateLimiter {
	readonly #buckets = new Map<string, { tokens: number; at: number }>();
	readonly #perMs: number;
	readonly #burst: number;
	readonly #now: () => number;

	/**
	 * @param perMinute sustained requests per minute per client
	 * @param burst requests a client may make at once (default: `perMinute`)
	 */
	constructor(perMinute: number, burst = perMinute, now: () => number = Date.now) {
		this.#perMs = perMinute / 60_000;
		this.#burst = burst;
		this.#now = now;
	}

	/**
	 * Takes one token for `client`. Returns 0 when the request may go ahead, otherwise the seconds
	 * to wait before retrying (for `Retry-After`).
	 */
	take(client: string): number {
		const now = this.#now();
		const bucket = this.#buckets.get(client);
		const tokens = bucket
			? Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs)
			: this.#burst;
		if (tokens >= 1) {
			this.#buckets.set(client, { tokens: tokens - 1, at: now });
			if (this.#buckets.size > 10_000) this.#forgetIdle(now);
			return 0;
		}
		this.#buckets.set(client, { tokens, at: now });
		return Math.max(1, Math.ceil((1 - tokens) / this.#perMs / 1000));
	}

	/** Clients currently tracked. */
	get size(): number {
		return this.#buckets.size;
	}

	// A bucket that has refilled completely carries no information: drop it.
	#forgetIdle(now: number): void {
		for (const [client, bucket] of this.#buckets) {
			if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#burst) {
				this.#buckets.delete(client);
			}
		}
	}
}
