/**
 * The schema.org FAQPage data that search engines read from an FAQ page's
 * `<script type="application/ld+json">`. The questions and answers are writers' text, and a mined
 * draft's question is a customer's sentence: write the result with `scriptJson` (the JsonLd
 * component does), never with `JSON.stringify`, so a `</script>` in it stays text.
 */

/** One question as the page shows it: the answer is the body as plain text. */
export interface FaqJsonLdEntry {
	question: string;
	/** The question's absolute permalink. */
	url: string;
	answer: string;
}

/** FAQPage structured data for one or more questions. */
export function faqPageJsonLd(entries: readonly FaqJsonLdEntry[]) {
	return {
		'@context': 'https://schema.org',
		'@type': 'FAQPage',
		mainEntity: entries.map((e) => ({
			'@type': 'Question',
			name: e.question,
			url: e.url,
			acceptedAnswer: { '@type': 'Answer', text: e.answer },
		})),
	};
}
