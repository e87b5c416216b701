/**
 * Runbook steps become a checklist a responder can tick during an incident: each item of a
 * top-level numbered list gets a native checkbox, so no script is needed. Only files under a
 * `runbooks/` folder are touched.
 */
import type { HastNode } from './id-links.ts';

function textOf(node: HastNode): string {
	if (node.type === 'text') return node.value ?? '';
	return (node.children ?? []).map(textOf).join('');
}

export function addChecklist(tree: HastNode): void {
	let step = 0;
	for (const list of tree.children ?? []) {
		if (list.type !== 'element' || list.tagName !== 'ol') continue;
		list.properties = { ...list.properties, className: ['steps'] };
		for (const item of list.children ?? []) {
			if (item.type !== 'element' || item.tagName !== 'li') continue;
			step += 1;
			const label = textOf(item).trim().split('\n')[0]!.slice(0, 80);
			item.children = [
				{
					type: 'element',
					tagName: 'input',
					properties: { type: 'checkbox', id: `step-${step}`, className: ['step-done'], ariaLabel: `Done: ${label}` },
					children: [],
				},
				...(item.children ?? []),
			];
		}
	}
}

/** Whether a file is a runbook: in a `runbooks/` folder (`.md` or `.mdx`, any path separator). */
export function isRunbookFile(path: string): boolean {
	return /\/runbooks\/[^/]+\.mdx?$/.test(path.replaceAll('\\', '/'));
}

/** The checklist, for a runbook. */
export function addRunbookChecklist(tree: HastNode, path: string): void {
	if (isRunbookFile(path)) addChecklist(tree);
}

/** rehype plugin (the `.mdx` pipeline): the checklist for runbooks. */
export function rehypeRunbookChecklist() {
	return (tree: HastNode, file: { path?: string; history?: string[] }) =>
		addRunbookChecklist(tree, file.path ?? file.history?.[0] ?? '');
}
