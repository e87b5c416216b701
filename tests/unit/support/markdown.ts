/**
 * The `.md` pipeline as astro.config.mjs sets it up (Astro's Rust Markdown processor with GFM, raw
 * HTML and the project's steps), without code highlighting, for tests that check what a Markdown
 * file turns into on the site.
 */
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { satteriSteps } from '../../../src/lib/markdown-steps.ts';

export const markdown = await createSatteriMarkdownProcessor({
	hastPlugins: [satteriSteps()],
	features: { gfm: true, rawHtml: true },
	syntaxHighlight: false,
});
