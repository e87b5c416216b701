/**
 * The golden search questions (`tests/search/golden.yaml`) and the figures scored on them:
 * hit@1, hit@3, mean reciprocal rank and the share of questions that found nothing.
 */
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { ID_SOURCE, faqPath, idPath } from '../../../src/lib/permalinks.ts';

const AnswerSchema = z
	.string()
	.regex(new RegExp(`^(?:${ID_SOURCE.kb}|${ID_SOURCE.runbook}|${ID_SOURCE.template}|faq/[a-z0-9-]+/[a-z0-9-]+|/[a-z0-9/-]*/)$`), {
		error: (issue) =>
			`"${String(issue.input)}" is not an answer: write KB-0042, RB-001, TPL-004, faq/<category>/<slug> or a path such as /support/`,
	});

/** One golden question. */
const QuestionSchema = z.object({
	/** The query as a reader types it. */
	q: z.string().trim().min(1, { error: 'q must not be empty' }),
	/** Filter chips pressed before searching. */
	filters: z.record(z.string(), z.array(z.string())).default({}),
	/** Entries that answer it; any of them in the top 3 counts as a hit. */
	answers: z.array(AnswerSchema).min(1, { error: 'answers must name at least one entry' }),
});

export const GoldenSetSchema = z.object({ questions: z.array(QuestionSchema).min(1) });

export type GoldenQuestion = z.output<typeof QuestionSchema>;

/** The URL path an answer names. */
export function answerPath(answer: string): string {
	if (answer.startsWith('/')) return answer;
	const faq = /^faq\/([^/]+)\/([^/]+)$/.exec(answer);
	if (faq) return faqPath(faq[1]!, faq[2]!);
	return idPath(answer);
}

/** Parses a golden set; a bad entry throws an error naming it. */
export function parseGoldenSet(yamlText: string, file: string): GoldenQuestion[] {
	const r = GoldenSetSchema.safeParse(parse(yamlText));
	if (!r.success) {
		const lines = r.error.issues.map((i) => `  ${file}: ${i.path.join('.')}: ${i.message}`);
		throw new Error(`The golden set has problems:\n${lines.join('\n')}`);
	}
	return r.data.questions;
}

/** What one engine returned for one question: the result paths in rank order. */
export interface Answered {
	question: GoldenQuestion;
	/** URL paths of the results, best first (sections stripped). */
	results: string[];
	/** Milliseconds from typing the query to the results on screen. */
	ms: number;
}

/** Rank (1-based) of the first result that answers the question, or null. */
export function firstHit({ question, results }: Answered): number | null {
	const wanted = new Set(question.answers.map(answerPath));
	const i = results.findIndex((path) => wanted.has(path));
	return i < 0 ? null : i + 1;
}

/** The figures of one engine over a golden set. */
export interface Quality {
	questions: number;
	hitAt1: number;
	hitAt3: number;
	/** Mean reciprocal rank of the first answer (0 when none is listed). */
	mrr: number;
	zeroResultShare: number;
	/** Median milliseconds per query. */
	medianMs: number;
}

/** Scores answered questions. */
export function quality(answered: readonly Answered[]): Quality {
	const n = answered.length;
	const ranks = answered.map(firstHit);
	const share = (count: number) => (n ? count / n : 0);
	const times = answered.map((a) => a.ms).sort((a, b) => a - b);
	return {
		questions: n,
		hitAt1: share(ranks.filter((r) => r === 1).length),
		hitAt3: share(ranks.filter((r) => r !== null && r <= 3).length),
		mrr: share(ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0)),
		zeroResultShare: share(answered.filter((a) => a.results.length === 0).length),
		medianMs: times.length ? times[Math.floor((times.length - 1) / 2)]! : 0,
	};
}
