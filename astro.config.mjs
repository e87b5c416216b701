// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { contentCheck } from './src/integrations/content-check.ts';
import { dataStoreModule } from './src/integrations/data-store-module.ts';
import { kbApi } from './src/integrations/kb-api.ts';
import { keptOutput } from './src/integrations/kept-output.ts';
import { pageStepHeap } from './src/integrations/page-step-heap.ts';
import { contentRedirects } from './src/integrations/redirects.ts';
import { siteCheck } from './src/integrations/site-check.ts';
import { syncFileIo } from './src/integrations/sync-file-io.ts';
import { rehypeIdLinks } from './src/lib/id-links.ts';
import { rehypeRunbookChecklist } from './src/lib/rehype-runbook-checklist.ts';
import { rehypeTableScroll } from './src/lib/rehype-table-scroll.ts';
import { satteriSteps } from './src/lib/markdown-steps.ts';
import { sitemapFilter } from './src/lib/sitemap-fs.ts';
import { cacheDirFrom, OUT_DIR } from './src/lib/edition.ts';
import { siteConfig } from './src/site-config.ts';

export default defineConfig({
	site: siteConfig.origin,
	trailingSlash: 'always',
	// Styles go inline: a render-blocking stylesheet request costs a phone on a slow network more
	// than the few kilobytes of CSS each page repeats (Lighthouse's first paint and speed index).
	// Two pages at a time: while the writes went through the thread pool, the build waited on each
	// page's two writes (the output and the incremental build's copy) before it rendered the next;
	// at 10,000 articles the page step took 55 s with one and 32–44 s with two (39.6 s with four).
	// Since syncFileIo writes in place, one and two cost the same (3 alternating pairs at 10,000
	// articles: 39.1–45.4 s of CPU for the whole astro build either way), so two stays.
	build: { inlineStylesheets: 'always', concurrency: 2 },
	outDir: process.env.TIERZERO_OUT_DIR ?? OUT_DIR[siteConfig.edition],
	// Separate caches let a benchmark or test build run beside the main one.
	cacheDir: cacheDirFrom(process.env),
	integrations: [
		siteCheck(siteConfig),
		contentCheck(process.env.TIERZERO_CONTENT_DIR ?? './content', process.env.TIERZERO_OUT_DIR ?? './dist'),
		contentRedirects(process.env.TIERZERO_CONTENT_DIR ?? './content'),
		dataStoreModule(),
		// The page step renders thousands of pages into buffers outside V8's heap; counted in the
		// heap's growing limit, they no longer start a full collection every 64 MB.
		pageStepHeap(),
		// Reads and writes in place of the thread pool's round trips: a page costs about eight.
		syncFileIo(),
		// `.mdx` (entries that use components) keeps the unified pipeline and its rehype plugins;
		// the plugins are the steps `satteriSteps` runs for `.md`, in the same order.
		mdx({
			processor: unified({
				// remark-gfm is listed explicitly (tables, task lists, autolinks) instead of the built-in switch.
				gfm: false,
				remarkPlugins: [remarkGfm],
				rehypePlugins: [rehypeSlug, rehypeRunbookChecklist, rehypeIdLinks, rehypeTableScroll],
			}),
		}),
		// Only the public edition is for search engines.
		...(siteConfig.edition === 'public'
			? [sitemap({ filter: sitemapFilter(process.env.TIERZERO_CONTENT_DIR ?? './content') })]
			: []),
		kbApi({ edition: siteConfig.edition, origins: { site: siteConfig.origin, public: siteConfig.publicOrigin } }),
		// Last: what it removes after the build is what no integration before it wrote.
		keptOutput(),
	],
	markdown: {
		// `.md` entries: Astro's Rust Markdown processor (GFM, smart punctuation and heading ids are
		// its own), rendered once by the content layer and kept in its cache between builds.
		// `rawHtml` parses HTML in a body into elements, as unified does, so the steps reach it too.
		processor: satteri({ features: { gfm: true, rawHtml: true }, hastPlugins: [satteriSteps()] }),
		// High-contrast themes keep highlighted code at WCAG AA; global.css switches to the dark one.
		shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
	},
	vite: {
		build: {
			rollupOptions: {
				// MDX modules carry Astro's "use astro:head-inject" directive, which the bundler
				// warns about on every article; the warning says nothing a writer can act on and
				// would bury real errors in the build output.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(warning.message)) return;
					warn(warning);
				},
			},
		},
	},
	server: { port: 4321, host: true },
	devToolbar: { enabled: false },
	experimental: {
		// A rebuild copies pages whose cache key (src/lib/page-cache-key.ts) and code are unchanged
		// from the last build, kept in cacheDir, instead of rendering them again.
		incrementalBuild: true,
	},
});
