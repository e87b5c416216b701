/**
 * Turns DocFX-flavoured Markdown (Microsoft Learn's dialect, as in MicrosoftDocs/OfficeDocs-Support)
 * into Markdown that MDX compiles. MDX is stricter than CommonMark: `{`/`}` start expressions, `<`
 * starts JSX, and raw HTML, HTML comments and `<https://…>` autolinks are syntax errors. Code (fenced
 * blocks and inline code spans) is left byte for byte; everything else is rewritten or escaped.
 */

/** One run of a Markdown document: a fenced code block (kept verbatim) or prose (rewritten). */
export interface Block {
	code: boolean;
	text: string;
}

// Fences may sit inside list items or blockquotes, so indentation and `>` markers are allowed.
const FENCE = /^[ \t>]*(`{3,}|~{3,})(.*)$/;

/**
 * Split Markdown into fenced code blocks and the prose between them. An unclosed fence runs to the
 * end of the document, as in CommonMark.
 */
export function splitFences(markdown: string): Block[] {
	const blocks: Block[] = [];
	let prose: string[] = [];
	let code: string[] = [];
	let fence: string | null = null;
	const flush = (lines: string[], isCode: boolean) => {
		if (lines.length > 0) blocks.push({ code: isCode, text: lines.join('\n') });
	};
	for (const line of markdown.split('\n')) {
		const m = FENCE.exec(line);
		if (fence === null) {
			// A backtick fence's info string cannot contain a backtick; such a line is inline code.
			if (m && !(m[1]!.startsWith('`') && m[2]!.includes('`'))) {
				flush(prose, false);
				prose = [];
				fence = m[1]!;
				code = [line];
			} else {
				prose.push(line);
			}
		} else {
			code.push(line);
			if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && m[2]!.trim() === '') {
				flush(code, true);
				code = [];
				fence = null;
			}
		}
	}
	flush(prose, false);
	flush(code, true);
	return blocks;
}

// Tag names that are HTML, as opposed to placeholders like `<user>` or `<ServerName>`, which the
// corpus writes in prose and readers must still see.
const HTML_TAGS = new Set(
	(
		'a abbr b big blockquote body br caption center cite code col colgroup dd del details div dl ' +
		'dt em embed font form h1 h2 h3 h4 h5 h6 head hr html i iframe img input ins kbd label li ' +
		'mark nobr object ol option p pre s section select small source span strike strong style sub ' +
		'summary sup table tbody td textarea tfoot th thead tr tt u ul video wbr'
	).split(' '),
);

const ALERT =
	/^([ \t]*(?:>[ \t]?)+)\[!(?:NOTE|TIP|IMPORTANT|CAUTION|WARNING|VIDEO[^\]]*|div[^\]]*)\][ \t]*(.*)$/i;

// A private-use character cannot occur in the corpus; it brackets the index of a set-aside span.
const MARK = '\uE000';

/** Decode named character references the corpus uses; `&amp;` and numeric ones are valid MDX. */
function decodeEntities(text: string): string {
	return text
		.replace(/&nbsp;/g, ' ')
		.replace(/&quot;/g, '"')
		.replace(/&(?:#39|apos);/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&ndash;/g, '–')
		.replace(/&mdash;/g, '—');
}

/** Text content of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function stripTags(html: string): string {
	return decodeEntities(html.replace(/<\/?[a-zA-Z][^>]*>/g, ''))
		.replace(/\s+/g, ' ')
		.trim();
}

const isAbsolute = (url: string) => /^(?:https?:|mailto:)/i.test(url.trim());

/**
 * Set inline code spans aside so the prose rewrites below never touch them. Spans pair backtick
 * runs of equal length on one line; a run without a partner is escaped, which makes MDX read it as
 * a literal backtick rather than guess where a multi-line span ends.
 */
function setAsideCode(text: string, spans: string[]): string {
	let out = '';
	let i = 0;
	while (i < text.length) {
		const ch = text[i]!;
		if (ch === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
			out += ch + text[i + 1];
			i += 2;
			continue;
		}
		if (ch !== '`') {
			out += ch;
			i += 1;
			continue;
		}
		let n = 1;
		while (text[i + n] === '`') n += 1;
		const lineEnd = text.indexOf('\n', i);
		const end = lineEnd === -1 ? text.length : lineEnd;
		let close = -1;
		for (let j = i + n; j < end;) {
			if (text[j] !== '`') {
				j += 1;
				continue;
			}
			let m = 1;
			while (text[j + m] === '`') m += 1;
			if (m === n) {
				close = j;
				break;
			}
			j += m;
		}
		if (close === -1) {
			out += '\\`'.repeat(n);
			i += n;
		} else {
			const inner = text.slice(i + n, close);
			// A line opening with ``` reads as a fence to simple checkers (content-rules' h2Headings
			// among them); a one-backtick span says the same when the code has no backtick.
			spans.push(n >= 3 && !inner.includes('`') ? `\`${inner.trim()}\`` : text.slice(i, close + n));
			out += `${MARK}${spans.length - 1}${MARK}`;
			i = close + n;
		}
	}
	return out;
}

