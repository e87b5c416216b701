/**
 * Markdown → HTML for the JSON API and the reply template preview, with the plugins the site's
 * own pages use (GFM, heading ids, entry IDs as links), and without syntax highlighting, whose
 * inline colours a helpdesk or mail client would not want.
 */
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor, satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { markdownToHtml as satteriMarkdownToHtml } from 'satteri';
import GithubSlugger from 'github-slugger';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { htmlAttribute } from './escape.ts';
import { linkEntryIds, rehypeIdLinks } from './id-links.ts';
import { alignAsAttribute, satteriSteps, stepsMayApply } from './markdown-steps.ts';

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

/** The steps a text for the API goes through: no runbook checklist, no table region. */
const apiSteps = () => satteriSteps([(tree) => alignAsAttribute(tree), (tree) => linkEntryIds(tree)]);

/**
 * The Rust processor as Astro sets it up for `.md` (createSatteriMarkdownProcessor), used for a
 * text with an image: Astro marks local images for its image service, which only its processor does.
 */
function astroRustProcessor(): Promise<MarkdownRenderer> {
	rustProcessor ??= createSatteriMarkdownProcessor({
		syntaxHighlight: false,
		features: { gfm: true, rawHtml: true },
		hastPlugins: [apiSteps()],
	});
	return rustProcessor;
}

// Astro's processor turns on GFM and smart punctuation for `.md` (its defaults); rawHtml is ours.
const RUST_FEATURES = { gfm: true, smartPunctuation: true, rawHtml: true } as const;
const steps = apiSteps();

/**
 * Whether a text could have a heading: an ATX heading (also in a quote or list item), a line of
 * `=` or `-` that could underline one, or an HTML heading. Errs on the side of yes.
 */
const MAY_HAVE_HEADING = /^[ \t>*+\-\d.)]*#{1,6}(?:[ \t]|$)|^[ \t>]*(?:=+|-+)[ \t]*$|<h[1-6]\b/im;

/** Astro's heading ids (github-slugger over each heading's text), for a text that may have a heading. */
const headingIds = (ctx: { source: string }) => (MAY_HAVE_HEADING.test(ctx.source) ? satteriHeadingIdsPlugin() : null);

/**
 * The HTML a Markdown text renders to through Astro's Rust processor (Sätteri), as `.md` pages
 * are: the same smart punctuation as the article's page, and several times faster than unified,
 * which matters for the API of a knowledge base of thousands of articles.
 *
 * A text without an image goes to Sätteri directly with the plugins of Astro's processor that
 * can change it: the project's steps, then Astro's heading ids, each only when the text could
 * need it (Astro's image plugins change nothing without an image). A text that needs neither is
 * rendered in one call into Rust, without a tree for plugins to visit: the API renders every
 * section of every article, 40,000 texts on a 10,000-article site, and the same HTML comes out.
 */
export async function markdownToHtmlRust(markdown: string): Promise<string> {
	let html: string | null = null;
	if (/!\[|<img\b/i.test(markdown)) html = (await (await astroRustProcessor()).render(markdown)).code;
	else if (!stepsMayApply(markdown, '') && !/<h[1-6]\b/i.test(markdown)) {
		html = headingIdsInHtml((await satteriMarkdownToHtml(markdown, { features: RUST_FEATURES, hastPlugins: [], data: {} })).html);
	}
	html ??= (await satteriMarkdownToHtml(markdown, { features: RUST_FEATURES, hastPlugins: [steps, headingIds], data: {} })).html;
	// Without the newline Sätteri ends its output with, as unified gives it.
	return html.replace(/\n$/, '');
}

// The character references Sätteri writes in text; any other makes headingIdsInHtml give up.
const TEXT_REFERENCES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const TEXT_REFERENCE = new RegExp(Object.keys(TEXT_REFERENCES).join('|'), 'g');

/**
 * Astro's heading ids (satteriHeadingIdsPlugin: github-slugger over each heading's text, in
 * order) added to HTML that Sätteri rendered from Markdown without plugins, whose headings carry
 * no attributes: a third of the API's sections have a heading and nothing else a plugin is for,
 * and this spares them the copy of their tree into JavaScript. `null` when a heading's text is
 * not certain from the HTML (a character reference or a comment in it, or the word
 * "frontmatter", which Astro's plugin reads differently); the caller then runs the plugin.
 */
export function headingIdsInHtml(html: string): string | null {
	// A heading with attributes was not Markdown's: leave it to the plugin.
	if (/<h[1-6]\s/.test(html)) return null;
	if (!/<h[1-6]>/.test(html)) return html;
	const slugger = new GithubSlugger();
	let unsure = false;
	const out = html.replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_, level: string, inner: string) => {
		const text = inner.replace(/<[^>]*>/g, '');
		const decoded = text.replace(TEXT_REFERENCE, (ref) => TEXT_REFERENCES[ref]!);
		// Any `&` left in the HTML's text starts a reference this does not decode.
		if (inner.includes('<!--') || /frontmatter/.test(text) || text.replace(TEXT_REFERENCE, '').includes('&')) unsure = true;
		const id = slugger.slug(decoded);
		return `<h${level} id="${htmlAttribute(id)}">${inner}</h${level}>`;
	});
	return unsure ? null : out;
}

/**
 * The renderer for an entry's body in the API: the processor that renders the entry's own page
 * (unified for `.mdx`, Sätteri for `.md`), so the API's HTML says what the page says.
 */
export function markdownToHtmlFor(filePath: string | undefined): (markdown: string) => Promise<string> {
	return filePath?.endsWith('.mdx') ? markdownToHtml : markdownToHtmlRust;
}
