import { ENTRY_ID_IN_TEXT as ENTRY_ID, idPath } from './permalinks.ts';

/**
 * Entry IDs written in prose (`KB-0042`, `RB-001`, `TPL-004`) become links to their permalinks,
 * so writers and agents can cite an article, runbook or template by ID and readers can follow it.
 */

/** IDs mentioned in a Markdown body, outside fenced and inline code. */
export function mentionedIds(proseLines: readonly string[]): string[] {
	const ids = new Set<string>();
	for (const line of proseLines) {
		// Every ID has a `-`, and what is taken out below only takes characters out: a line
		// without one mentions none.
		if (!line.includes('-')) continue;
		// An ID inside a link's URL is the link checker's business (links.ts), not a mention.
		const prose = line
			.replace(/`[^`]*`/g, '')
			.replace(/\]\([^)]*\)/g, ']')
			.replace(/\bhref\s*=\s*("[^"]*"|'[^']*'|\{[^}]*\})/g, '');
		for (const m of prose.matchAll(ENTRY_ID)) ids.add(m[1]!);
	}
	return [...ids];
}

export interface HastNode {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
	value?: string;
}

// Text inside these is left alone: links must not nest, code is quoted as written, and a
// heading that is all link reads badly.
const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);

function linkText(value: string): HastNode[] {
	const out: HastNode[] = [];
	let last = 0;
	for (const m of value.matchAll(ENTRY_ID)) {
		if (m.index > last) out.push({ type: 'text', value: value.slice(last, m.index) });
		out.push({
			type: 'element',
			tagName: 'a',
			properties: { href: idPath(m[1]!) },
			children: [{ type: 'text', value: m[1]! }],
		});
		last = m.index + m[0].length;
	}
	if (out.length === 0) return [{ type: 'text', value }];
	if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
	return out;
}

export function linkEntryIds(node: HastNode): void {
	if (!node.children) return;
	node.children = node.children.flatMap((child) => {
		if (child.type === 'text' && child.value) return linkText(child.value);
		if (child.type === 'element' && !SKIP.has(child.tagName ?? '')) linkEntryIds(child);
		else if (child.type === 'root') linkEntryIds(child);
		return [child];
	});
}

/** rehype plugin: link entry IDs in prose. */
export function rehypeIdLinks() {
	return (tree: HastNode) => linkEntryIds(tree);
}
