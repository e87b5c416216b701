/**
 * The support lead's report, as Markdown and as one self-contained HTML page: the largest groups as
 * an inline SVG bar chart (covered and uncovered in two colours, with a legend and a table with the
 * same numbers), what covers each group, and which got a draft. The HTML loads nothing: no scripts,
 * fonts or images, and a Content-Security-Policy that forbids fetching anything.
 */
import { htmlText, markdownText } from '../escape.ts';
import { clipAtWord } from '../labels.ts';
import type { Suggestions, SuggestionCluster } from './suggest.ts';

/** Groups listed in the report tables; suggestions.json has all of them. */
export const REPORT_ROWS = 100;
/** Bars in the chart. */
export const CHART_BARS = 15;
const REJECTED_ROWS = 50;

const COLOURS = {
	// Both have at least 4.5:1 contrast on white, and differ in lightness too.
	covered: '#1a7f37',
	uncovered: '#b35900',
};

const num = (n: number) => n.toLocaleString('en-US');
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const day = (iso: string | null) => (iso === null ? '–' : iso.slice(0, 10));

function summaryLine(s: Suggestions): string {
	const i = s.input;
	const files = `${i.files.length} file${i.files.length === 1 ? '' : 's'} (${i.format})`;
	const searches =
		i.queries > 0
			? `; ${num(i.queries)} zero-result queries searched ${num(i.searches)} times`
			: '';
	return `${num(i.tickets)} tickets from ${files}, ${num(i.rejected)} rejected, ${num(i.skipped)} skipped${searches}.`;
}

/** How searches count, said once where they appear. */
const SEARCH_NOTE =
	'Each search query joins the group of tickets it resembles and adds its count to the group’s evidence; a group of searches alone is a question people looked for and did not find.';

function counts(s: Suggestions) {
	const covered = s.clusters.filter((c) => c.coveredBy !== null).length;
	const drafts = s.clusters.filter((c) => c.draft !== null).length;
	const uncoveredTickets = s.clusters
		.filter((c) => c.coveredBy === null)
		.reduce((n, c) => n + c.size, 0);
	return { covered, drafts, uncoveredTickets };
}

const coverText = (c: SuggestionCluster) =>
	c.coveredBy === null
		? 'not covered'
		: `${c.coveredBy.id} “${c.coveredBy.title}”${c.coveredBy.section === null ? '' : `, section “${c.coveredBy.section}”`} (${c.coveredBy.score.toFixed(2)})`;

/** The report as Markdown. */
export function renderMarkdown(s: Suggestions): string {
	const { covered, drafts, uncoveredTickets } = counts(s);
	const rows = s.clusters.slice(0, REPORT_ROWS);
	const out = [
		'# Ticket mining report',
		'',
		`Generated ${s.generatedAt.slice(0, 10)}. ${summaryLine(s)}`,
		'',
		...(s.input.queries > 0 ? [SEARCH_NOTE, ''] : []),
		`${num(s.clusters.length)} groups; ${num(covered)} covered by an existing KB article or FAQ; ` +
			`${num(uncoveredTickets)} tickets are in uncovered groups; ${num(drafts)} draft FAQ entries written.`,
		'',
		`## Largest groups${s.clusters.length > rows.length ? ` (top ${rows.length} of ${num(s.clusters.length)}; all in suggestions.json)` : ''}`,
		'',
		'| Group | Label | Tickets | Share | Searches | First seen | Last seen | Covered by | Draft |',
		'| --- | --- | ---: | ---: | ---: | --- | --- | --- | --- |',
		...rows.map(
			(c) =>
				`| ${c.id} | ${markdownText(c.label)} | ${num(c.size)} | ${pct(c.share)} | ${num(c.searches)} | ${day(c.firstSeen)} | ${day(c.lastSeen)} | ${markdownText(coverText(c))} | ${c.draft === null ? '–' : markdownText(c.draft)} |`,
		),
		'',
		'## What customers write',
		'',
		...rows
			.filter((c) => c.size + c.searches > 1)
			.slice(0, 20)
			.flatMap((c) => [
				`### ${c.id}: ${markdownText(c.label)}`,
				'',
				`Terms: ${markdownText(c.terms.join(', '))}. Example (${markdownText(c.representative.id)}): ${markdownText(c.representative.text.slice(0, 300))}`,
				'',
			]),
	];
	if (s.rejected.length > 0) {
		out.push(`## Rejected records (${num(s.rejected.length)})`, '');
		for (const r of s.rejected.slice(0, REJECTED_ROWS))
			out.push(`- ${markdownText(`${r.file}:${r.line}: ${r.reason}`)}`);
		if (s.rejected.length > REJECTED_ROWS)
			out.push(`- … ${num(s.rejected.length - REJECTED_ROWS)} more in suggestions.json`);
		out.push('');
	}
	return `${out.join('\n')}\n`;
}

