/**
 * Markdown → HTML for the JSON API and the reply template preview, with the plugins the site's
 * own pages use (GFM, heading ids, entry IDs as links), and without syntax highlighting, whose
 * inline colours a helpdesk or mail client would not want.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { rehypeIdLinks } from './id-links.ts';

let processor: Promise<MarkdownRenderer> | undefined;

/** The HTML a Markdown text renders to. */
export async function markdownToHtml(markdown: string): Promise<string> {
	processor ??= createMarkdownProcessor({
		gfm: false,
		remarkPlugins: [remarkGfm],
		rehypePlugins: [rehypeSlug, rehypeIdLinks],
		syntaxHighlight: false,
	});
	return (await (await processor).render(markdown)).code;
}
