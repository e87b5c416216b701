import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './lib/site.ts';

import { REPRESENTATIVE_PAGES } from './lib/pages.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = useBuiltSite('internal');

interface AxeViolation {
	id: string;
	help: string;
	nodes: { target: string[] }[];
}

describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
	it.each(REPRESENTATIVE_PAGES)('%s has no WCAG 2.2 AA violation axe can detect', async (path) => {
		const { page, close } = await openPage(site.browser, `${site.url}${path}`, { colorScheme });
		await page.addScriptTag({ content: axeSource });
		const violations = await page.evaluate(async (tags) => {
			const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
			const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
			return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
		}, TAGS);
		await close();
		expect(violations).toEqual([]);
	});
});
