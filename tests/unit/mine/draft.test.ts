import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FaqSchema } from '../../../src/schemas/faq.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { categoryFor, draftFaq, slugify, type DraftInput } from '../../../src/lib/mine/draft.ts';
import { hostileText, PROPERTY_TIMEOUT, RUNS } from '../support/hostile-text.ts';
import { parseFragment, serialize } from 'parse5';
import { elementsOf } from '../support/html.ts';
import { markdown } from '../support/markdown.ts';
import { questionFrom } from '../../../src/lib/mine/naming.ts';
import type { SuggestionCluster } from '../../../src/lib/mine/suggest.ts';

const cluster: SuggestionCluster = {
	id: 'G002',
	label: 'webhook · retry policy',
	size: 12,
	share: 0.0851,
	searches: 30,
	ticketIds: ['4801', '4802', '4803'],
	queries: [{ id: 'query:3', text: 'webhook retry', count: 30 }],
	representative: {
		id: '4801',
		text: 'Webhook retries stop after three attempts\nOur endpoint returned 500. How does the webhook retry policy work, and can we raise it? Mail [email]',
	},
	terms: ['webhook', 'retry policy', 'attempts'],
	firstSeen: '2026-01-05T10:00:00.000Z',
	lastSeen: '2026-09-18T08:00:00.000Z',
	channels: { email: 8, web: 4 },
	coveredBy: null,
	draft: null,
};

describe('questionFrom', () => {
	it('takes the first sentence that asks something', () => {
		expect(questionFrom(cluster.representative.text)).toBe(
			'How does the webhook retry policy work, and can we raise it?',
		);
	});
	it('turns a subject into a question when nothing is asked', () => {
		expect(questionFrom('caro: command not found after npm install\nzsh says so.')).toBe(
			'Caro: command not found after npm install?',
		);
	});
	it('keeps the question within the schema limit', () => {
		const q = questionFrom(`${'word '.repeat(60)}end`);
		expect(q.length).toBeLessThanOrEqual(160);
		expect(q.endsWith('?')).toBe(true);
	});
});

describe('draftFaq', () => {
	const source = draftFaq({
		cluster,
		wordings: [{ id: '4802', text: 'Deliveries {are} not <b>retried</b> */ at all' }],
		category: 'webhooks',
		totalTickets: 141,
		generatedAt: new Date('2026-11-23T00:00:00Z'),
	});
	const { data, body } = splitFrontmatter(source);

	it('has frontmatter that the FAQ schema accepts, as a draft', () => {
		expect(FaqSchema.parse(data)).toEqual({
			question: 'How does the webhook retry policy work, and can we raise it?',
			category: 'webhooks',
			related: [],
			aliases: [],
			order: 100,
			status: 'draft',
			audience: 'public',
		});
	});

	it('puts the evidence in an HTML comment for the writer', () => {
		const comment = /^<!--\n([\s\S]*?)\n-->$/m.exec(body)?.[1] ?? '';
		expect(comment).toContain('group G002 "webhook · retry policy"');
		expect(comment).toContain(
			'Evidence: 12 tickets (8.5% of 141) and 30 searches that found nothing.',
		);
		expect(comment).toContain('First seen 2026-01-05, last seen 2026-09-18.');
		expect(comment).toContain('Example tickets: 4801, 4802, 4803.');
		expect(comment).toContain('Searches: "webhook retry" (30).');
	});

	it('escapes customer wordings so they cannot become HTML, Markdown or close the comment', () => {
		expect(body).toContain('Deliveries \\{are\\} not \\<b\\>retried\\</b\\> \\*/ at all');
		expect(body.match(/-->/g)).toHaveLength(1);
		expect(body).toContain('Mail \\[email\\]');
	});
});

