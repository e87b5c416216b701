import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkEntryIds } from '../../../src/lib/id-links.ts';
import { headingIdsInHtml, markdownToHtmlRust } from '../../../src/lib/markdown-html.ts';
import { alignAsAttribute, satteriSteps } from '../../../src/lib/markdown-steps.ts';

// What the API rendered before it called Sätteri directly: Astro's processor with the same steps.
const astro = await createSatteriMarkdownProcessor({
	syntaxHighlight: false,
	features: { gfm: true, rawHtml: true },
	hastPlugins: [satteriSteps([(tree) => alignAsAttribute(tree), (tree) => linkEntryIds(tree)])],
});
const viaAstro = async (markdown: string) => (await astro.render(markdown)).code.replace(/\n$/, '');

const TEXTS = [
	'Plain "quoted" text -- with dashes...',
	'## Same\n\ntext\n\n## Same\n\n### Sub & <more>',
	'- ## In a list\n\n1. # One\n2. ## Two',
	'Title\n=====\n\nSub\n---\n\n---',
	'> ### Quoted `code` **bold**',
	'<h3>Raw heading</h3>\n\n<h4 id="own">Own id</h4>',
	'![alt](./img.png)\n\n## After an image',
	'<img src="diagram.png" alt="d">',
	'| a | b |\n| :- | -: |\n| KB-0042 | x |',
	'See KB-0042 and `KB-0001`, RB-001.',
	'#hashtag and a # b',
	'    # indented code\n\n```\n# not a heading\n```',
	'Run `ps | grep x` then pick Yes | No.',
	"## It's \"quoted\" & <escaped> -- Café\n\n## It's \"quoted\" & <escaped> -- Café",
	'## Edit the frontmatter\n\n## A <!-- note --> b\n\n## [Link](/kb/) and ![x](./i.png)',
	'## A&nbsp;b &copy; &#169;\n\n### *em* __strong__ `a < b`',
	'## Line with a hard  \nbreak\n\nSetext\nover two\n---',
];

describe('markdownToHtmlRust', () => {
	it('renders what Astro’s Rust processor with the same steps renders', async () => {
		for (const text of TEXTS) expect(await markdownToHtmlRust(text), text).toBe(await viaAstro(text));
	});

	it('does so for any mix of headings, lists, quotes, tables, images and entry IDs', async () => {
		const line = fc.constantFrom(
			'## Symptoms', '### Method 1', '### Method 1', '#### *Step* `two`', 'Heading', '=====', '-----', '---',
			'- item', '- ## listed', '1. # numbered', '> quoted', '> ## quoted heading', '| a | b |', '| --- | :-: |',
			'| KB-0042 | 2 |', 'See KB-0042.', 'x & y < z "q"', '![i](./a.png)', '<h2>raw</h2>', '```', 'code # x', '',
			"## It's & <b> \"q\"", '### Café -- ü...', '## frontmatter', '## a <!-- c --> b', '## &copy; &#38;', '## [l](/x/) `c`',
			'<h2 class="x">raw</h2>', '## *a* **b** ~~c~~',
		);
		await fc.assert(
			fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
				const text = lines.join('\n');
				expect(await markdownToHtmlRust(text)).toBe(await viaAstro(text));
			}),
			{ numRuns: 300 },
		);
	});
});

describe('headingIdsInHtml', () => {
	it('gives headings the ids Astro gives them, numbering repeats', () => {
		expect(headingIdsInHtml('<h2>Fix it &amp; <code>run</code></h2>\n<p>x</p>\n<h3>Fix it &amp; run</h3>')).toBe(
			'<h2 id="fix-it--run">Fix it &amp; <code>run</code></h2>\n<p>x</p>\n<h3 id="fix-it--run-1">Fix it &amp; run</h3>',
		);
		expect(headingIdsInHtml('<p>no heading</p>')).toBe('<p>no heading</p>');
	});

	it('leaves to the plugin a heading whose text it cannot be sure of', () => {
		for (const html of ['<h2>a &copy; b</h2>', '<h2>a <!-- c --> b</h2>', '<h2>the frontmatter</h2>', '<h2 class="x">a</h2>', '<h2>a</h2><h3 id="own">b</h3>']) {
			expect(headingIdsInHtml(html), html).toBeNull();
		}
	});
});