/** The longest group label shown beside a bar; the tooltip and the table have it whole. */
const LABEL_CHARS = 56;

/** The inline SVG bar chart of the largest groups, described for screen readers. */
export function renderChart(s: Suggestions): string {
	const bars = s.clusters.slice(0, CHART_BARS);
	const max = Math.max(1, ...bars.map((c) => c.size + c.searches));
	const barH = 22;
	const gap = 8;
	// Labels are the customers' own sentences: the column left of the bars takes about 56 characters.
	const left = 420;
	const width = 920;
	const plot = width - left - 70;
	const top = 36;
	const height = top + bars.length * (barH + gap) + 10;
	const uncovered = bars.filter((c) => c.coveredBy === null).length;
	const desc =
		bars.length === 0
			? 'No groups.'
			: `Horizontal bars for the ${bars.length} largest groups by tickets plus searches, from ${bars[0]!.size + bars[0]!.searches} down to ${bars.at(-1)!.size + bars.at(-1)!.searches}. ` +
				`${uncovered} of them are not covered by the help center. The table below lists the same numbers.`;
	const rows = bars.map((c, i) => {
		const y = top + i * (barH + gap);
		const value = c.size + c.searches;
		const kind = c.coveredBy === null ? 'uncovered' : 'covered';
		const wTickets = c.size === 0 ? 0 : Math.max(2, Math.round((c.size / max) * plot));
		const wSearches = c.searches === 0 ? 0 : Math.max(2, Math.round((c.searches / max) * plot));
		const label = `${c.id} ${c.label}`;
		// About 7 px per character at 13 px: the label must fit left of the bars.
		const short = clipAtWord(label, LABEL_CHARS);
		const tip = `${label}: ${c.size} tickets, ${c.searches} searches (${c.coveredBy === null ? 'not covered' : `covered by ${c.coveredBy.id}`})`;
		return [
			`<text x="${left - 8}" y="${y + barH / 2 + 5}" text-anchor="end">${htmlText(short)}</text>`,
			`<g><title>${htmlText(tip)}</title>`,
			wTickets > 0
				? `<rect x="${left}" y="${y}" width="${wTickets}" height="${barH}" fill="${COLOURS[kind]}"/>`
				: '',
			wSearches > 0
				? `<rect x="${left + wTickets}" y="${y + 0.5}" width="${wSearches - 0.5}" height="${barH - 1}" fill="url(#searches-${kind})" stroke="${COLOURS[kind]}"/>`
				: '',
			`</g>`,
			`<text x="${left + wTickets + wSearches + 6}" y="${y + barH / 2 + 5}">${value}</text>`,
		].join('');
	});
	// Searches are striped, so tickets and searches differ without relying on colour.
	const pattern = (kind: 'covered' | 'uncovered') =>
		`<pattern id="searches-${kind}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="${COLOURS[kind]}"/></pattern>`;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" font-family="system-ui, sans-serif" font-size="13">`,
		`<title id="chart-title">Largest groups of tickets</title>`,
		`<desc id="chart-desc">${htmlText(desc)}</desc>`,
		`<defs>${pattern('covered')}${pattern('uncovered')}</defs>`,
		`<g aria-hidden="true">`,
		// The legend starts at the left edge: it is wider than the bars' column.
		`<rect x="0" y="6" width="14" height="14" fill="${COLOURS.covered}"/><text x="20" y="18">covered by the help center</text>`,
		`<rect x="210" y="6" width="14" height="14" fill="${COLOURS.uncovered}"/><text x="230" y="18">not covered</text>`,
		`<rect x="330.5" y="6.5" width="13" height="13" fill="url(#searches-uncovered)" stroke="${COLOURS.uncovered}"/><text x="350" y="18">searches that found nothing</text>`,
		...rows,
		`</g>`,
		`</svg>`,
	].join('\n');
}

