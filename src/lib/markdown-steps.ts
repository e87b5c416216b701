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

/** Anything but a Markdown table that a step could change: an entry ID, a character reference that could spell one, an aligned cell, an HTML table. */
const OTHER_THAN_TABLES = /text-align|<t(?:able|h|d)\b|&#|\b(?:KB|RB|TPL)-/i;

/**
 * What the steps could change in a body: nothing; its Markdown tables and nothing else; or
 * anything in it (a runbook, an entry ID or a character reference that could spell one, an
 * aligned cell, an HTML table). Most KB articles change nowhere, and of the rest most have
 * tables only (nine in ten in the generated knowledge base). Errs towards the wider.
 */
export function stepsScope(source: string, path: string): 'none' | 'tables' | 'tree' {
	if (isRunbookFile(path) || OTHER_THAN_TABLES.test(source)) return 'tree';
	return TABLE_DELIMITER_ROW.test(source) ? 'tables' : 'none';
}

/**
 * Whether any step could change a body's tree (`stepsScope` is not "none"): bodies that skip
 * the plugin skip with it the copy of their tree into JavaScript.
 */
export const stepsMayApply = (source: string, path: string): boolean => stepsScope(source, path) !== 'none';

/** An entry of `satteri({ hastPlugins })`: a plugin, or a factory that decides per body. */
type SatteriHastPluginEntry = NonNullable<SatteriProcessorOptions['hastPlugins']>[number];
/** A Sätteri HAST plugin itself. */
type SatteriHastPlugin = Extract<SatteriHastPluginEntry, { name: string }>;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * The Sätteri HAST plugin that runs `steps` over a `.md` body, after the processor's own
 * visitors (code highlighting), as `stepsScope` decides per body:
 * - "tree": once, on a plain copy of the whole tree that then replaces it;
 * - "tables": only the body's tables and headings cross into JavaScript, in document order, and
 *   the steps run on a root that holds copies of just those: all a step reads about a table is
 *   the heading it sits under and the tables before it. Each table is then replaced by what the
 *   steps made of it. A body with tables is often a long one, with highlighted code, and the
 *   copy of its whole tree was most of the plugin's cost;
 * - "none": left out.
 * By default: table alignment as unified writes it, then the project's steps.
 */
export function satteriSteps(
	steps: readonly HastStep[] = [(tree) => alignAsAttribute(tree), ...HAST_STEPS],
): SatteriHastPluginEntry {
	const pathOf = (url: URL | undefined) => (url ? decodeURIComponent(url.pathname) : '');
	const run = (tree: HastNode, url: URL | undefined) => {
		for (const step of steps) step(tree, pathOf(url));
	};
	const wholeTree: SatteriHastPlugin = {
		name: 'tierzero-markdown-steps',
		after(root, ctx) {
			const tree = plainHast(root as unknown as Record<string, unknown>);
			run(tree, ctx.fileURL);
			// Sätteri's node types are hast's; HastNode is the loose shape our steps share.
			ctx.replaceNode(root, tree as unknown as typeof root);
		},
	};
	// One per body: it keeps that body's outline.
	const tablesOnly = (): SatteriHastPlugin => {
		const outline: HastNode[] = [];
		let stepped: Promise<HastNode[]> | undefined;
		return {
			name: 'tierzero-markdown-steps-tables',
			element: {
				filter: ['table', ...HEADINGS],
				visit(node, ctx) {
					const at = outline.push(plainHast(node as unknown as Record<string, unknown>)) - 1;
					if (node.tagName !== 'table') return;
					// Sätteri hands over every match before it awaits a result, so the steps see them all.
					stepped ??= Promise.resolve().then(() => {
						const tree: HastNode = { type: 'root', children: outline };
						run(tree, ctx.fileURL);
						return tree.children!;
					});
					// A step replaces a table in place (by its region), so its index still holds.
					return stepped.then((children) => children[at] as unknown as typeof node);
				},
			},
		};
	};
	return (ctx) => {
		const scope = stepsScope(ctx.source, pathOf(ctx.fileURL));
		return scope === 'tree' ? wholeTree : scope === 'tables' ? tablesOnly() : null;
	};
}
