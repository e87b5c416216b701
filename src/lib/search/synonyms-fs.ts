/**
 * Reads the writers' synonym groups, `content/search/synonyms.yaml`, for the content check and
 * for the build, which hands them to the search UI in `/search-vocabulary.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { SynonymsSchema } from '../../schemas/synonyms.ts';
import type { ContentProblem } from '../content-rules.ts';

/** Where the synonyms live inside a content folder. */
export const SYNONYMS_FILE = join('search', 'synonyms.yaml');

/**
 * The synonym groups of a content folder (none when it has no synonyms file) and the problems
 * of that file, each naming the group and word at fault.
 */
export function readSynonyms(
	root: string,
	cwd = process.cwd(),
): { groups: string[][]; problems: ContentProblem[] } {
	const path = join(root, SYNONYMS_FILE);
	if (!existsSync(path)) return { groups: [], problems: [] };
	const file = relative(cwd, path);
	let data: unknown;
	try {
		data = parse(readFileSync(path, 'utf8'));
	} catch (e) {
		const first = (e as Error).message.split('\n')[0]!;
		const at = /at line (\d+)/.exec(first);
		return {
			groups: [],
			problems: [
				{ file, ...(at ? { line: Number(at[1]) } : {}), field: '(file)', message: `is not valid YAML: ${first}` },
			],
		};
	}
	const r = SynonymsSchema.safeParse(data);
	if (r.success) return { groups: r.data.groups, problems: [] };
	return {
		groups: [],
		problems: r.error.issues.map((issue) => {
			const [, g, t] = issue.path;
			const term = typeof g === 'number' && typeof t === 'number' ? (data as { groups: unknown[][] }).groups[g]?.[t] : undefined;
			return {
				file,
				field: issue.path.join('.') || '(file)',
				message: issue.message,
				...(typeof term === 'string' ? { find: term } : {}),
			};
		}),
	};
}
