/**
 * A YAML syntax error as a writer can act on it: the line in the file and what to do, instead of
 * the parser's message cut off at "line 2, column 8:".
 */

/** What the `yaml` package's parse error carries that we use. */
interface YamlErrorLike {
	message: string;
	code?: string;
	linePos?: readonly { line: number; col: number }[];
}

/** Hints by the `yaml` package's error codes; the one writers meet most is an unquoted colon. */
const HINTS: Record<string, string> = {
	BLOCK_AS_IMPLICIT_KEY:
		'quote a value that contains a colon, e.g. title: "Webhooks: retries fail"',
	MULTILINE_IMPLICIT_KEY: 'a key and its value start on one line; quote a value that spans lines',
	MISSING_CHAR: 'a quote or bracket is not closed; close it on the same value',
	BAD_INDENT: 'check the indentation: keys line up, and a list in [ ] ends with ]',
	DUPLICATE_KEY: 'the same field is written twice; keep one',
	TAB_AS_INDENT: 'indent with spaces, not tabs',
	UNEXPECTED_TOKEN: 'quote a value that starts with a special character such as @, `, [ or {',
	BAD_ALIAS: 'a value starting with * is read as an alias; quote it',
};

/**
 * `{ line, message }` for a YAML error in a block that starts at line `firstLine` of the file
 * (the line after an MDX file's opening `---`; 1 for a plain YAML file).
 */
export function yamlProblem(error: YamlErrorLike, firstLine: number): { line?: number; message: string } {
	const what = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
	const at = error.linePos?.[0];
	const hint = (error.code && HINTS[error.code]) ?? 'quote a value that contains : # [ ] { } or starts with a quote';
	return {
		...(at ? { line: firstLine + at.line - 1 } : {}),
		message: `is not valid YAML${at ? ` (column ${at.col})` : ''}: ${what}; ${hint}`,
	};
}
