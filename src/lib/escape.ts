/**
 * One escaping rule per output context. Tier Zero writes text that strangers wrote (ticket subjects,
 * bodies and IDs, search queries, vote reasons) into HTML, JSON inside `<script>`, MDX, YAML
 * frontmatter, Markdown and CSV. Every writer of such text calls the function for the context it
 * writes into, and nothing else: a context with two rules is a context with one bug.
 *
 * Each function takes the raw text and returns text that, placed in that context, reads back as the
 * same characters and starts no markup, code, link or formula. None of them trims or shortens; the
 * caller decides what to show.
 */

const HTML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const HTML_ATTRIBUTE: Record<string, string> = { ...HTML_TEXT, '"': '&quot;', "'": '&#39;' };

/**
 * Text for an HTML element's content (`<td>…</td>`, `<text>…</text>` in inline SVG, `<title>`):
 * `&`, `<` and `>` become entities, so no tag, comment or entity can start.
 * Not for `<script>` or `<style>` content (see {@link scriptJson}) and not for attribute values
 * (see {@link htmlAttribute}).
 */
export function htmlText(text: string): string {
	return text.replace(/[&<>]/g, (c) => HTML_TEXT[c]!);
}

/**
 * Text for an HTML attribute value written in double or single quotes (`href="…"`, `title='…'`):
 * also escapes both quote characters, so the value cannot end early. The caller must quote the
 * value; an unquoted attribute is never safe. A URL attribute additionally needs a URL the project
 * chose or checked: escaping does not make `javascript:` harmless.
 */
export function htmlAttribute(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ATTRIBUTE[c]!);
}

const SCRIPT_JSON: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

/**
 * A value as JSON to place inside `<script>…</script>` (JSON-LD, or data a script reads):
 * `JSON.stringify` with `<`, `>`, `&`, U+2028 and U+2029 written as `\uXXXX` escapes. The result
 * contains no `<`, so it can never close the script (`</script>`) or open an HTML comment
 * (`<!--`) that changes how the browser finds the end, and `JSON.parse` of it gives back the same
 * value. Lone surrogates come out as `\uD8xx` escapes (well-formed JSON.stringify).
 * Throws on a value JSON cannot represent (undefined, a function, a BigInt, a cycle).
 */
export function scriptJson(value: unknown): string {
	const json = JSON.stringify(value);
	if (json === undefined) throw new TypeError('scriptJson: the value has no JSON form');
	return json.replace(/[<>&\u2028\u2029]/g, (c) => SCRIPT_JSON[c]!);
}

// The characters that start an inline construct in GFM or MDX: escapes, code, emphasis,
// strikethrough, links and images, HTML, JSX and autolinks, entities, table pipes, ATX heading
// closers and MDX expressions. CommonMark lets a backslash escape any of them, and MDX keeps that.
// Others (`.`, `:`, `(`, `!`, quotes) mean nothing once these are escaped, so they stay readable.
const INLINE_SPECIAL = /[\\`*_~[\]<>&|#{}]/g;
// Line endings would let the text start a new block: a heading, a list, an `import` line.
const LINE_ENDINGS = /\r\n|[\r\n]/g;
// At the start of a line these start a list, a thematic break or a setext underline.
const BLOCK_MARKER = /^(?:[-+=]|\d{1,9}(?=[.)]))/;
// Blanks at the start indent into a code block; two at the end make a hard line break.
const EDGE_BLANKS = /^[ \t]+|[ \t]+$/g;
const BLANK_REFERENCE: Record<string, string> = { ' ': '&#32;', '\t': '&#9;' };

// GFM turns bare `www.x.y`, `http(s)://…`, `mailto:…`, `xmpp:…` and e-mail addresses into links by
// scanning the text after escapes are resolved, so a backslash does not stop it. A WORD JOINER
// (U+2060, invisible and not a line-break opportunity) between `http`/`https`/`www` and what
// follows, and before every `@`, breaks each pattern; the text reads the same.
const WORD_JOINER = '\u2060';
const AUTOLINK_TRIGGERS = /(https?|www|mailto|xmpp)(?=[:.])|(?=@)/gi;

/**
 * Text for inside an HTML comment `<!-- … -->` in a Markdown (`.md`) body: every `--` is split,
 * so the text holds neither `-->` nor `--!>` and the comment cannot end early (an HTML parser and
 * CommonMark's HTML block both end it at the first `-->`). Line breaks are kept; the comment is
 * for the writer, never shown on the page.
 */
export function htmlComment(text: string): string {
	let out = text;
	// `---` splits into `- --`; go on until no pair is left.
	while (out.includes('--')) out = out.replaceAll('--', '- -');
	return out;
}

/**
 * A string as a YAML scalar for a frontmatter value (`question: <here>`): always double-quoted on
 * one line, with `"`, `\`, line breaks and every control, format, line-separator or lone
 * surrogate character written as a `\` escape, so the value cannot end early, add a key or close
 * the frontmatter with a `---` line. A YAML parser reads back exactly the same string.
 */
export function yamlString(text: string): string {
	let out = '"';
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		const c = text[i]!;
		if (c === '"' || c === '\\') out += `\\${c}`;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				out += text.slice(i, i + 2);
				i++;
			} else out += `\\u${code.toString(16).padStart(4, '0')}`;
		} else if (
			code < 0x20 ||
			(code >= 0x7f && code <= 0x9f) ||
			(code >= 0xd800 && code <= 0xdfff) ||
			// BOM, line and paragraph separators, and the non-characters YAML does not allow raw.
			code === 0xfeff ||
			code === 0x2028 ||
			code === 0x2029 ||
			code === 0xfffe ||
			code === 0xffff
		)
			out += `\\u${code.toString(16).padStart(4, '0')}`;
		else out += c;
	}
	return `${out}"`;
}

