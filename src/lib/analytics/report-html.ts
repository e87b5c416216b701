import { htmlAttribute, htmlText } from '../escape.ts';
import { clipAtWord } from '../labels.ts';
import type { EntryInfo } from './entries.ts';
import type { DailyFigures, DeflectionReport, QueryCount } from './metrics.ts';

// The report is one file a support lead can open from disk or attach to an e-mail: inline CSS and
// SVG only, and a Content-Security-Policy that forbids any request, so it cannot phone home.
// Every chart has a table beside it carrying the same numbers, for screen readers and for copying.

/** 0.4567 → "45.7%"; null (nothing measured) → "n/a". */
export const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)}%`);
const count = (n: number) => n.toLocaleString('en-US');

/** "2026-11-01 to 2026-11-30 (UTC)" for whole days, exact instants otherwise. */
export function describePeriod(range: { since: string | null; until: string | null }): string {
	const midnight = (iso: string) => iso.endsWith('T00:00:00.000Z');
	const since = range.since === null ? 'the first event' : midnight(range.since) ? range.since.slice(0, 10) : range.since;
	const until =
		range.until === null
			? 'the last event'
			: midnight(range.until)
				? new Date(Date.parse(range.until) - 1).toISOString().slice(0, 10)
				: `${range.until} (exclusive)`;
	return `${since} to ${until}${[range.since, range.until].some((v) => v !== null) ? ' (UTC)' : ''}`;
}

const W = 720;
let chartSeq = 0;

/** Horizontal bars, one per row: labels on the left, bar and value on the right. */
function barsChart(
	title: string,
	description: string,
	rows: { label: string; value: number; text: string; className?: string }[],
	max = Math.max(1, ...rows.map((r) => r.value)),
): string {
	const id = `chart-${++chartSeq}`;
	const rowH = 28;
	const labelW = 300;
	const barW = W - labelW - 90;
	const height = rows.length * rowH + 8;
	const bars = rows
		.map((row, i) => {
			const y = 4 + i * rowH;
			const w = max === 0 ? 0 : Math.max(row.value > 0 ? 2 : 0, (row.value / max) * barW);
			// About 7.5 px a character: longer labels would run off the left edge.
			const label = clipAtWord(row.label, 38);
			return `<text x="${labelW - 8}" y="${y + 18}" text-anchor="end">${htmlText(label)}</text>
<rect class="${row.className ?? 'bar'}" x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 10}" rx="2"/>
<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 18}">${htmlText(row.text)}</text>`;
		})
		.join('\n');
	return `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${W} ${height}" width="100%">
<title id="${id}-t">${htmlText(title)}</title><desc id="${id}-d">${htmlText(description)}</desc>
${bars}
</svg>`;
}

/** Columns per day, each split into two stacked parts (e.g. searches with and without results). */
function dailyColumnsChart(daily: readonly DailyFigures[]): string {
	const id = `chart-${++chartSeq}`;
	const height = 220;
	const top = 10;
	const bottom = 40;
	const left = 44;
	const plotH = height - top - bottom;
	const plotW = W - left - 10;
	const max = Math.max(1, ...daily.map((d) => d.searches));
	const step = plotW / Math.max(1, daily.length);
	const colW = Math.max(2, Math.min(40, step * 0.7));
	const labelEvery = Math.ceil(daily.length / 10);
	// Zero-result searches at the bottom of each column, searches with results stacked on top.
	const columns = daily
		.map((d, i) => {
			const x = (left + i * step + (step - colW) / 2).toFixed(1);
			const zeroH = (d.zeroResultSearches / max) * plotH;
			const restH = ((d.searches - d.zeroResultSearches) / max) * plotH;
			const base = top + plotH;
			const tick =
				i % labelEvery === 0
					? `<text x="${(Number(x) + colW / 2).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${htmlText(d.date.slice(5))}</text>`
					: '';
			return `<rect class="bar-zero" x="${x}" y="${(base - zeroH).toFixed(1)}" width="${colW.toFixed(1)}" height="${zeroH.toFixed(1)}"/>
<rect class="bar" x="${x}" y="${(base - zeroH - restH).toFixed(1)}" width="${colW.toFixed(1)}" height="${restH.toFixed(1)}"/>${tick}`;
		})
		.join('\n');
	return `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${W} ${height}" width="100%">
<title id="${id}-t">Searches per day</title><desc id="${id}-d">Columns per UTC day: searches with results stacked on searches with zero results. Most in one day: ${max}. The table below has the numbers.</desc>
<line class="axis" x1="${left}" y1="${top + plotH}" x2="${W - 10}" y2="${top + plotH}"/>
<text x="${left - 6}" y="${top + 10}" text-anchor="end">${max}</text>
<text x="${left - 6}" y="${top + plotH}" text-anchor="end">0</text>
${columns}
</svg>`;
}

