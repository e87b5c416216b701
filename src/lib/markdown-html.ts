/**
 * Markdown → HTML for the JSON API and the reply template preview, with the plugins the site's
 * own pages use (GFM, heading ids, entry IDs as links), and without syntax highlighting, whose
 * inline colours a helpdesk or mail client would not want.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { linkEntryIds, rehypeIdLinks } from './id-links.ts';
import { alignAsAttribute, satteriSteps } from './markdown-steps.ts';

let processor: Promise<MarkdownRenderer> | undefined;
let rustProcessor: Promise<MarkdownRenderer> | undefined;

/** The HTML a Markdown text renders to, through unified (as `.mdx` pages are). */
export async function markdownToHtml(markdown: string): Promise<string> {
	processor ??= createMarkdownProcessor({
		gfm: false,
		remarkPlugins: [remarkGfm],
		rehypePlugins: [rehypeSlug, rehypeIdLinks],
		syntaxHighlight: false,
	});
	return (await (await processor).render(markdown)).code;
}

/**
 * The HTML a Markdown text renders to through Astro's Rust processor (Sätteri), as `.md` pages
 * are: the same smart punctuation as the article's page, and several times faster than unified,
 * which matters for the API of a knowledge base of thousands of articles.
 */
export async function markdownToHtmlRust(markdown: string): Promise<string> {
	rustProcessor ??= createSatteriMarkdownProcessor({
		syntaxHighlight: false,
		features: { gfm: true, rawHtml: true },
		hastPlugins: [satteriSteps([(tree) => alignAsAttribute(tree), (tree) => linkEntryIds(tree)])],
	});
	// Without the newline Sätteri ends its output with, as unified gives it.
	return (await (await rustProcessor).render(markdown)).code.replace(/\n$/, '');
}

/**
 * The renderer for an entry's body in the API: the processor that renders the entry's own page
 * (unified for `.mdx`, Sätteri for `.md`), so the API's HTML says what the page says.
 */
export function markdownToHtmlFor(filePath: string | undefined): (markdown: string) => Promise<string> {
	return filePath?.endsWith('.mdx') ? markdownToHtml : markdownToHtmlRust;
}