/**
 * Text for one line of a GitHub-flavoured Markdown file (a paragraph, heading, list item or table
 * cell): line endings become spaces; the characters that start an inline construct are
 * backslash-escaped (so `|` cannot split a table cell and no emphasis, code, link, HTML or entity
 * starts); a list or break marker at the start is escaped and blanks at either end are written as
 * character references; and a WORD JOINER (U+2060) breaks GFM's bare-URL and e-mail autolinks, so a
 * URL from a ticket shows as text, never as a live link.
 */
export function markdownText(text: string): string {
	return text
		.replace(LINE_ENDINGS, ' ')
		.replace(AUTOLINK_TRIGGERS, (word) => `${word}${WORD_JOINER}`)
		.replace(INLINE_SPECIAL, (c) => `\\${c}`)
		.replace(BLOCK_MARKER, (marker) => (/\d/.test(marker) ? `${marker}\\` : `\\${marker}`))
		.replace(EDGE_BLANKS, (blanks) => [...blanks].map((c) => BLANK_REFERENCE[c]!).join(''));
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP's list), and `'`. */
const CSV_DEFUSE = /^[=+\-@\t\r']/;
/** The prefix {@link csvCell} puts before a cell that starts with a formula character or `'`. */
export const CSV_DEFUSE_PREFIX = "'";

/**
 * One text cell of a CSV file (RFC 4180): a cell that starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a `'` in front, so a spreadsheet shows it as text instead of running it as a
 * formula; so does one that starts with `'`, which keeps the rule reversible ({@link csvCellText}).
 * The cell is quoted (with `""` for `"`) when it was defused or holds `"`, `,`, a line break or
 * leading or trailing blanks.
 * Numbers the project computes are not text: write them with `String(n)` ({@link csvRecord} does).
 */
export function csvCell(text: string): string {
	const defused = CSV_DEFUSE.test(text) ? `${CSV_DEFUSE_PREFIX}${text}` : text;
	return defused !== text || /[",\r\n]|^\s|\s$/.test(defused)
		? `"${defused.replace(/"/g, '""')}"`
		: defused;
}

/**
 * The text {@link csvCell} was given, from the cell a CSV parser read: one leading `'` is removed
 * when a formula character or another `'` follows it. For reading back the project's own CSV
 * (the miner reads the deflection report's queries this way).
 */
export function csvCellText(cell: string): string {
	return cell.startsWith(CSV_DEFUSE_PREFIX) && CSV_DEFUSE.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV record: text cells through {@link csvCell}, numbers as they are, and a line feed. */
export function csvRecord(cells: readonly (string | number)[]): string {
	return `${cells.map((cell) => (typeof cell === 'number' ? String(cell) : csvCell(cell))).join(',')}\n`;
}
