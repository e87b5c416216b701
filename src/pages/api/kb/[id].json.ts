import type { APIRoute } from 'astro';
import { kbEntryPaths, type KbEntry } from '../../../content.ts';
import { kbDocumentText } from '../../../lib/api.ts';
import { markdownToHtmlFor } from '../../../lib/markdown-html.ts';
import { siteConfig } from '../../../site-config.ts';

/**
 * `/api/kb/<ID>.json` for every KB article that has a page: its fields and its sections. The dev
 * server serves it from here; a build gives this route no path and writes the files in one pass
 * after the pages (src/integrations/kb-api.ts), through the same kbDocumentText.
 */
export const getStaticPaths = async () => (import.meta.env.DEV ? kbEntryPaths() : []);

export const GET: APIRoute<{ entry: KbEntry }> = async ({ props }) =>
	new Response(
		await kbDocumentText(props.entry.data, props.entry.body ?? '', { site: siteConfig.origin, public: siteConfig.publicOrigin }, markdownToHtmlFor(props.entry.filePath)),
		{ headers: { 'Content-Type': 'application/json; charset=utf-8' } },
	);
