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
		const line = source ? lineOfField(source, p.field) : undefined;
		return line === undefined ? p : { ...p, line };
	});
}
