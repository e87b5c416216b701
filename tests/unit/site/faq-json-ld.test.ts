import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scriptJson } from '../../../src/lib/escape.ts';
import { faqPageJsonLd } from '../../../src/lib/faq-json-ld.ts';
import { hostileText, PROPERTY_TIMEOUT, RUNS } from '../support/hostile-text.ts';
import { elementsOf } from '../support/html.ts';

/** The head of an FAQ page as the JsonLd component writes it, with an element after the script. */
const head = (data: unknown) =>
	`<!doctype html><html><head><script type="application/ld+json">${scriptJson(data)}</script><link rel="canonical" href="/faq/"></head><body><h1>FAQ</h1></body></html>`;

describe('faqPageJsonLd', () => {
	it('describes each question with its permalink and plain-text answer', () => {
		expect(
			faqPageJsonLd([{ question: 'Why?', url: 'https://help.example/faq/a/why/', answer: 'Because.' }]),
		).toEqual({
			'@context': 'https://schema.org',
			'@type': 'FAQPage',
			mainEntity: [
				{
					'@type': 'Question',
					name: 'Why?',
					url: 'https://help.example/faq/a/why/',
					acceptedAnswer: { '@type': 'Answer', text: 'Because.' },
				},
			],
		});
	});

	it('from any questions and answers, parses back from the HTML and never ends its script', () => {
		const entry = fc.record({ question: hostileText, url: fc.webUrl(), answer: hostileText });
		fc.assert(
			fc.property(fc.array(entry, { minLength: 1, maxLength: 3 }), (entries) => {
				const data = faqPageJsonLd(entries);
				const html = head(data);
				const elements = elementsOf(html);
				expect(elements.map((e) => e.tag)).toEqual(['html', 'head', 'script', 'link', 'body', 'h1']);
				expect(JSON.parse(elements[2]!.text)).toEqual(data);
				expect(html.toLowerCase().split('</script').length).toBe(2);
				expect(html.split('<!--').length).toBe(1);
			}),
			{ numRuns: RUNS },
		);
	}, PROPERTY_TIMEOUT);
});
