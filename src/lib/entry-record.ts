/**
 * What the content check reads from one entry file by itself: its frontmatter as the build's YAML
 * parser gives it (the schema runs on it afterwards) and the facts of its body. Nothing here depends on another
 * file, so a record can be kept for as long as the file's text stays the same
 * (src/lib/content-check-cache-fs.ts); every rule across files runs on the records each time.
 */
import { bodyFacts, type BodyFacts } from './content-rules.ts';
import { splitEntryFrontmatter } from './frontmatter.ts';
import { yamlProblem } from './yaml-problem.ts';

export interface EntryRecord {
	/** The frontmatter, or why it could not be read and the ID a line of it names, if any. */
	frontmatter: { data: Record<string, unknown> } | { problem: { line?: number; message: string }; id?: string };
	facts: BodyFacts;
}

/** The record of an entry file's text, and the body it read the facts from. */
export function readEntry(source: string): { record: EntryRecord; body: string } {
	let parsed;
	try {
		parsed = splitEntryFrontmatter(source);
	} catch (e) {
		// The body is still checked; no field is, as none could be read. Its ID, when a line
		// says it, keeps links to this entry from being reported as well.
		const id = /^id:\s*["']?([\w-]+)/m.exec(source)?.[1];
		const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
		const problem = yamlProblem(e as Error, 2);
		return { record: { frontmatter: id === undefined ? { problem } : { problem, id }, facts: bodyFacts(body) }, body };
	}
	return { record: { frontmatter: { data: parsed.data }, facts: bodyFacts(parsed.body) }, body: parsed.body };
}
