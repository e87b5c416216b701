/**
 * MDX compiled the way the site compiles a content file: Astro's own frontmatter split, then
 * `@mdx-js/mdx` with GFM, keeping the syntax tree so tests can see what the source turned into.
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { createProcessor } from '@mdx-js/mdx';
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';

let tree: Root | undefined;
// One processor for every call: property tests compile a thousand sources.
const processor = createProcessor({
	remarkPlugins: [remarkGfm, () => (t: Root) => void (tree = structuredClone(t))],
});

/**
 * The parsed frontmatter and the MDX syntax tree of the body, compiled to a JavaScript module;
 * throws if the body does not compile.
 */
export function mdxTree(source: string): { frontmatter: Record<string, unknown>; tree: Root } {
	const { frontmatter, content } = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
	tree = undefined;
	processor.processSync(content);
	return { frontmatter: frontmatter as Record<string, unknown>, tree: tree! };
}


/** Every node type below `node`, depth first. */
export function nodeTypes(node: Root | RootContent): string[] {
	const children = 'children' in node ? (node.children as RootContent[]) : [];
	return children.flatMap((child) => [child.type, ...nodeTypes(child)]);
}

/** The statements of an MDX expression node's program: none for a comment such as `{/* … *\/}`. */
export function expressionBody(node: RootContent): unknown[] {
	return (node as { data?: { estree?: { body: unknown[] } } }).data?.estree?.body ?? [];
}
