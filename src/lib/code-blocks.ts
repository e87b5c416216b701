/**
 * Whether a Markdown/MDX body holds a fenced code block, so a page ships the code-copy script
 * only when it has something to copy.
 */
export function hasCodeBlock(body: string | undefined): boolean {
	return /^ {0,3}(```|~~~)/m.test(body ?? '');
}
