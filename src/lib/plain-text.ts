/**
 * Markdown/MDX body → plain text, for JSON-LD answers and reply snippets. Keeps link text, drops
 * syntax, imports/exports, JSX comments and HTML tags; fenced and inline code stay as written.
 */
export function markdownToText(md: string): string {
	const code: string[] = [];
	// Code is set aside first so that no inline rule below rewrites it.
	const keep = (text: string) => `\u0000${code.push(text) - 1}\u0000`;
	return md
		.replace(/^[ \t]*(```+|~~~+)[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm, (_, _f, body: string) => keep(body.replace(/\n$/, '')))
		.replace(/`([^`\n]+)`/g, (_, c: string) => keep(c))
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.replace(/^(import|export)\s.*$/gm, '')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/<[^>\n]+>/g, '')
		.replace(/^#{1,6}[ \t]+/gm, '')
		.replace(/^[ \t]*>[ \t]?/gm, '')
		.replace(/(\*\*|__)(.*?)\1/g, '$2')
		.replace(/(^|[^*\w])[*_]([^*_\n]+)[*_](?=[^*\w]|$)/gm, '$1$2')
		.replace(/^[ \t]*[-*+][ \t]+/gm, '- ')
		.replace(/\n{3,}/g, '\n\n')
		.replace(/\u0000(\d+)\u0000/g, (_, i: string) => code[Number(i)]!)
		.trim();
}
