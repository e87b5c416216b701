/**
 * The page every report is: one self-contained HTML file a lead can open from disk, print or attach
 * to an e-mail. Inline CSS and SVG only, no script, and a Content-Security-Policy that forbids
 * every request (`default-src 'none'`), so the file cannot load or send anything. Light and dark
 * colour tokens follow the reader's system; printing always uses the light ones.
 */
import { htmlAttribute, htmlText } from '../escape.ts';

/** The policy in every report's `<meta http-equiv>`: inline styles, nothing else. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

// Each token pair keeps at least 4.5:1 contrast on its background (text) and 3:1 (marks).
const LIGHT = `--bg: #fff; --fg: #1a1f24; --muted: #4a5560; --border: #c5ccd3; --surface: #f4f6f8;
	--main: #0b5cad; --good: #1e6b34; --bad: #b0112b; --alt: #8a4b00;`;
const DARK = `--bg: #12161b; --fg: #e8edf2; --muted: #aab6c2; --border: #3b4550; --surface: #1c232b;
	--main: #7db8ff; --good: #7fd99a; --bad: #ff8a9b; --alt: #f2b56b;`;

const STYLE = `
:root { color-scheme: light dark; ${LIGHT} }
@media (prefers-color-scheme: dark) { :root { ${DARK} } }
@media print { :root { color-scheme: light; ${LIGHT} } body { max-width: none; padding: 0; }
	section, figure, tr, .cards div { break-inside: avoid; } a { color: inherit; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
	background: var(--bg); color: var(--fg); }
a { color: var(--main); }
h1 { margin-bottom: 0.25rem; } .meta, .note { color: var(--muted); } .meta { margin-top: 0; }
section { margin: 2.5rem 0; }
figure { margin: 1rem 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; margin: 1.5rem 0; padding: 0; }
.cards div { background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 0.75rem 1rem; }
.cards dt { color: var(--muted); font-size: 0.9rem; } .cards dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
.cards dd small { display: block; font-size: 0.85rem; font-weight: 400; color: var(--muted); }
svg { display: block; max-width: 100%; height: auto; font-size: 13px; margin: 0.5rem 0 1rem; }
svg text { fill: var(--fg); }
svg .main { fill: var(--main); } svg .good { fill: var(--good); } svg .bad { fill: var(--bad); } svg .alt { fill: var(--alt); }
svg .paper { fill: var(--bg); }
svg .outline-main { stroke: var(--main); } svg .outline-good { stroke: var(--good); }
svg .outline-bad { stroke: var(--bad); } svg .outline-alt { stroke: var(--alt); }
.line { fill: none; stroke-width: 2; } .line-main { stroke: var(--main); } .line-good { stroke: var(--good); }
.line-bad { stroke: var(--bad); } .line-alt { stroke: var(--alt); }
.axis { stroke: var(--muted); } .grid { stroke: var(--border); stroke-dasharray: 4 4; }
.target { stroke: var(--fg); stroke-dasharray: 8 4; }
.legend { display: flex; gap: 1.25rem; flex-wrap: wrap; padding: 0; list-style: none; color: var(--muted); }
.key { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.35em; vertical-align: -0.1em; }
.key.main { background: var(--main); } .key.good { background: var(--good); } .key.bad { background: var(--bad); }
.key.alt { background: var(--alt); }
.key.striped { background: repeating-linear-gradient(45deg, var(--main) 0 3px, var(--bg) 3px 6px); }
.key.striped.bad { background: repeating-linear-gradient(45deg, var(--bad) 0 3px, var(--bg) 3px 6px); }
.key.striped.alt { background: repeating-linear-gradient(45deg, var(--alt) 0 3px, var(--bg) 3px 6px); }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border-bottom: 1px solid var(--border); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.met { color: var(--good); font-weight: 600; } .missed { color: var(--bad); font-weight: 600; }
.empty { color: var(--muted); }
ul.plain li { margin: 0.35rem 0; }
code { font-size: 0.9em; }
`;

/** A whole report page. `body` is markup the caller built with the kit (everything escaped). */
export function renderPage(spec: {
	/** The `<title>`, e.g. "Deflection report – Caro Help Center". */
	title: string;
	/** The `<h1>`. */
	heading: string;
	/** The line under the heading: site, period, when generated. */
	meta: string;
	body: string;
}): string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${htmlAttribute(REPORT_CSP)}">
<title>${htmlText(spec.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${htmlText(spec.heading)}</h1>
<p class="meta">${htmlText(spec.meta)}</p>
${spec.body}
</main>
</body>
</html>
`;
}

/** A section with its heading; `id` anchors it and names it for assistive technology. */
export function section(id: string, heading: string, body: string): string {
	const safe = htmlAttribute(id);
	return `<section aria-labelledby="${safe}">
<h2 id="${safe}">${htmlText(heading)}</h2>
${body}
</section>`;
}

/** Headline figures as cards: label, value, and an optional small line (the week before). */
export function cards(items: readonly { label: string; value: string; note?: string }[]): string {
	return `<dl class="cards">
${items
	.map(
		(c) =>
			`<div><dt>${htmlText(c.label)}</dt><dd>${htmlText(c.value)}${c.note ? `<small>${htmlText(c.note)}</small>` : ''}</dd></div>`,
	)
	.join('\n')}
</dl>`;
}

/** A paragraph of plain text. */
export const paragraph = (text: string, className?: string) =>
	`<p${className ? ` class="${htmlAttribute(className)}"` : ''}>${htmlText(text)}</p>`;

/** A chart with the table of its numbers right after it, as one figure. */
export const figure = (chart: string, table: string, legendHtml = '') => `<figure>
${legendHtml}${chart}
${table}
</figure>`;