/** Backslash-escape what MDX would read as JSX or an expression; existing escapes are kept. */
export function escapeMdxText(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i += 1) {
		const ch = text[i]!;
		if (ch === '\\' && i + 1 < text.length && /[!-/:-@[-`{-~]/.test(text[i + 1]!)) {
			out += ch + text[i + 1];
			i += 1;
		} else if (ch === '{' || ch === '}' || ch === '<') {
			out += `\\${ch}`;
		} else {
			out += ch;
		}
	}
	return out;
}

/** Rewrite HTML the corpus uses as Markdown, or drop the tags and keep the text. */
function convertHtml(text: string, spans: string[]): string {
	return (
		text
			.replace(
				/<summary[^>]*>([\s\S]*?)<\/summary>/gi,
				(_, inner: string) => `\n\n**${stripTags(inner)}**\n\n`,
			)
			.replace(/<\/?br\s*\/?>/gi, ' ')
			.replace(/<(b|strong)>([^<\n]*?)<\/\1>/gi, (_, _t, inner: string) =>
				inner.trim() ? `**${inner.trim()}**` : '',
			)
			.replace(/<(i|em)>([^<\n]*?)<\/\1>/gi, (_, _t, inner: string) =>
				inner.trim() ? `_${inner.trim()}_` : '',
			)
			.replace(/<code>([^\n]*?)<\/code>/gi, (_, inner: string) => {
				const plain = decodeEntities(inner.replace(/<\/?[a-zA-Z][^>]*>/g, '')).replace(/`/g, "'");
				spans.push(`\`${plain}\``);
				return `${MARK}${spans.length - 1}${MARK}`;
			})
			.replace(
				/<a\s[^>]*?href\s*=\s*"([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi,
				(_, href: string, inner: string) => {
					const label = stripTags(inner);
					return isAbsolute(href) && label ? `[${label}](${href.trim()})` : label;
				},
			)
			.replace(/^([ \t]*)<li[^>]*>/gim, '$1- ')
			.replace(/<li[^>]*>/gi, ' • ')
			// Remaining HTML tags go; `<user>`-style placeholders stay for the escaper.
			.replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*\/?>/g, (tag, name: string) =>
				HTML_TAGS.has(name.toLowerCase()) ? '' : tag,
			)
	);
}

/** Links to other DocFX pages or media become their text: the targets do not exist here. */
function convertLinks(text: string): string {
	return (
		text
			// Images: screenshots live beside the source articles, not in this site.
			.replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, '')
			.replace(
				// Labels may hold one level of brackets ("vCard [MS-OXVCARD]") and URLs one of
				// parentheses ("ee797784(v=cs.20)"), as CommonMark allows.
				/\[((?:[^\[\]\n]|\[[^\[\]\n]*\]|\n(?!\s*\n))*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+"[^"\n]*")?\s*\)/g,
				(all, label: string, url: string) => (isAbsolute(url) ? all : label),
			)
			// MDX has no `<https://…>` autolinks; GFM turns the bare URL into a link.
			.replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1')
			// Reference definitions pointing at relative targets.
			.replace(/^[ \t]*\[[^\]\n]+\]:[ \t]*(\S+).*$/gm, (all, url: string) =>
				isAbsolute(url) ? all : '',
			)
	);
}

