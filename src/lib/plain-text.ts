/**
 * Markdown/MDX body → plain text, for JSON-LD answers and reply snippets. Keeps link text, drops
 * syntax, imports/exports, JSX comments and HTML tags; code stays as written.
 */
export function markdownToText(md: string): string {
	return md
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.replace(/^(import|export)\s.*$/gm, '')
		.replace(/^```.*$/gm, '')
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/^#{1,6}\s+/gm, '')
		.replace(/^\s*>\s?/gm, '')
		.replace(/(\*\*|__)(.*?)\1/g, '$2')
		.replace(/(^|[^*\w])[*_]([^*_\n]+)[*_](?=[^*\w]|$)/g, '$1$2')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/^\s*[-*+]\s+/gm, '- ')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
