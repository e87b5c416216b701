/**
 * The support lead's report, as Markdown and as one self-contained HTML page: the largest groups as
 * an inline SVG bar chart (covered and uncovered in two colours, with a legend and a table with the
 * same numbers), what covers each group, and which got a draft. The HTML loads nothing: no scripts,
 * fonts or images, and a Content-Security-Policy that forbids fetching anything.
 */
import { htmlText, markdownText } from '../escape.ts';
import { barChart, legend } from '../report/chart.ts';
import { count as num, percent } from '../report/format.ts';
import { figure, paragraph, renderPage, section } from '../report/page.ts';
import { htmlTable, markdownTable, type TableSpec } from '../report/table.ts';
import type { Suggestions, SuggestionCluster } from './suggest.ts';

/** Groups listed in the report tables; suggestions.json has all of them. */
export const REPORT_ROWS = 100;
/** Bars in the chart. */
export const CHART_BARS = 15;
const REJECTED_ROWS = 50;

const pct = (share: number) => percent(share);
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
		// The summary holds only counts and format names the miner wrote.
		`Generated ${s.generatedAt.slice(0, 10)}. ${summaryLine(s)}`,
		'',
		...(s.input.queries > 0 ? [SEARCH_NOTE, ''] : []),
		`${num(s.clusters.length)} groups; ${num(covered)} covered by an existing KB article or FAQ; ` +
			`${num(uncoveredTickets)} tickets are in uncovered groups; ${num(drafts)} draft FAQ entries written.`,
		'',
		`## Largest groups${s.clusters.length > rows.length ? ` (top ${rows.length} of ${num(s.clusters.length)}; all in suggestions.json)` : ''}`,
		'',
		markdownTable(groupsTable(s, rows, false), [0, 2, 3, 4, 5, 6], { caption: false }),
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
	return `${out.join('\n').trimEnd()}\n`;
}

/** The longest group label shown beside a bar; the table has it whole. */
const LABEL_CHARS = 56;

/** The groups table, in HTML (with the example wording) or in Markdown. */
function groupsTable(s: Suggestions, rows: readonly SuggestionCluster[], html: boolean): TableSpec {
	return {
		caption: `Largest groups${s.clusters.length > rows.length ? ` (top ${rows.length} of ${num(s.clusters.length)}; all in suggestions.json)` : ''}`,
		head: ['Group', 'Label', 'Tickets', 'Share', 'Searches', 'First seen', 'Last seen', 'Covered by', 'Draft', ...(html ? ['Example'] : [])],
		rows: rows.map((c) => [
			c.id,
			c.label,
			num(c.size),
			pct(c.share),
			num(c.searches),
			day(c.firstSeen),
			day(c.lastSeen),
			coverText(c),
			c.draft ?? '–',
			...(html ? [c.representative.text.slice(0, 200)] : []),
		]),
		numeric: [2, 3, 4],
		empty: 'No groups.',
	};
}

/** The bar chart of the largest groups (tickets solid, searches striped), described for screen readers. */
export function renderChart(s: Suggestions): string {
	const bars = s.clusters.slice(0, CHART_BARS);
	const uncovered = bars.filter((c) => c.coveredBy === null).length;
	const description =
		bars.length === 0
			? 'No groups.'
			: `Horizontal bars for the ${bars.length} largest groups by tickets plus searches, from ${bars[0]!.size + bars[0]!.searches} down to ${bars.at(-1)!.size + bars.at(-1)!.searches}. ` +
				`${uncovered} of them are not covered by the help center. The table below lists the same numbers.`;
	return barChart({
		id: 'groups-chart',
		title: 'Largest groups of tickets',
		description,
		labelChars: LABEL_CHARS,
		bars: bars.map((c) => {
			const tone = c.coveredBy === null ? 'alt' : 'good';
			return {
				label: `${c.id} ${c.label}`,
				parts: [
					{ value: c.size, tone },
					{ value: c.searches, tone, striped: true },
				],
				text: `${c.size + c.searches}${c.coveredBy === null ? ' (not covered)' : ` (${c.coveredBy.id})`}`,
			};
		}),
	});
}

/** The report as one self-contained HTML page (the report kit's page). */
export function renderHtml(s: Suggestions): string {
	const { covered, drafts, uncoveredTickets } = counts(s);
	const rows = s.clusters.slice(0, REPORT_ROWS);
	const rejected =
		s.rejected.length === 0
			? ''
			: section(
					'rejected',
					`Rejected records (${num(s.rejected.length)})`,
					`<ul>${s.rejected
						.slice(0, REJECTED_ROWS)
						.map((r) => `<li><code>${htmlText(`${r.file}:${r.line}`)}</code>: ${htmlText(r.reason)}</li>`)
						.join('\n')}${s.rejected.length > REJECTED_ROWS ? `<li>… ${num(s.rejected.length - REJECTED_ROWS)} more in suggestions.json</li>` : ''}</ul>`,
				);
	const body = [
		paragraph(summaryLine(s)),
		...(s.input.queries > 0 ? [paragraph(SEARCH_NOTE, 'note')] : []),
		paragraph(
			`${num(s.clusters.length)} groups; ${num(covered)} covered by an existing KB article or FAQ; ${num(uncoveredTickets)} tickets are in uncovered groups; ${num(drafts)} draft FAQ entries written.`,
		),
		figure(
			renderChart(s),
			htmlTable(groupsTable(s, rows, true)),
			legend([
				{ tone: 'good', text: 'covered by the help center' },
				{ tone: 'alt', text: 'not covered' },
				{ tone: 'alt', text: 'searches that found nothing (striped)', striped: true },
			]),
		),
		rejected,
	].join('\n');
	return renderPage({
		title: 'Ticket mining report',
		heading: 'Ticket mining report',
		meta: `Generated ${s.generatedAt.slice(0, 10)}`,
		body,
	});
}