/**
 * Bare URLs holding `<`, `{` or `}` (`https://mail.<DomainName>.com/EWS`, SOAP fault XML) become
 * inline code: GFM's autolink literal would swallow the escaping backslash and leave a bare `<`.
 */
function codeUrls(text: string, spans: string[]): string {
	return text.replace(/(?<!\]\()(?:https?:\/\/|www\.)[^\s`\[\]\uE000]+/g, (url) => {
		const trail = /[.,;:!?'")]+$/.exec(url)?.[0] ?? '';
		const core = url.slice(0, url.length - trail.length).replace(/\\([!-/:-@[-`{-~])/g, '$1');
		if (!/[<{}]/.test(core)) return url;
		spans.push(`\`${core}\``);
		return `${MARK}${spans.length - 1}${MARK}${trail}`;
	});
}

/** Rewrite one prose block (no fenced code) into MDX-safe Markdown. */
function convertProse(prose: string): string {
	const spans: string[] = [];
	let text = prose
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/:::image\s+type="complex"[\s\S]*?:::image-end:::/g, '')
		.replace(/:::image\b[\s\S]*?:::/g, '')
		.replace(/:::no-loc\s+text="([^"]*)":::/g, '$1')
		.replace(/\[!INCLUDE\s*\[[^\]]*\]\([^)]*\)\s*\]/gi, '');
	text = setAsideCode(text, spans);
	text = text
		.split('\n')
		.flatMap((line) => {
			const alert = ALERT.exec(line);
			if (!alert) return [line];
			return alert[2]!.trim() ? [`${alert[1]}${alert[2]}`] : [];
		})
		.join('\n');
	text = convertHtml(text, spans);
	text = decodeEntities(text);
	text = convertLinks(text);
	text = codeUrls(text, spans);
	text = escapeMdxText(text)
		// MDX reads `import`/`export` at the start of a line as JavaScript.
		.replace(
			/^(import|export)(\s)/gm,
			(_, w: string, s: string) => w[0]!.toUpperCase() + w.slice(1) + s,
		)
		// A line left with only spaces by the removals above would otherwise hold trailing blanks.
		.replace(/^[ \t]+$/gm, '');
	return text.replace(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'), (_, i: string) => spans[Number(i)]!);
}

/**
 * Make a fenced block unambiguous: closed (an unclosed fence would swallow the sections after it
 * once they are reassembled), and fenced with a run longer than any fence-like line inside it, so
 * line-based checkers that end a block at any ``` agree with CommonMark.
 */
export function normalizeFence(block: string): string {
	const lines = block.split('\n');
	const open = FENCE.exec(lines[0]!);
	if (!open) return block;
	const prefix = lines[0]!.slice(0, lines[0]!.indexOf(open[1]!));
	const char = open[1]![0]!;
	const last = lines.length > 1 ? FENCE.exec(lines.at(-1)!) : null;
	const closed =
		!!last && last[1]![0] === char && last[1]!.length >= open[1]!.length && last[2]!.trim() === '';
	const inner = lines.slice(1, closed ? -1 : undefined);
	if (!closed) while (inner.length > 0 && inner.at(-1)!.trim() === '') inner.pop();
	let longest = open[1]!.length - 1;
	for (const line of inner) {
		const m = /^[ \t>]*(`{3,}|~{3,})/.exec(line);
		if (m) longest = Math.max(longest, m[1]!.length);
	}
	const run = char.repeat(Math.max(open[1]!.length, longest + 1));
	return [`${prefix}${run}${open[2]}`, ...inner, `${prefix}${run}`].join('\n');
}

/**
 * Convert a DocFX Markdown body (frontmatter already removed) into MDX-safe Markdown: DocFX
 * extensions (`:::image`, `[!INCLUDE]`, `> [!NOTE]` alerts, `:::no-loc`) removed or reduced to plain
 * Markdown, HTML converted or dropped, links to other DocFX pages and images reduced to their text,
 * `{`, `}`, `<` escaped outside code, and code fences closed and unambiguous.
 */
export function stripDocfx(markdown: string): string {
	const blocks = splitFences(markdown.replace(/\r\n?/g, '\n'));
	return blocks
		.map((b) => (b.code ? normalizeFence(b.text) : convertProse(b.text)))
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
