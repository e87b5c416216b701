import type { APIRoute } from 'astro';
import { htmlAttribute, htmlText } from '../lib/escape.ts';
import { INDEX_PATH } from '../lib/permalinks.ts';
import { siteConfig } from '../site-config.ts';

/**
 * `/opensearch.xml`: lets a browser add the help center as a search engine, so an agent can type
 * a KB ID or a question into the address bar. Pages point to it with `<link rel="search">`.
 */
export const GET: APIRoute = () =>
	new Response(openSearchDescription(), {
		headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' },
	});

function openSearchDescription(): string {
	const name = siteConfig.edition === 'internal' ? `${siteConfig.name} (internal)` : siteConfig.name;
	const search = `${siteConfig.origin}${INDEX_PATH.search}?q={searchTerms}`;
	return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
	<ShortName>${htmlText(name.slice(0, 16))}</ShortName>
	<Description>${htmlText(`Search ${name}`)}</Description>
	<InputEncoding>UTF-8</InputEncoding>
	<Image width="16" height="16" type="image/svg+xml">${htmlText(`${siteConfig.origin}/favicon.svg`)}</Image>
	<Url type="text/html" method="get" template="${htmlAttribute(search)}"/>
	<moz:SearchForm>${htmlText(`${siteConfig.origin}${INDEX_PATH.search}`)}</moz:SearchForm>
</OpenSearchDescription>
`;
}
