/**
 * The plain-text twin of a rendered reply, for the `text/plain` half of "Copy reply": what a
 * helpdesk or mail client without HTML shows. No Markdown marks (`**`, `_`, backticks), each list
 * item on its own line (numbered or with "- "), paragraphs apart by one blank line, links as
 * "text (URL)". Works on DOM nodes, and on anything shaped like them in tests.
 */

/** The part of a DOM node this reads. */
export interface ReplyNode {
	nodeType: number;
	nodeName: string;
	textContent: string | null;
	childNodes: ArrayLike<ReplyNode>;
	getAttribute?(name: string): string | null;
}

const TEXT = 3;
const ELEMENT = 1;
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TABLE', 'TR', 'HR', 'SECTION']);

const children = (node: ReplyNode) => Array.from(node.childNodes);

/** Inline text of a node: whitespace collapsed, marks dropped, links with their URL. */
function inline(node: ReplyNode): string {
	if (node.nodeType === TEXT) return (node.textContent ?? '').replace(/\s+/g, ' ');
	if (node.nodeType !== ELEMENT) return '';
	if (node.nodeName === 'BR') return '\n';
	const text = children(node).map(inline).join('');
	if (node.nodeName === 'A') {
		const href = node.getAttribute?.('href') ?? '';
		const label = text.trim();
		if (/^(https?:|mailto:)/.test(href) && href.replace(/^mailto:/, '') !== label) return `${text} (${href})`;
	}
	return text;
}

const tidy = (line: string) => line.replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n').trim();

/** Blocks of text under a node; each entry is one paragraph or one list. */
function blocks(node: ReplyNode, depth = 0): string[] {
	const out: string[] = [];
	let run = '';
	const flush = () => {
		if (run.trim()) out.push(tidy(run));
		run = '';
	};
	for (const child of children(node)) {
		const name = child.nodeType === ELEMENT ? child.nodeName : '';
		if (name === 'UL' || name === 'OL') {
			flush();
			out.push(list(child, depth));
		} else if (name === 'PRE') {
			flush();
			out.push((child.textContent ?? '').replace(/\n$/, ''));
		} else if (BLOCKS.has(name)) {
			flush();
			out.push(...blocks(child, depth));
		} else {
			run += inline(child);
		}
	}
	flush();
	return out;
}

/** A list as lines: "1. …" or "- …", nested lists indented under their item. */
function list(node: ReplyNode, depth: number): string {
	const ordered = node.nodeName === 'OL';
	const start = Number(node.getAttribute?.('start') ?? 1) || 1;
	const indent = '   '.repeat(depth);
	const items = children(node).filter((c) => c.nodeType === ELEMENT && c.nodeName === 'LI');
	return items
		.map((item, i) => {
			const marker = ordered ? `${start + i}. ` : '- ';
			const [first = '', ...rest] = blocks(item, depth + 1);
			const nested = rest.map((b) => (/^\s*(\d+\.|-) /.test(b) ? b : b.replace(/^/gm, `${indent}   `)));
			return [`${indent}${marker}${first.replace(/\n/g, `\n${indent}   `)}`, ...nested].join('\n');
		})
		.join('\n');
}

/** The reply under `root` as plain text. */
export function replyText(root: ReplyNode): string {
	return blocks(root)
		.join('\n\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
