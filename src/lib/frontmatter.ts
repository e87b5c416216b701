import { parse } from 'yaml';

/** Split an MDX/Markdown file into its YAML frontmatter (parsed) and body. */
export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
	if (!m) return { data: {}, body: source, bodyLine: 1 };
	const data = (parse(m[1]!) ?? {}) as Record<string, unknown>;
	return { data, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/**
 * 1-based line of a top-level frontmatter key (`related` for `related[2]`), or of the body's
 * first line for `body`; undefined when the key is not written in the file.
 */
export function lineOfField(source: string, field: string): number | undefined {
	const lines = source.split('\n');
	if (field === 'body') {
		const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(source);
		return m ? m[0].split('\n').length : 1;
	}
	const key = /^[A-Za-z_][\w-]*/.exec(field)?.[0];
	if (!key) return undefined;
	const end = lines.indexOf('---', 1);
	for (let i = 1; i < (end === -1 ? lines.length : end); i++) {
		if (new RegExp(`^${key}\\s*:`).test(lines[i]!)) return i + 1;
	}
	return undefined;
}
