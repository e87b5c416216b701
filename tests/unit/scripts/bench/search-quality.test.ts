import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	answerPath,
	firstHit,
	parseGoldenSet,
	quality,
	type GoldenQuestion,
} from '../../../../scripts/lib/bench/search-quality.ts';

const question = (answers: string[]): GoldenQuestion => ({ q: 'x', filters: {}, answers });

describe('search quality', () => {
	it('reads every kind of answer as the path of its page', () => {
		expect(['KB-0026', 'RB-004', 'TPL-016', 'faq/billing/set-a-budget', '/support/'].map(answerPath)).toEqual([
			'/kb/KB-0026/',
			'/runbooks/RB-004/',
			'/templates/TPL-016/',
			'/faq/billing/set-a-budget/',
			'/support/',
		]);
	});

	it('scores hit@1, hit@3, MRR, zero results and the median time', () => {
		const answered = [
			{ question: question(['KB-0001']), results: ['/kb/KB-0001/'], ms: 10 },
			{ question: question(['KB-0002']), results: ['/a/', '/b/', '/kb/KB-0002/'], ms: 30 },
			{ question: question(['KB-0003']), results: ['/a/', '/b/', '/c/', '/kb/KB-0003/'], ms: 20 },
			{ question: question(['KB-0004']), results: [], ms: 40 },
		];
		expect(answered.map(firstHit)).toEqual([1, 3, 4, null]);
		expect(quality(answered)).toEqual({
			questions: 4,
			hitAt1: 0.25,
			hitAt3: 0.5,
			mrr: (1 + 1 / 3 + 1 / 4) / 4,
			zeroResultShare: 0.25,
			medianMs: 20,
		});
	});

	it('reads the golden set, and names a bad answer', () => {
		const golden = parseGoldenSet(readFileSync('tests/search/golden.yaml', 'utf8'), 'golden.yaml');
		expect(golden.length).toBeGreaterThanOrEqual(60);
		expect(() =>
			parseGoldenSet('questions:\n  - q: why\n    answers: [KB-26]\n', 'bad.yaml'),
		).toThrow(
			'bad.yaml: questions.0.answers.0: "KB-26" is not an answer: write KB-0042, RB-001, TPL-004, faq/<category>/<slug> or a path such as /support/',
		);
	});
});
