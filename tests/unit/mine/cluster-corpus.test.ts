import { describe, expect, it } from 'vitest';
import { buildCorpus, type Corpus } from '../../../src/lib/mine/cluster-corpus.ts';

/** The surface words of each node. */
function nodeWords(c: Corpus): string[][] {
	return Array.from({ length: c.size }, (_, n) =>
		Array.from(c.words.subarray(c.start[n]!, c.start[n + 1]!), (w) => c.surfaces[w]!),
	);
}

describe('buildCorpus', () => {
	it('collapses tickets that differ only in a word no other ticket uses into one node', () => {
		const c = buildCorpus(['refund my order zqa', 'refund my order zqb', 'refund my order'], undefined, [3]);
		expect(c.size).toBe(1);
		expect([...c.nodeOf]).toEqual([0, 0, 0]);
		expect(c.count[0]).toBe(3);
		expect(c.weight[0]).toBe(3);
		// The node keeps only the words its tickets share.
		expect(nodeWords(c)).toEqual([['refund', 'order']]);
	});

	it('keeps tickets apart that differ in words other tickets use', () => {
		const c = buildCorpus(['refund my order', 'cancel my order', 'refund plan', 'cancel plan'], undefined, [3]);
		expect(c.size).toBe(4);
	});

	it('keeps every word of a node whose tickets all use the same stems', () => {
		// "payment" and "payments" share a stem, and both tickets use "zqa": one node, every word kept.
		const c = buildCorpus(['payments failed zqa', 'payment failed zqa', 'payment failed'], [1, 0.5, 1], [3]);
		expect([...c.nodeOf]).toEqual([0, 0, 1]);
		expect(nodeWords(c)[0]).toContain('zqa');
		expect(c.weight[0]).toBe(1.5);
	});

	it('keeps a ticket made only of words no other ticket uses, and drops one with no content words', () => {
		const c = buildCorpus(['xyzzy plugh', 'hi thanks', 'refund order', 'refund order'], undefined, [3]);
		expect(c.nodeOf[1]).toBe(-1);
		expect(nodeWords(c)[c.nodeOf[0]!]).toEqual(['xyzzy', 'plugh']);
	});
});
