import fc from 'fast-check';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { renderChart, renderHtml, renderMarkdown } from '../../../src/lib/mine/report.ts';
import type { Suggestions, SuggestionCluster } from '../../../src/lib/mine/suggest.ts';
import { hostileText, PROPERTY_TIMEOUT, RUNS } from '../support/hostile-text.ts';
import { ACTIVE_ELEMENTS, elementsOf } from '../support/html.ts';
import { nodeTypes } from '../support/mdast.ts';

const group = (i: number, covered: boolean, label = `group ${i}`): SuggestionCluster => ({
	id: `G00${i}`,
	label,
	size: 10 - i,
	share: (10 - i) / 40,
	searches: 0,
	ticketIds: [],
	queries: [],
	representative: { id: `${i}`, text: `text <b>${i}</b>` },
	terms: ['a'],
	firstSeen: '2026-01-01T00:00:00.000Z',
	lastSeen: '2026-02-01T00:00:00.000Z',
	channels: {},
	coveredBy: covered ? { id: 'KB-0011', title: 'Retry & backoff', section: null, score: 0.42, margin: 0.2 } : null,
	draft: covered ? null : `content/faq/_suggested/g00${i}.md`,
});

const s: Suggestions = {
	generatedAt: '2026-11-23T00:00:00.000Z',
	input: {
		files: [],
		format: 'zendesk',
		tickets: 40,
		rejected: 1,
		skipped: 0,
		queries: 0,
		searches: 0,
	},
	rejected: [{ file: 'a.json', line: 3, reason: 'not valid JSON' }],
	clusters: [group(1, false, 'webhook <script>alert(1)</script>'), group(2, true), group(3, false)],
};

describe('renderHtml', () => {
	const html = renderHtml(s);

	it('is self-contained: no scripts, no external requests', () => {
		// url(#…) points inside the page (the stripe pattern); anything else would be fetched.
		expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\((?!#)/i);
		expect(html).not.toMatch(/href="https?:/);
		expect(html).toContain(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;"`);
	});

	it('escapes what came from tickets', () => {
		expect(html).toContain('webhook &lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).toContain('text &lt;b&gt;1&lt;/b&gt;');
		expect(html).not.toContain('<script>');
	});

	it('has an accessible chart with a legend, followed by a table with the same numbers', () => {
		expect(html).toContain('<title id="groups-chart-t">Largest groups of tickets</title>');
		expect(html).toMatch(
			/<desc id="groups-chart-d">Horizontal bars for the 3 largest groups[^<]*2 of them are not covered/,
		);
		expect(html).toContain('</span>covered by the help center</li>');
		expect(html).toContain('</span>not covered</li>');
		expect(html).toMatch(/<\/svg>\s*<div class="table"><table><caption>Largest groups<\/caption>/);
		expect(html).toContain(
			'<th scope="row">G002</th><td>group 2</td><td class="num">8</td><td class="num">20.0%</td><td class="num">0</td>',
		);
		expect(html).toContain('<li><code>a.json:3</code>: not valid JSON</li>');
	});

	it('says beside each bar its total and what covers it', () => {
		const chart = renderChart(s);
		expect(chart).toContain('>9 (not covered)</text>');
		expect(chart).toContain('>8 (KB-0011)</text>');
	});
});

describe('renderChart', () => {
	it('stripes the searches after the tickets in the same bar', () => {
		const withSearches: Suggestions = {
			...s,
			clusters: [{ ...group(1, false), size: 4, searches: 4 }],
		};
		const chart = renderChart(withSearches);
		expect(chart.match(/fill="url\(#groups-chart-stripes-alt\)"/g)).toHaveLength(1);
		expect(chart).toContain('>8 (not covered)</text>');
	});

	it('cuts a long label at a word beside its bar; the table keeps it whole', () => {
		const label = 'I keep checking to see if I have received a refund that I requested from a shop';
		const report = { ...s, clusters: [group(1, false, label)] };
		expect(renderChart(report)).toContain('>G001 I keep checking to see if I have received a…</text>');
		expect(renderHtml(report)).toContain(`<td>${label}</td>`);
	});
});

describe('renderMarkdown', () => {
	it('lists the groups with coverage and drafts', () => {
		const md = renderMarkdown(s);
		expect(md).toContain('40 tickets from 0 files (zendesk), 1 rejected, 0 skipped.');
		expect(md).toContain(
			'3 groups; 1 covered by an existing KB article or FAQ; 16 tickets are in uncovered groups; 2 draft FAQ entries written.',
		);
		expect(md).toContain(
			'| G002 | group 2 | 8 | 20.0% | 0 | 2026-01-01 | 2026-02-01 | KB-0011 “Retry \\& backoff” (0.42) | – |',
		);
		expect(md).toContain('| G001 | webhook \\<script\\>alert(1)\\</script\\> |');
		expect(md).toContain('- a.json:3: not valid JSON');
	});

	const gfm = unified().use(remarkParse).use(remarkGfm);
	const render = (md: string) => gfm.runSync(gfm.parse(md)) as Root;
	/** Nodes of a given type anywhere in the tree. */
	const all = (node: Root | RootContent, type: string): RootContent[] =>
		'children' in node
			? (node.children as RootContent[]).flatMap((c) => [...(c.type === type ? [c] : []), ...all(c, type)])
			: [];
	const withTicket = (label: string, text: string, id = '7', reason = 'bad'): Suggestions => ({
		...s,
		rejected: [{ file: 'tickets.json', line: 3, reason }],
		clusters: [{ ...group(1, false, label), representative: { id, text }, terms: [label] }],
	});

	it('shows a URL, a www address and an e-mail address from a ticket as text, not links', () => {
		const md = renderMarkdown(
			withTicket(
				'Login at https://evil.example/reset fails',
				'See www.evil.example or mail help@evil.example; <https://evil.example> [x](https://evil.example)',
			),
		);
		const tree = render(md);
		expect(all(tree, 'link')).toEqual([]);
		expect(toString(tree)).toContain('Login at https\u2060://evil.example/reset fails');
	});

	it('from any ticket, renders with GFM to no link, image, HTML or code the template did not write', () => {
		fc.assert(
			fc.property(hostileText, hostileText, hostileText, hostileText, (label, text, id, reason) => {
				const tree = render(renderMarkdown(withTicket(label, text, id, reason)));
				for (const type of new Set(nodeTypes(tree)))
					expect(['heading', 'paragraph', 'text', 'table', 'tableRow', 'tableCell', 'list', 'listItem']).toContain(type);
				// Each group is one table row, each rejected record one list item.
				expect(all(tree, 'tableRow')).toHaveLength(2);
				expect(all(tree, 'listItem')).toHaveLength(1);
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);

	it('from any ticket, renders report.html with no element or attribute that runs or loads', () => {
		fc.assert(
			fc.property(hostileText, hostileText, hostileText, hostileText, (label, text, id, reason) => {
				const page = renderHtml(withTicket(label, text, id, reason));
				for (const { tag, attributes } of elementsOf(page)) {
					expect(ACTIVE_ELEMENTS).not.toContain(tag);
					expect(Object.keys(attributes).filter((a) => /^on|^(?:src|href|xlink:href|action)$/i.test(a))).toEqual([]);
				}
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});
