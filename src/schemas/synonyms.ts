import { z } from 'astro/zod';

/** A word or short phrase as readers type it: lower-case letters, digits, spaces and dashes. */
const TermSchema = z
	.string({ error: 'each synonym must be text, e.g. "not responding"' })
	.trim()
	.regex(/^[\p{Ll}\p{N}]+(?:[ -][\p{Ll}\p{N}]+)*$/u, {
		error: (issue) =>
			`"${String(issue.input)}" must be lower-case words separated by single spaces or dashes, e.g. "not responding"`,
	});

/**
 * `content/search/synonyms.yaml`: words and phrases readers use for the same thing. Search
 * treats every word of a group as standing in for the others, so a reader who types "bill"
 * finds pages about "charges".
 */
export const SynonymsSchema = z
	.object({
		/**
		 * Groups of interchangeable words or phrases, e.g. `[stuck, stalls, hangs, not responding]`.
		 * Each group has at least two; a word belongs to one group only.
		 */
		groups: z.array(
			z.array(TermSchema, { error: 'each group must be a list of words, e.g. [bill, charges]' }).min(2, {
				error: 'each group must list at least two words or phrases',
			}),
			{ error: 'groups must be a list of word lists, e.g. - [bill, cost, charges]' },
		),
	})
	.superRefine(({ groups }, ctx) => {
		const firstGroup = new Map<string, number>();
		groups.forEach((group, g) =>
			group.forEach((term, t) => {
				const first = firstGroup.get(term);
				if (first === undefined) firstGroup.set(term, g);
				else
					ctx.addIssue({
						code: 'custom',
						path: ['groups', g, t],
						message: `"${term}" is already in group ${first + 1}; a word may be in one group only, so merge the groups`,
					});
			}),
		);
	});

export type Synonyms = z.output<typeof SynonymsSchema>;
