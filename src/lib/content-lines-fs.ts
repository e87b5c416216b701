import { readFileSync } from 'node:fs';
import type { ContentProblem } from './content-rules.ts';
import { lineOfField } from './frontmatter.ts';

/** Add the line each problem's field sits on, so editors can jump to `file:line`. */
export function withLines(problems: ContentProblem[], cwd = process.cwd()): ContentProblem[] {
	const sources = new Map<string, string | null>();
	const read = (file: string) => {
		if (!sources.has(file)) {
			try {
				sources.set(file, readFileSync(file.startsWith('/') ? file : `${cwd}/${file}`, 'utf8'));
			} catch {
				sources.set(file, null);
			}
		}
		return sources.get(file);
	};
	return problems.map((p) => {
		if (p.line !== undefined) return p;
		const source = read(p.file);
		const line = source ? lineOfFind(source, p.find) ?? lineOfField(source, p.field) : undefined;
		return line === undefined ? p : { ...p, line };
	});
}

/** The 1-based line where `text` first occurs after the frontmatter, if it does. */
function lineOfFind(source: string, text: string | undefined): number | undefined {
	if (!text) return undefined;
	const lines = source.split('\n');
	// Skip the frontmatter block: a URL there is a field's value, not the body's link.
	let start = 0;
	if (lines[0]?.trim() === '---') {
		const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
		if (end > 0) start = end + 1;
	}
	for (let i = start; i < lines.length; i++) if (lines[i]!.includes(text)) return i + 1;
	return undefined;
}
