import type { APIRoute } from 'astro';
import { siteConfig } from '../site-config.ts';

// The internal edition asks every crawler to stay out (its pages also carry noindex); sign-in in
// front of it is what actually keeps them out.
const body =
	siteConfig.edition === 'internal'
		? 'User-agent: *\nDisallow: /\n'
		: `User-agent: *\nAllow: /\nSitemap: ${siteConfig.origin}/sitemap-index.xml\n`;

export const GET: APIRoute = () =>
	new Response(body, {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
