/**
 * The project's HTML steps for entry bodies, in one list both pipelines run: `.mdx` files go
 * through unified, where each step is a rehype plugin (astro.config.mjs), and `.md` files through
 * Astro's Rust Markdown processor (Sätteri), where all of them run as one HAST plugin here. Each
 * step stays in its own module; GFM, smart punctuation and heading ids are the processors' own.
 */
import type { SatteriProcessorOptions } from '@astrojs/markdown-satteri';
import { linkEntryIds, type HastNode } from './id-links.ts';
import { addRunbookChecklist, isRunbookFile } from './rehype-runbook-checklist.ts';
import { wrapTables } from './rehype-table-scroll.ts';

/** A step: changes the tree of one file's body in place. */
export type HastStep = (tree: HastNode, path: string) => void;

/** In the order the `.mdx` pipeline runs them: checklists, ID links, table regions. */
export const HAST_STEPS: readonly HastStep[] = [addRunbookChecklist, (tree) => linkEntryIds(tree), (tree) => wrapTables(tree)];

/**
 * The Rust processor writes a table column's alignment as `style="text-align: right"`, unified
 * as `align="right"`; `.md` pages take the latter, so both kinds of file give the same HTML.
 */
export function alignAsAttribute(node: HastNode): void {
	for (const child of node.children ?? []) {
		const style = child.properties?.style;
		const align = typeof style === 'string' ? /^text-align:\s*(left|right|center);?$/.exec(style.trim())?.[1] : undefined;
		if (align && (child.tagName === 'th' || child.tagName === 'td')) {
			const { style: _, ...rest } = child.properties!;
			child.properties = { ...rest, align };
		}
		alignAsAttribute(child);
	}
}

/**
 * A plain copy of a tree as Sätteri hands it to a plugin: its nodes carry handles back into the
 * Rust tree (`_`-prefixed fields), which a copy that replaces the tree must not take along.
 */
export function plainHast(node: Readonly<Record<string, unknown>>): HastNode {
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(node)) {
		if (key.startsWith('_')) continue;
		if (key === 'children' && Array.isArray(value)) copy.children = value.map((c) => plainHast(c));
		else if (key === 'properties' && value && typeof value === 'object') copy.properties = { ...value };
		else copy[key] = value;
	}
	return copy as unknown as HastNode;
}

/**
 * A line that could be a GFM table's delimiter row (`| --- | :-: |`, `--|--`, `:---`): only
 * pipes, colons, hyphens and blanks after any blockquote markers, with a hyphen and a pipe or
 * colon; or a line of hyphens under a line with a pipe. A table cannot do without one, while a
 * pipe alone is common in prose and code (`a | b`, shell pipelines): a fifth of the generated
 * knowledge base has a pipe, under a tenth has a table.
 */
const TABLE_DELIMITER_ROW = /^[ \t>]*(?=[^\n]*-)(?=[^\n]*[|:])[|:\- \t]+$|\|[^\n]*\n[ \t>]*-[- \t]*$/m;

/**
 * Whether any step could change a body's tree: it is a runbook, or its Markdown has a table (a
 * GFM delimiter row, or HTML), a cell's alignment, an entry ID, or a character reference that
 * could spell one. Most KB articles have none of these, and skip the plugin and with it the copy
 * of their whole tree into JavaScript, the plugin's main cost. Errs on the side of running the steps.
 */
export function stepsMayApply(source: string, path: string): boolean {
	return (
		isRunbookFile(path) ||
		/text-align|<t(?:able|h|d)\b|&#|\b(?:KB|RB|TPL)-/i.test(source) ||
		TABLE_DELIMITER_ROW.test(source)
	);
}

/** An entry of `satteri({ hastPlugins })`: a plugin, or a factory that decides per body. */
type SatteriHastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];
/** A Sätteri HAST plugin itself. */
type SatteriHastPlugin = Extract<SatteriHastPluginEntry, { name: string }>;

/**
 * The Sätteri HAST plugin that runs `steps` over a `.md` body: once per file, after the
 * processor's own visitors (code highlighting), on a plain copy that then replaces the tree;
 * left out for a body no step could change (`stepsMayApply`).
 * By default: table alignment as unified writes it, then the project's steps.
 */
export function satteriSteps(
	steps: readonly HastStep[] = [(tree) => alignAsAttribute(tree), ...HAST_STEPS],
): SatteriHastPluginEntry {
	const plugin: SatteriHastPlugin = {
		name: 'tierzero-markdown-steps',
		after(root, ctx) {
			const tree = plainHast(root as unknown as Record<string, unknown>);
			const path = ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname) : '';
			for (const step of steps) step(tree, path);
			// Sätteri's node types are hast's; HastNode is the loose shape our steps share.
			ctx.replaceNode(root, tree as unknown as typeof root);
		},
	};
	return (ctx) => (stepsMayApply(ctx.source, ctx.fileURL ? decodeURIComponent(ctx.fileURL.pathname) : '') ? plugin : null);
}