/** The report as one self-contained HTML page. */
export function renderHtml(s: Suggestions): string {
	const { covered, drafts, uncoveredTickets } = counts(s);
	const rows = s.clusters.slice(0, REPORT_ROWS);
	const table = [
		`<table>`,
		`<caption>Largest groups${s.clusters.length > rows.length ? ` (top ${rows.length} of ${num(s.clusters.length)}; all in suggestions.json)` : ''}</caption>`,
		`<thead><tr><th scope="col">Group</th><th scope="col">Label</th><th scope="col">Tickets</th><th scope="col">Share</th><th scope="col">Searches</th><th scope="col">First seen</th><th scope="col">Last seen</th><th scope="col">Covered by</th><th scope="col">Draft</th><th scope="col">Example</th></tr></thead>`,
		`<tbody>`,
		...rows.map(
			(c) =>
				`<tr><th scope="row">${htmlText(c.id)}</th><td>${htmlText(c.label)}</td><td class="n">${num(c.size)}</td><td class="n">${pct(c.share)}</td><td class="n">${num(c.searches)}</td><td>${day(c.firstSeen)}</td><td>${day(c.lastSeen)}</td>` +
				`<td class="${c.coveredBy === null ? 'no' : 'yes'}">${htmlText(coverText(c))}</td><td>${c.draft === null ? '–' : `<code>${htmlText(c.draft)}</code>`}</td><td>${htmlText(c.representative.text.slice(0, 200))}</td></tr>`,
		),
		`</tbody>`,
		`</table>`,
	];
	const rejected =
		s.rejected.length === 0
			? []
			: [
					`<h2>Rejected records (${num(s.rejected.length)})</h2>`,
					`<ul>`,
					...s.rejected
						.slice(0, REJECTED_ROWS)
						.map((r) => `<li><code>${htmlText(`${r.file}:${r.line}`)}</code>: ${htmlText(r.reason)}</li>`),
					...(s.rejected.length > REJECTED_ROWS
						? [`<li>… ${num(s.rejected.length - REJECTED_ROWS)} more in suggestions.json</li>`]
						: []),
					`</ul>`,
				];
	return [
		'<!doctype html>',
		'<html lang="en">',
		'<head>',
		'<meta charset="utf-8">',
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		'<title>Ticket mining report</title>',
		'<style>',
		'body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}',
		'table{border-collapse:collapse;width:100%;font-size:14px}caption{text-align:left;font-weight:600;padding:.5rem 0}',
		'th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}td.n{text-align:right}',
		`td.yes{color:${COLOURS.covered}}td.no{color:${COLOURS.uncovered}}code{font-size:13px}`,
		'</style>',
		'</head>',
		'<body>',
		'<main>',
		'<h1>Ticket mining report</h1>',
		`<p>Generated ${htmlText(s.generatedAt.slice(0, 10))}. ${htmlText(summaryLine(s))}</p>`,
		...(s.input.queries > 0 ? [`<p>${htmlText(SEARCH_NOTE)}</p>`] : []),
		`<p>${num(s.clusters.length)} groups; ${num(covered)} covered by an existing KB article or FAQ; ${num(uncoveredTickets)} tickets are in uncovered groups; ${num(drafts)} draft FAQ entries written.</p>`,
		'<figure>',
		renderChart(s),
		'<figcaption>Tickets (solid) plus zero-result searches (striped) per group. The table below has the same numbers.</figcaption>',
		'</figure>',
		...table,
		...rejected,
		'</main>',
		'</body>',
		'</html>',
		'',
	].join('\n');
}
