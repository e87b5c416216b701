/**
 * A reply template's body rendered as the agent will send it: Markdown → HTML, with each
 * `[Placeholder]` as a slot the template form fills (`<span data-placeholder="Name">` holding a
 * `<mark>` until it is filled). Rendered at build time, so the page ships no Markdown parser.
 */
import { htmlAttribute, htmlText } from './escape.ts';
import { splitPlaceholders } from './placeholders.ts';

/** Renders Markdown to HTML (src/lib/markdown-html.ts in the site). */
export type RenderHtml = (markdown: string) => Promise<string>;

/** The HTML of a placeholder slot, unfilled. */
export const placeholderSlot = (name: string): string =>
	`<span data-placeholder="${htmlAttribute(name)}"><mark>[${htmlText(name)}]</mark></span>`;

/**
 * The body as HTML with placeholder slots. Placeholders become plain-letter tokens before
 * rendering, since `[Name]` would otherwise read as a Markdown link reference; a token that ends
 * up inside an attribute (a placeholder used as a link's URL) is written back as `[Name]`.
 */
export async function templatePreviewHtml(body: string, render: RenderHtml): Promise<string> {
	const names: string[] = [];
	const tokenized = splitPlaceholders(body)
		.map((p) => (p.placeholder ? `TZPLACEHOLDER${names.push(p.text) - 1}Z` : p.text))
		.join('');
	const html = await render(tokenized);
	return html
		.replace(/="[^"]*"/g, (attr) => attr.replace(/TZPLACEHOLDER(\d+)Z/g, (_, i: string) => htmlAttribute(`[${names[Number(i)]}]`)))
		.replace(/TZPLACEHOLDER(\d+)Z/g, (_, i: string) => placeholderSlot(names[Number(i)]!));
}

/** Whether a placeholder stands for a link to a KB article (`[KB Link]`, `[Article URL]`). */
export const isKbLinkPlaceholder = (name: string): boolean => /\b(?:KB|Article)\b.*\b(?:Link|URL)\b/i.test(name);
