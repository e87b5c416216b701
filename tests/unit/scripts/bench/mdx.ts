// Compiles Markdown the way the site's MDX integration does (MDX + GFM), so tests can assert that
// generated bodies are valid MDX without running a whole Astro build.
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';

/** The MDX compiler's error message for a body, or null when it compiles. */
export async function mdxError(body: string): Promise<string | null> {
	try {
		await compile(body, { remarkPlugins: [remarkGfm] });
		return null;
	} catch (e) {
		return (e as Error).message;
	}
}
