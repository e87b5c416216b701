import { load, YAMLException } from 'js-yaml';
import { parse } from 'yaml';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

interface SplitEntry {
	data: Record<string, unknown>;
	body: string;
	bodyLine: number;
}

function split(source: string, parseYaml: (yaml: string) => unknown): SplitEntry {
	const m = FRONTMATTER.exec(source);
	if (!m) return { data: {}, body: source, bodyLine: 1 };
	const data = (parseYaml(m[1]!) ?? {}) as Record<string, unknown>;
	return { data, body: source.slice(m[0].length), bodyLine: m[0].split('\n').length };
}

/** Split an MDX/Markdown file into its YAML frontmatter (parsed by the `yaml` package) and body. */
export function splitFrontmatter(source: string): SplitEntry {
	return split(source, parse);
}

/**
 * {@link splitFrontmatter} as the build reads an entry: the YAML parsed by js-yaml's `load`, which
 * Astro's content layer parses frontmatter with (`parseFrontmatter` of @astrojs/internal-helpers),
 * so the content check validates the values the build will get (an unquoted date is a Date there,
 * not text), and about ten times faster than the `yaml` package, which took 2.8 s of a
 * 10,000-article build. YAML that js-yaml cannot read throws the `yaml` package's error when that
 * cannot read it either (its line and code choose the hint a writer gets, yaml-problem.ts), else
 * js-yaml's own, with its line: the error the build would stop on.
 */
export function splitEntryFrontmatter(source: string): SplitEntry {
	return split(source, (yaml) => {
		try {
			return load(yaml);
		} catch (error) {
			if (!(error instanceof YAMLException)) throw error;
			// Only its errors matter here: a warning (an unknown tag) would reach the build's output.
			parse(yaml, { logLevel: 'error' });
			throw Object.assign(new Error(error.reason), {
				...(error.mark ? { linePos: [{ line: error.mark.line + 1, col: error.mark.column + 1 }] } : {}),
			});
		}
	});
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