/** Two rates per day as lines with distinct markers (circle, square), 0–100 %. */
function dailyRatesChart(daily: readonly DailyFigures[]): string {
	const id = `chart-${++chartSeq}`;
	const height = 200;
	const top = 10;
	const bottom = 40;
	const left = 44;
	const plotH = height - top - bottom;
	const plotW = W - left - 10;
	const step = plotW / Math.max(1, daily.length);
	const x = (i: number) => left + i * step + step / 2;
	const y = (rate: number) => top + plotH - rate * plotH;
	const series = (pick: (d: DailyFigures) => number | null, className: string, marker: 'circle' | 'square') => {
		const points = daily
			.map((d, i) => ({ i, rate: pick(d) }))
			.filter((p): p is { i: number; rate: number } => p.rate !== null);
		const line = points.map((p) => `${x(p.i).toFixed(1)},${y(p.rate).toFixed(1)}`).join(' ');
		const marks = points
			.map((p) =>
				marker === 'circle'
					? `<circle class="${className}" cx="${x(p.i).toFixed(1)}" cy="${y(p.rate).toFixed(1)}" r="4"/>`
					: `<rect class="${className}" x="${(x(p.i) - 4).toFixed(1)}" y="${(y(p.rate) - 4).toFixed(1)}" width="8" height="8"/>`,
			)
			.join('');
		return `<polyline class="line ${className}" points="${line}"/>${marks}`;
	};
	const labelEvery = Math.ceil(daily.length / 10);
	const ticks = daily
		.map((d, i) =>
			i % labelEvery === 0
				? `<text x="${x(i).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle">${htmlText(d.date.slice(5))}</text>`
				: '',
		)
		.join('');
	const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
	return `<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${W} ${height}" width="100%">
<title id="${id}-t">Zero-result rate and click-through per day</title><desc id="${id}-d">Two lines from 0 to 100 percent per UTC day: zero-result rate with circles, click-through with squares. The table below has the numbers.</desc>
<line class="axis" x1="${left}" y1="${top + plotH}" x2="${W - 10}" y2="${top + plotH}"/>
<line class="grid" x1="${left}" y1="${y(0.5)}" x2="${W - 10}" y2="${y(0.5)}"/>
<text x="${left - 6}" y="${top + 10}" text-anchor="end">100%</text>
<text x="${left - 6}" y="${y(0.5) + 4}" text-anchor="end">50%</text>
<text x="${left - 6}" y="${top + plotH}" text-anchor="end">0%</text>
${series((d) => rate(d.zeroResultSearches, d.searches), 'zero', 'circle')}
${series((d) => rate(d.clickedSearches, d.searches), 'ctr', 'square')}
${ticks}
</svg>`;
}

/** A data table; the first column heads its row. `numeric` columns are right-aligned. */
/** A table cell: text (escaped here), or markup already escaped by the caller. */
type Cell = string | number | { html: string };

function table(caption: string, head: string[], rows: Cell[][], numeric: number[] = []): string {
	if (rows.length === 0) return `<p class="empty">${htmlText(caption)}: none in this period.</p>`;
	const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
	const content = (value: Cell) => (typeof value === 'object' ? value.html : htmlText(String(value)));
	const cell = (value: Cell, i: number) =>
		i === 0 ? `<th scope="row"${cls(i)}>${content(value)}</th>` : `<td${cls(i)}>${content(value)}</td>`;
	return `<table><caption>${htmlText(caption)}</caption>
<thead><tr>${head.map((h, i) => `<th scope="col"${cls(i)}>${htmlText(h)}</th>`).join('')}</tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody>
</table>`;
}

/** The entry's title linked to its page, or a dash when the content does not know the id. */
function entryCell(id: string, entries: ReadonlyMap<string, EntryInfo> | undefined): Cell {
	const entry = entries?.get(id);
	if (!entry) return '–';
	// The URL is the site's origin and an entry's permalink, never a visitor's text.
	return { html: `<a href="${htmlAttribute(entry.url)}">${htmlText(entry.title)}</a>` };
}

