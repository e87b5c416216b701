/**
 * Astro hands the pages its content store (every entry, rendered) as one module,
 * `export default JSON.parse("…")`, whose string literal is tens of megabytes for a knowledge base
 * of thousands of articles. Node's compile time grows faster than the literal's length (at
 * 5,000 articles about 14 s on every build, cold or not; half the literal takes a third of the
 * time), so the same text is given as many short literals joined at run time (about 2 s).
 *
 * A static build does better still ({@link storeFromFile}): the module reads the store's file
 * when the pages load it, so the text is never written into code, bundled or compiled.
 */

const HEAD = 'export default JSON.parse(';
const TAIL = ')';

/** Characters per literal: short enough to compile in linear time, few enough to stay readable. */
export const PART_LENGTH = 1024 * 1024;

/**
 * The store module's code with its one string literal cut into literals of at most `partLength`
 * characters each, for the same value; `null` for code of any other shape (an Astro version that
 * writes the module differently), which is then left as it is.
 *
 * The literal is cut as it is written: never inside an escape sequence nor between the halves of
 * a surrogate pair, so each part is a literal of its own and the parts join to the same text.
 * Decoding the literal and encoding each part again took seconds, as long as compiling it.
 */
export function splitStoreLiteral(code: string, partLength = PART_LENGTH): string | null {
	if (!code.startsWith(HEAD) || !code.endsWith(TAIL)) return null;
	const literal = code.slice(HEAD.length, -TAIL.length);
	const end = literal.length - 1;
	if (end < 1 || literal[0] !== '"' || literal[end] !== '"' || partLength < 6) return null;
	// One literal: every quote inside it is escaped.
	for (let q = literal.indexOf('"', 1); q < end; q = literal.indexOf('"', q + 1)) {
		if (backslashesBefore(literal, q) % 2 === 0) return null;
	}
	const parts: string[] = [];
	let start = 1;
	while (end - start > partLength) {
		const cut = safeCut(literal, start + partLength);
		parts.push(`"${literal.slice(start, cut)}"`);
		start = cut;
	}
	parts.push(`"${literal.slice(start, end)}"`);
	return `${HEAD}[${parts.join(',\n')}].join('')${TAIL}`;
}

/** How many backslashes come right before position `at`. */
function backslashesBefore(text: string, at: number): number {
	let n = 0;
	while (at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === 0x5c) n++;
	return n;
}

/**
 * The last position at or before `at` where a string literal may end and the next begin: not
 * after the backslash of an escape, not within a `\uXXXX`, not between a surrogate pair.
 */
function safeCut(literal: string, at: number): number {
	let cut = at;
	for (;;) {
		// Inside a \uXXXX escape: back to its backslash.
		const u = literal.lastIndexOf('\\u', cut - 1);
		if (u !== -1 && cut - u < 6 && backslashesBefore(literal, u) % 2 === 0) {
			cut = u;
			continue;
		}
		// Right after an escaping backslash (an odd run of them).
		if (backslashesBefore(literal, cut) % 2 === 1) {
			cut--;
			continue;
		}
		const before = literal.charCodeAt(cut - 1);
		const after = literal.charCodeAt(cut);
		if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) {
			cut--;
			continue;
		}
		return cut;
	}
}

/**
 * The store module of a static build, reading the store's JSON text from `file` (a copy of
 * Astro's data-store.json taken when the module is loaded, the moment Astro reads it itself) as
 * the pages load it: the same value as Astro's module, without a literal of tens of megabytes to
 * bundle and compile. Astro builds every page from an empty store when its module fails to load,
 * without a word, so a store that cannot be read or parsed stops the build here instead.
 */
export function storeFromFile(file: string): string {
	return [
		"import { readFileSync } from 'node:fs';",
		'let store;',
		'try {',
		`	store = JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`,
		'} catch (error) {',
		`	console.error('[tierzero:data-store-module] the content store ' + ${JSON.stringify(file)} + ' could not be read: ' + error.message);`,
		'	process.exit(1);',
		'}',
		'export default store;',
	].join('\n');
}
