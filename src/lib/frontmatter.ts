import { parse } from 'yaml';

/** Split an MDX/Markdown file into its YAML frontmatter (parsed) and body. */
export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string; bodyLine: number } {
	const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
	if (!m) return { data: {}, body: source, bodyLine: 1 };
	const data = (parse(m[1]!) ?? {}) as Record<string, unknown>;
	return { data, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}