const queryTable = (caption: string, queries: readonly QueryCount[]) =>
	table(caption, ['Query', 'Searches'], queries.map((q) => [q.query, count(q.count)]), [1]);

const STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1a1f24; --muted: #4a5560; --border: #c5ccd3;
	--bar: #0b5cad; --zero: #b0112b; --ctr: #1e6b34; --surface: #f4f6f8; }
@media (prefers-color-scheme: dark) { :root { --bg: #12161b; --fg: #e8edf2; --muted: #aab6c2;
	--border: #3b4550; --bar: #7db8ff; --zero: #ff8a9b; --ctr: #7fd99a; --surface: #1c232b; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
	background: var(--bg); color: var(--fg); }
h1 { margin-bottom: 0.25rem; } .meta { color: var(--muted); margin-top: 0; }
section { margin: 2.5rem 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0.75rem; margin: 1.5rem 0; padding: 0; }
.cards div { background: var(--surface); border: 1px solid var(--border); border-radius: 6px; padding: 0.75rem 1rem; }
.cards dt { color: var(--muted); font-size: 0.9rem; } .cards dd { margin: 0; font-size: 1.6rem; font-weight: 600; }
svg { display: block; max-width: 100%; height: auto; font-size: 13px; margin: 0.5rem 0 1rem; }
svg text { fill: var(--fg); }
.bar { fill: var(--bar); } .bar-zero, .zero { fill: var(--zero); } .ctr { fill: var(--ctr); }
.bar-yes { fill: var(--ctr); } .bar-no { fill: var(--zero); }
.line { fill: none; stroke-width: 2; } .line.zero { stroke: var(--zero); } .line.ctr { stroke: var(--ctr); }
.axis { stroke: var(--muted); } .grid { stroke: var(--border); stroke-dasharray: 4 4; }
.legend { display: flex; gap: 1.25rem; flex-wrap: wrap; padding: 0; list-style: none; color: var(--muted); }
.legend span { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.35em; vertical-align: -0.1em; }
.legend .k-bar { background: var(--bar); } .legend .k-zero { background: var(--zero); border-radius: 50%; }
.legend .k-ctr { background: var(--ctr); } .legend .k-zero-bar { background: var(--zero); }
th[scope='row'] { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border-bottom: 1px solid var(--border); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.definitions li { margin: 0.35rem 0; }
.empty { color: var(--muted); }
`;

/**
 * Renders the deflection report as one self-contained HTML page: summary figures, the deflection
 * funnel, searches per day, zero-result rate and click-through per day, helpfulness per KB
 * article/FAQ, top queries and contact clicks, each chart followed by a table of its numbers, and
 * the definitions. All user-typed text (queries, ids) is escaped.
 */
export function renderDeflectionHtml(
	report: DeflectionReport,
	options: {
		siteName: string;
		generatedAt: string;
		/** Titles and URLs of the KB articles and FAQs, by the ids the events carry. */
		entries?: ReadonlyMap<string, EntryInfo>;
	},
): string {
	chartSeq = 0;
	const period = describePeriod(report.range);
	const cards: [string, string][] = [
		['Deflection rate', percent(report.deflectionRate)],
		['Self-service sessions', count(report.selfServiceSessions)],
		['Deflected sessions', count(report.deflectedSessions)],
		['Searches', count(report.searches)],
		['Zero-result rate', percent(report.zeroResultRate)],
		['Click-through rate', percent(report.clickThroughRate)],
		['Contact clicks', count(report.contactClicks)],
	];
	const helpful = Object.entries(report.helpful).sort(
		([a, x], [b, y]) => y.yes + y.no - (x.yes + x.no) || (a < b ? -1 : 1),
	);
	const funnelMax = Math.max(1, report.funnel[0]?.sessions ?? 0);
	const days = report.daily.filter((d) => d.searches > 0 || d.sessions > 0);

	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Deflection report – ${htmlText(options.siteName)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Deflection report</h1>
<p class="meta">${htmlText(options.siteName)} · ${htmlText(period)} · generated ${htmlText(options.generatedAt)} · ${count(report.events)} events, ${count(report.sessions)} sessions</p>

<dl class="cards">
${cards.map(([label, value]) => `<div><dt>${htmlText(label)}</dt><dd>${htmlText(value)}</dd></div>`).join('\n')}
</dl>

<section aria-labelledby="funnel">
<h2 id="funnel">Deflection funnel</h2>
${barsChart(
	'Deflection funnel',
	'Sessions at each step; each step is part of the one before. The table below has the numbers.',
	report.funnel.map((s) => ({
		label: s.step,
		value: s.sessions,
		text: `${count(s.sessions)} (${percent(s.sessions / funnelMax)})`,
	})),
	funnelMax,
)}
${table(
	'Deflection funnel',
	['Step', 'Sessions', 'Share of all sessions'],
	report.funnel.map((s) => [s.step, count(s.sessions), percent(report.sessions === 0 ? null : s.sessions / report.sessions)]),
	[1, 2],
)}
</section>

<section aria-labelledby="daily">
<h2 id="daily">Searches per day</h2>
${
	days.length === 0
		? '<p class="empty">No searches or sessions in this period.</p>'
		: `<ul class="legend"><li><span class="k-bar"></span>Searches with results</li><li><span class="k-zero-bar"></span>Searches with zero results</li></ul>
${dailyColumnsChart(days)}
<h2 id="rates">Zero-result rate and click-through per day</h2>
<ul class="legend"><li><span class="k-zero"></span>Zero-result rate (circles)</li><li><span class="k-ctr"></span>Click-through rate (squares)</li></ul>
${dailyRatesChart(days)}
${table(
	'Searches, zero-result rate and click-through per UTC day',
	['Day', 'Searches', 'Zero results', 'Zero-result rate', 'Clicked', 'Click-through', 'Self-service sessions', 'Deflected sessions'],
	days.map((d) => [
		d.date,
		count(d.searches),
		count(d.zeroResultSearches),
		percent(d.searches === 0 ? null : d.zeroResultSearches / d.searches),
		count(d.clickedSearches),
		percent(d.searches === 0 ? null : d.clickedSearches / d.searches),
		count(d.selfServiceSessions),
		count(d.deflectedSessions),
	]),
	[1, 2, 3, 4, 5, 6, 7],
)}`
}
</section>

<section aria-labelledby="helpful">
<h2 id="helpful">Helpfulness per KB article and FAQ</h2>
${
	helpful.length === 0
		? '<p class="empty">No helpful votes in this period.</p>'
		: `${barsChart(
				'Helpfulness per KB article and FAQ',
				'Share of Yes votes per entry, most-voted first. The table below has the numbers.',
				helpful.slice(0, 30).map(([id, v]) => ({
					label: options.entries?.has(id) ? `${id} ${options.entries.get(id)!.title}` : id,
					value: v.rate ?? 0,
					text: `${percent(v.rate)} of ${v.yes + v.no}`,
					className: (v.rate ?? 0) >= 0.5 ? 'bar-yes' : 'bar-no',
				})),
				1,
			)}
${table(
	'Helpful votes per KB article and FAQ',
	['KB article / FAQ', 'Title', 'Yes', 'No', 'Helpfulness', 'Page views'],
	helpful.map(([id, v]) => [
		id,
		entryCell(id, options.entries),
		count(v.yes),
		count(v.no),
		percent(v.rate),
		count(report.pageViewsById[id] ?? 0),
	]),
	[2, 3, 4, 5],
)}`
}
</section>

<section aria-labelledby="queries">
<h2 id="queries">Queries</h2>
${queryTable('Top queries', report.topQueries)}
${queryTable('Top zero-result queries (content gaps)', report.topZeroResultQueries)}
${queryTable('Top abandoned queries (searched, no result clicked)', report.topAbandonedQueries)}
</section>

<section aria-labelledby="contact">
<h2 id="contact">Contact clicks by channel</h2>
${table(
	'Contact clicks by channel',
	['Channel', 'Clicks'],
	Object.entries(report.contactClicksByChannel).map(([channel, n]) => [channel, count(n)]),
	[1],
)}
</section>

<section aria-labelledby="definitions">
<h2 id="definitions">Definitions</h2>
<ul class="definitions">
${Object.values(report.definitions)
	.map((text) => `<li>${htmlText(text)}</li>`)
	.join('\n')}
</ul>
</section>
</main>
</body>
</html>
`;
}
