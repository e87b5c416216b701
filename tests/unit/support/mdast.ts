/** Helpers over a Markdown syntax tree (mdast), for tests that check what a text turned into. */
import type { Root, RootContent } from 'mdast';

/** Every node type below `node`, depth first. */
export function nodeTypes(node: Root | RootContent): string[] {
	const children = 'children' in node ? (node.children as RootContent[]) : [];
	return children.flatMap((child) => [child.type, ...nodeTypes(child)]);
}
