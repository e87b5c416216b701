import type { APIRoute } from 'astro';
import { kbEntryPaths, type KbEntry } from '../../../content.ts';
import { kbDocument } from '../../../lib/api.ts';
import { markdownToHtmlFor } from '../../../lib/markdown-html.ts';
import { siteConfig } from '../../../site-config.ts';

/** `/api/kb/<ID>.json` for every KB article that has a page: its fields and its sections. */
export const getStaticPaths = kbEntryPaths;

export const GET: APIRoute<{ entry: KbEntry }> = async ({ props }) =>
	new Response(
		JSON.stringify(await kbDocument(props.entry.data, props.entry.body ?? '', { site: siteConfig.origin, public: siteConfig.publicOrigin }, markdownToHtmlFor(props.entry.filePath)), null, '\t'),
		{ headers: { 'Content-Type': 'application/json; charset=utf-8' } },
	);
