// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { rehypeRunbookChecklist } from './src/lib/rehype-runbook-checklist.ts';

export default defineConfig({
	site: process.env.TIERZERO_SITE ?? 'http://localhost:4321',
	trailingSlash: 'always',
	outDir: process.env.TIERZERO_OUT_DIR ?? './dist',
	integrations: [mdx(), sitemap()],
	markdown: {
		remarkPlugins: [remarkGfm],
		rehypePlugins: [rehypeSlug, rehypeRunbookChecklist],
	},
	server: { port: 4321, host: true },
	devToolbar: { enabled: false },
});
