/**
 * Forms filled from the URL's query on the server side, for visitors without JavaScript. A static
 * host serves the same HTML whatever the query string says, so only a server (`npm run serve`,
 * or a host's edge function, see the README) can make `/search/?q=…` keep its query in the box
 * and a shared `/kb/?category=…&severity=…` open with those filter chips chosen (the KB index
 * filters with CSS on the checked chips, so the list follows).
 */
import { htmlAttribute } from './escape.ts';

/** The attribute that marks the /search/ page's input (src/pages/search.astro). */
export const SEARCH_PAGE_INPUT = 'data-search-page-input';

/**
 * The /search/ page's HTML with `query` as the value of its search box. Outside text: it goes
 * through {@link htmlAttribute}. Unchanged when the query is empty or the page has no such box.
 */
export function fillSearchQuery(html: string, query: string): string {
	if (!query) return html;
	// The value goes first, so however the marker attribute is written the tag stays whole.
	const input = new RegExp(`<input(?=\\s[^>]*\\s${SEARCH_PAGE_INPUT}[\\s>/=])`);
	return html.replace(input, () => `<input value="${htmlAttribute(query)}"`);
}

const ATTRIBUTE = /\s([^\s"'=<>/]+)(?:="([^"]*)")?/g;
const CHECKED = /\schecked(?:="[^"]*")?(?=[\s>/])/;

/** An attribute value as written by the build, read back (it escapes only these). */
const unescape = (value: string) =>
	value.replace(/&(?:amp|quot|lt|gt|#39);/g, (e) => ({ '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>', '&#39;': "'" })[e]!);

/**
 * The page's HTML with the radio buttons the query names checked: for each group (`name`) the
 * query gives a value for, the radio with that value, and no other of the group. A value no
 * radio offers changes nothing, so a stale or mistyped link shows the page as built. Radio
 * values and names are compared as written; nothing from the query is written into the page.
 */
export function fillRadioChoices(html: string, params: URLSearchParams): string {
	const radios = [...html.matchAll(/<input\b[^>]*>/g)]
		.map((m) => ({ tag: m[0], at: m.index, attributes: Object.fromEntries([...m[0].matchAll(ATTRIBUTE)].map((a) => [a[1]!.toLowerCase(), unescape(a[2] ?? '')])) }))
		.filter((r) => r.attributes.type === 'radio' && r.attributes.name !== undefined);
	const chosen = new Map<string, string>();
	for (const { attributes } of radios) {
		const wanted = params.get(attributes.name!);
		if (wanted !== null && wanted === attributes.value) chosen.set(attributes.name!, wanted);
	}
	if (chosen.size === 0) return html;
	let out = '';
	let from = 0;
	for (const { tag, at, attributes } of radios) {
		const value = chosen.get(attributes.name!);
		if (value === undefined) continue;
		const bare = tag.replace(CHECKED, '');
		out += html.slice(from, at) + (attributes.value === value ? bare.replace(/^<input/, '<input checked') : bare);
		from = at + tag.length;
	}
	return out + html.slice(from);
}

/** The pages whose forms the server fills, by path. */
const FILLS: Record<string, (html: string, params: URLSearchParams) => string> = {
	'/search/': (html, params) => fillSearchQuery(html, params.get('q') ?? ''),
	'/kb/': fillRadioChoices,
};

/** A built page's HTML with its form filled from the query, for the pages that have one. */
export function fillFromQuery(path: string, html: string, params: URLSearchParams): string {
	const fill = FILLS[path];
	return fill && [...params.keys()].length > 0 ? fill(html, params) : html;
}