describe('helpers', () => {
	it('slugifies labels for file names', () => {
		expect(slugify('webhook · retry policy')).toBe('webhook-retry-policy');
		expect(slugify('a'.repeat(10) + ' ' + 'b'.repeat(10), 15)).toBe('aaaaaaaaaa');
	});
	it('picks the most common known category among the tags, else the nearest entry', () => {
		const known = new Set(['webhooks', 'billing']);
		expect(categoryFor(['Webhooks', 'billing', 'webhooks', 'vip'], known, 'cli')).toBe('webhooks');
		expect(categoryFor(['vip'], known, 'cli')).toBe('cli');
		expect(categoryFor([], known, null)).toBe('uncategorized');
	});
});

describe('a draft made from any ticket', () => {
	const draftOf = (input: Partial<DraftInput> & { cluster: SuggestionCluster }) =>
		draftFaq({
			wordings: [],
			category: 'webhooks',
			totalTickets: 141,
			generatedAt: new Date('2026-11-23T00:00:00Z'),
			...input,
		});

	/**
	 * What the draft template itself writes, as the site renders a `.md` entry: one evidence
	 * comment first, then paragraphs, the bold stub and quotes, with no attribute anywhere.
	 */
	async function expectOnlyTheTemplatesMarkup(source: string) {
		const html = (await markdown.render(splitFrontmatter(source).body)).code;
		const top = parseFragment(html).childNodes.filter((n) => !(n.nodeName === '#text' && 'value' in n && !n.value.trim()));
		expect(top[0]!.nodeName).toBe('#comment');
		expect(top.filter((n) => n.nodeName === '#comment')).toHaveLength(1);
		// The comment ran to the template's own end: nothing from a ticket closed it early.
		expect((top[0] as { data: string }).data.trimEnd()).toMatch(/set status: published\.$/);
		expect(serialize(top[1] as never)).toMatch(/^<strong>Writer’s stub/);
		for (const element of elementsOf(html)) {
			expect(['html', 'head', 'body', 'p', 'strong', 'blockquote']).toContain(element.tag);
			expect(element.attributes).toEqual({});
		}
	}

	it('writes a ticket ID holding an import line as text, so even renamed to .mdx it runs nothing', async () => {
		const id = '770\n\nimport "data:text/javascript,process.exit(7)"\nexport const x = 1';
		const source = draftOf({
			cluster: { ...cluster, representative: { id, text: 'How do I stop a retry?' }, ticketIds: [id] },
			wordings: [{ id: `${id}\n{alert(1)}`, text: 'line\nimport y from "z"\n<Script />' }],
		});
		// The evidence comment may hold the ID's lines; outside it, no line starts a statement.
		expect(source.replace(/<!--[\s\S]*?-->/, '')).not.toMatch(/^(import|export)\b/m);
		await expectOnlyTheTemplatesMarkup(source);
	});

	it('keeps a question that could close the frontmatter in one YAML value', () => {
		const text = 'Why \u2028---\nstatus: published\n--- "x": {y}?';
		const source = draftOf({ cluster: { ...cluster, representative: { id: '1', text } } });
		expect(splitFrontmatter(source).data).toMatchObject({ question: questionFrom(text), status: 'draft' });
	});

	it('renders to no element, link or script beyond its own markup, with the question intact', async () => {
		const query = fc.record({ id: hostileText, text: hostileText, count: fc.nat() });
		const ticket = fc.record({ id: hostileText, text: hostileText });
		await fc.assert(
			fc.asyncProperty(
				fc.record({
					label: hostileText,
					representative: ticket,
					ticketIds: fc.array(hostileText, { maxLength: 3 }),
					queries: fc.array(query, { maxLength: 2 }),
					terms: fc.array(hostileText, { maxLength: 3 }),
				}),
				fc.array(ticket, { maxLength: 3 }),
				async (parts, wordings) => {
					const source = draftOf({ cluster: { ...cluster, ...parts }, wordings });
					const { data } = splitFrontmatter(source);
					expect(FaqSchema.parse(data).question).toBe(questionFrom(parts.representative.text));
					await expectOnlyTheTemplatesMarkup(source);
				},
			),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});
