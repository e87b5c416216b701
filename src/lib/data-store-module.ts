/**
 * Astro hands the pages its content store (every entry, rendered) as one module,
 * `export default JSON.parse("…")`, whose string literal is tens of megabytes for a knowledge base
 * of thousands of articles. Node's compile time grows faster than the literal's length (at
 * 5,000 articles about 14 s on every build, cold or not; half the literal takes a third of the
 * time), so the same text is given as many short literals joined at run time (about 2 s).
 */

const HEAD = 'export default JSON.parse(';
const TAIL = ')';

/** Characters per literal: short enough to compile in linear time, few enough to stay readable. */
export const PART_LENGTH = 1024 * 1024;

/**
 * The store module's code with its one string literal cut into literals of at most `partLength`
 * characters, for the same value; `null` for code of any other shape (an Astro version that
 * writes the module differently), which is then left as it is.
 */
export function splitStoreLiteral(code: string, partLength = PART_LENGTH): string | null {
	if (!code.startsWith(HEAD) || !code.endsWith(TAIL)) return null;
	let text: unknown;
	try {
		text = JSON.parse(code.slice(HEAD.length, -TAIL.length));
	} catch {
		return null;
	}
	if (typeof text !== 'string') return null;
	const parts: string[] = [];
	for (let i = 0; i < text.length; i += partLength) parts.push(JSON.stringify(text.slice(i, i + partLength)));
	return `${HEAD}[${parts.join(',\n')}].join('')${TAIL}`;
}
