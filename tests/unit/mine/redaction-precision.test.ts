import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scoreRedaction, type RedactionCase } from '../../../src/lib/mine/metrics.ts';
import { normalizeTicket } from '../../../src/lib/mine/normalize.ts';
import { redactPeople } from '../../../src/lib/mine/people.ts';
import { looksLikeSecret } from '../../../src/lib/mine/redact.ts';

interface Case extends RedactionCase {
	subject: string;
	body: string;
	personal: string[];
}

const { cases } = JSON.parse(
	readFileSync('tests/unit/fixtures/mine/redaction-precision.json', 'utf8'),
) as { cases: Case[] };

/** A case's text as the miner writes it out: normalised (cleaned, redacted), then names found. */
function written(c: Case, i: number): string {
	const t = normalizeTicket({
		id: String(i),
		subject: c.subject,
		messages: [c.body],
		created: null,
		channel: null,
		tags: [],
		personal: c.personal,
	});
	return redactPeople(t!.text);
}

describe('redaction on planted values', () => {
	it('removes every planted personal value and secret, and keeps every product, version and platform string', () => {
		const s = scoreRedaction(cases, cases.map(written));
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
