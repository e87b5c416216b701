import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { parseFragment } from 'parse5';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
	csvCell,
	csvCellText,
	csvRecord,
	htmlAttribute,
	htmlComment,
	htmlText,
	markdownText,
	scriptJson,
	yamlString,
} from '../../src/lib/escape.ts';
import { hostileText, PROPERTY_TIMEOUT, RUNS } from './support/hostile-text.ts';
import { elementsOf } from './support/html.ts';
import { markdown } from './support/markdown.ts';
import { nodeTypes } from './support/mdast.ts';

describe('htmlText', () => {
	it('turns the three characters that start markup into entities', () => {
		expect(htmlText('a < b && c > d "q" \'s\'')).toBe('a &lt; b &amp;&amp; c &gt; d "q" \'s\'');
	});

	it('leaves no tag for an HTML parser to find, and the text reads back the same', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				const doc = parseDocument(`<p>${htmlText(text)}</p>`, { decodeEntities: true });
				const p = doc.children[0] as { children: { type: string; data?: string }[] };
				expect(doc.children).toHaveLength(1);
				expect(p.children.every((n) => n.type === 'text')).toBe(true);
				expect(p.children.map((n) => n.data).join('')).toBe(text);
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});

describe('htmlAttribute', () => {
	it('also escapes both quotes, so the value cannot end early', () => {
		expect(htmlAttribute(`x" onmouseover='alert(1)' y=<`)).toBe(
			'x&quot; onmouseover=&#39;alert(1)&#39; y=&lt;',
		);
	});

	it('keeps any text inside one attribute value', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				for (const q of ['"', "'"]) {
					const doc = parseDocument(`<a title=${q}${htmlAttribute(text)}${q} id="end"></a>`, {
						decodeEntities: true,
					});
					const a = doc.children[0] as { attribs: Record<string, string> };
					expect(Object.keys(a.attribs)).toEqual(['title', 'id']);
					expect(a.attribs.title).toBe(text);
				}
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});

describe('scriptJson', () => {
	it('cannot close the script it sits in', () => {
		const json = scriptJson({ name: '</script><script>alert(2)</script>', a: '<!-- & \u2028\u2029' });
		expect(json).toBe(
			'{"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(2)\\u003c/script\\u003e","a":"\\u003c!-- \\u0026 \\u2028\\u2029"}',
		);
	});

	it('refuses a value with no JSON form rather than writing "undefined"', () => {
		expect(() => scriptJson(undefined)).toThrow('scriptJson: the value has no JSON form');
	});

	it('parses back to the same value from the HTML, and the script holds exactly it', () => {
		fc.assert(
			fc.property(fc.dictionary(hostileText, hostileText), hostileText, (object, text) => {
				const value = { ...object, text };
				const html = `<head><script type="application/ld+json">${scriptJson(value)}</script><meta name="after"></head>`;
				const elements = elementsOf(html);
				// Exactly the script and the element after it: it did not end early, nothing was added.
				expect(elements.map((e) => e.tag)).toEqual(['html', 'head', 'script', 'meta', 'body']);
				expect(JSON.parse(elements[2]!.text)).toEqual(value);
				expect(html.toLowerCase().split('</script').length).toBe(2);
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});

/**
 * What a reader sees: line breaks and runs of blanks are one space in rendered text, NUL is U+FFFD
 * in Markdown, and the invisible WORD JOINERs markdownText adds are not there.
 */
const asRead = (text: string) =>
	text
		.replace(/\0/g, '\uFFFD')
		.replace(/\u2060/g, '')
		.replace(/\s+/g, ' ')
		.trim();

describe('htmlComment', () => {
	it('splits every double hyphen, so nothing inside can close the comment', () => {
		expect(htmlComment('a --> b --!> c ---- d')).toBe('a - -> b - -!> c - - - - d');
	});

	it('keeps any text inside one comment of a Markdown body, and what follows stays a paragraph', async () => {
		await fc.assert(
			fc.asyncProperty(hostileText, async (text) => {
				const html = (await markdown.render(`<!--\n${htmlComment(text)}\n-->\n\nAfter\n`)).code;
				const nodes = parseFragment(html).childNodes.filter((n) => !(n.nodeName === '#text' && 'value' in n && !n.value.trim()));
				expect(nodes.map((n) => n.nodeName)).toEqual(['#comment', 'p']);
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});

describe('yamlString', () => {
	it('keeps a value on one line in double quotes', () => {
		expect(yamlString('a "b" \\ c\n---\nimport: x\u2028')).toBe(
			'"a \\"b\\" \\\\ c\\u000a---\\u000aimport: x\\u2028"',
		);
	});

	it('reads back as the same string, as the only key, through Astro’s frontmatter split (js-yaml) and the yaml package', () => {
		fc.assert(
			fc.property(hostileText, (text) => {
				const source = `---\nquestion: ${yamlString(text)}\nstatus: draft\n---\n\nBody\n`;
				expect(source.split('\n')).toHaveLength(7);
				// Astro's own frontmatter split, as the build reads it.
				const astro = parseFrontmatter(source);
				expect(astro.frontmatter).toEqual({ question: text, status: 'draft' });
				expect(astro.content).toBe('\n\nBody\n');
				expect(parseYaml(astro.rawFrontmatter)).toEqual({ question: text, status: 'draft' });
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});

describe('markdownText', () => {
	it('shows a URL, an e-mail address and markup from a ticket as text', () => {
		expect(markdownText('see https://evil.example/x or www.evil.example, mail a@b.co | <b>')).toBe(
			'see https\u2060://evil.example/x or www\u2060.evil.example, mail a\u2060@b.co \\| \\<b\\>',
		);
		expect(markdownText('Retry & backoff (0.42).')).toBe('Retry \\& backoff (0.42).');
	});

	it('keeps a list or break marker at the start, and blanks at either end, from making a block', () => {
		expect(markdownText('- a')).toBe('\\- a');
		expect(markdownText('12. a')).toBe('12\\. a');
		expect(markdownText('    code  ')).toBe('&#32;&#32;&#32;&#32;code&#32;&#32;');
		expect(markdownText('# not a heading #')).toBe('\\# not a heading \\#');
	});

	it('renders with GFM as one cell of text: no link, HTML, code or emphasis', () => {
		const gfm = unified().use(remarkParse).use(remarkGfm);
		fc.assert(
			fc.property(hostileText, hostileText, (a, b) => {
				const source = `| A | B |\n| --- | --- |\n| ${markdownText(a)} | ${markdownText(b)} |\n\n- ${markdownText(a)}\n`;
				const tree = gfm.runSync(gfm.parse(source)) as MdastRoot;
				expect(tree.children.map((n) => n.type)).toEqual(['table', 'list']);
				for (const type of new Set(nodeTypes(tree)))
					expect(['table', 'tableRow', 'tableCell', 'list', 'listItem', 'paragraph', 'text']).toContain(type);
				const table = tree.children[0] as { children: { children: RootContent[] }[] };
				expect(table.children[1]!.children.map((cell) => asRead(toString(cell)))).toEqual([
					asRead(a),
					asRead(b),
				]);
				expect(asRead(toString(tree.children[1]!))).toBe(asRead(a));
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});

describe('csvCell', () => {
	it('defuses a formula and quotes it', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvCell('+cmd|/C calc')).toBe(`"'+cmd|/C calc"`);
		expect(csvCell('-2+3')).toBe(`"'-2+3"`);
		expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
		expect(csvCell("'quoted")).toBe(`"''quoted"`);
		expect(csvCell('refund, please')).toBe('"refund, please"');
		expect(csvCell('plain text')).toBe('plain text');
	});

	it('gives back the text from a cell, removing only the prefix it added', () => {
		expect(csvCellText("'=1")).toBe('=1');
		expect(csvCellText("''quoted")).toBe("'quoted");
		expect(csvCellText("'quoted")).toBe("'quoted");
		expect(csvCellText('-1')).toBe('-1');
	});

	it('writes numbers as numbers and ends a record with a line feed', () => {
		expect(csvRecord(['-1', -1, 'a"b'])).toBe(`"'-1",-1,"a""b"\n`);
	});

	it('reads back with csv-parse as the same text, after removing the one documented prefix', () => {
		fc.assert(
			fc.property(fc.array(hostileText, { minLength: 1, maxLength: 4 }), (cells) => {
				const file = csvRecord(cells) + csvRecord(cells);
				const records = parseCsv(file, { relax_column_count: false }) as string[][];
				expect(records).toHaveLength(2);
				for (const record of records) {
					// A file is UTF-8, which has no lone surrogates: they come back as U+FFFD.
					expect(record.map(csvCellText)).toEqual(cells.map((cell) => cell.toWellFormed()));
					// The only change is the documented one: a ' before a formula character or a '.
					record.forEach((cell, i) => {
						const text = cells[i]!.toWellFormed();
						expect(cell).toBe(/^[=+\-@\t\r']/.test(text) ? `'${text}` : text);
					});
					for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
				}
				for (const cell of cells) expect(csvCell(cell)).not.toMatch(/^[=+\-@\t\r]/);
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});
