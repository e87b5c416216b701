import type { APIRoute } from 'astro';
import { siteConfig } from '../site-config.ts';

export const GET: APIRoute = () =>
	new Response(`User-agent: *\nAllow: /\nSitemap: ${siteConfig.origin}/sitemap-index.xml\n`, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
