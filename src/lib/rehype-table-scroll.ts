/**
 * Wide tables scroll sideways inside their own box instead of squeezing words apart or widening
 * the page. A scrolling box must be reachable by keyboard (WCAG 2.1.1), so it is focusable, and a
 * focusable box needs a role and a name: each table is wrapped in
 * `<div class="table-scroll" role="region" tabindex="0" aria-label="…">`. The name is the
 * table's caption, else the heading it sits under, so a screen reader user hears which table the
 * region holds. src/components/ScrollTable.astro makes the same wrapper for tables in .astro pages.
 */
import type { HastNode } from './id-links.ts';

function textOf(node: HastNode): string {
	if (node.type === 'text') return node.value ?? '';
	return (node.children ?? []).map(textOf).join('');
}

const HEADING = /^h[1-6]$/;

/** The region's name for a table: its caption, else the nearest heading before it, else "Table". */
export function tableRegionLabel(heading: string | undefined, caption: string | undefined): string {
	const name = (caption ?? heading ?? '').replace(/\s+/g, ' ').trim();
	return name ? `Table: ${name}` : 'Table';
}

/** Wraps every table of the tree; names repeat only with a number ("Table: Limits (2)"). */
export function wrapTables(tree: HastNode): void {
	const used = new Map<string, number>();
	let heading: string | undefined;
	const walk = (node: HastNode) => {
		const children = node.children ?? [];
		for (let i = 0; i < children.length; i++) {
			const child = children[i]!;
			if (child.type !== 'element') continue;
			if (HEADING.test(child.tagName ?? '')) {
				heading = textOf(child);
				continue;
			}
			if (child.tagName === 'table') {
				const caption = child.children?.find((c) => c.type === 'element' && c.tagName === 'caption');
				let label = tableRegionLabel(heading, caption ? textOf(caption) : undefined);
				const seen = (used.get(label) ?? 0) + 1;
				used.set(label, seen);
				if (seen > 1) label = `${label} (${seen})`;
				children[i] = {
					type: 'element',
					tagName: 'div',
					properties: { className: ['table-scroll'], role: 'region', tabIndex: 0, ariaLabel: label },
					children: [child],
				};
				continue;
			}
			walk(child);
		}
	};
	walk(tree);
}

export function rehypeTableScroll() {
	return (tree: HastNode) => wrapTables(tree);
}
