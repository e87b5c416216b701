import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureRedaction, scoreRedaction, type PlantedTicket } from '../../../src/lib/mine/metrics.ts';
import { looksLikeSecret } from '../../../src/lib/mine/redact.ts';

const { cases } = JSON.parse(
	readFileSync('tests/unit/fixtures/mine/redaction-precision.json', 'utf8'),
) as { cases: PlantedTicket[] };

describe('redaction on planted values', () => {
	it('removes every planted personal value and secret, and keeps every product, version and platform string', () => {
		const s = measureRedaction(cases);
		expect({ leaked: s.leaked, lost: s.lost }).toEqual({ leaked: [], lost: [] });
		expect(s.planted).toBeGreaterThanOrEqual(20);
		expect(s.keep).toBeGreaterThanOrEqual(30);
	});

	it('still calls a licence key or a long random token a secret', () => {
		expect(looksLikeSecret('ABCD1-EFGH2-IJKL3-MNOP4-QRST5')).toBe(true);
		expect(looksLikeSecret('dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U')).toBe(true);
		expect(looksLikeSecret('Linux-5.15.0-1019-aws-x86_64-with-glibc2.31')).toBe(false);
	});
});

describe('scoreRedaction', () => {
	it('lists what leaked and what was lost', () => {
		expect(
			scoreRedaction(
				[{ redact: ['Anna', 'x@y.io'], keep: ['Stripe', 'macOS 14'] }],
				['Anna uses Stripe'],
			),
		).toEqual({ removed: 1, planted: 2, kept: 1, keep: 2, leaked: ['Anna'], lost: ['macOS 14'] });
	});
});
