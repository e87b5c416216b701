/**
 * Runbook steps become a checklist a responder can tick during an incident: each item of a
 * top-level numbered list gets a native checkbox, so no script is needed. Only files under a
 * `runbooks/` folder are touched.
 */
interface HastNode {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
	value?: string;
}

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

export function rehypeRunbookChecklist() {
	return (tree: HastNode, file: { path?: string; history?: string[] }) => {
		const path = (file.path ?? file.history?.[0] ?? '').replaceAll('\\', '/');
		if (/\/runbooks\/[^/]+\.mdx?$/.test(path)) addChecklist(tree);
	};
}
