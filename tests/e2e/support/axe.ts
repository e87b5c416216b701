import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** WCAG 2.2 AA, as axe tags it. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let axeSource: string | undefined;

/**
 * Runs axe-core on the page as it is now (e.g. with a dialog open) and returns one line per WCAG
 * 2.2 AA violation, `rule: help (first targets)`; an accessible page returns `[]`.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
	axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
	await page.addScriptTag({ content: axeSource });
	return page.evaluate(
		async ({ tags, selector }) => {
			interface Violation {
				id: string;
				help: string;
				nodes: { target: string[] }[];
			}
			const axe = (
				window as unknown as {
					axe: { run(context: unknown, options: object): Promise<{ violations: Violation[] }> };
				}
			).axe;
			const { violations } = await axe.run(selector ? { include: [selector] } : document, {
				runOnly: { type: 'tag', values: tags },
			});
			return violations.map(
				(v) =>
					`${v.id}: ${v.help} (${v.nodes
						.slice(0, 3)
						.map((n) => n.target.join(' '))
						.join(', ')})`,
			);
		},
		{ tags: TAGS, selector },
	);
}
