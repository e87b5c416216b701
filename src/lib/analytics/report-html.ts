import { htmlAttribute, htmlText } from '../escape.ts';
import { compareIds } from '../permalinks.ts';
import {
	barChart,
	cards,
	type Cell,
	columnChart,
	count,
	describePeriod,
	figure,
	htmlTable,
	interval,
	legend,
	percent,
	percentWithInterval,
	rateLineChart,
	renderPage,
	section,
} from '../report/index.ts';
import type { EntryInfo } from './entries.ts';
import { type DeflectionReport, type QueryCount, rankFailing, REPORT_LIMITS } from './metrics.ts';

/** Says what a bounded list of deflection.json left out, or nothing when it left out nothing. */
const omittedNote = (n: number, text: string) =>
	n > 0 ? `<p class="empty">${htmlText(text.replace('{n}', count(n)))}</p>\n` : '';

/** Entries listed in the helpfulness and agent tables; deflection.json has them all. */
export const ENTRY_ROWS = 50;
/** Entries whose "No" reasons the report lists, worst first. */
export const REASON_ENTRIES = 20;

export { describePeriod, percent };

/** The entry's title linked to its page, or a dash when the content does not know the id. */
export function entryCell(id: string, entries: ReadonlyMap<string, EntryInfo> | undefined): Cell {
	const entry = entries?.get(id);
	if (!entry) return '–';
	return { html: `<a href="${htmlAttribute(entry.url)}">${htmlText(entry.title)}</a>`, text: entry.title };
}

/** "KB-0007 Webhook retries" when the content knows the id, else the id. */
export const entryLabel = (id: string, entries: ReadonlyMap<string, EntryInfo> | undefined) =>
	entries?.has(id) ? `${id} ${entries.get(id)!.title}` : id;

const queryTable = (caption: string, queries: readonly QueryCount[], unit = 'Searches') =>
	htmlTable({ caption, head: ['Query', unit], rows: queries.map((q) => [q.query, count(q.count)]), numeric: [1] });

/** The session outcomes as bars and a table: answered, unresolved, contacted. */
export function outcomesFigure(report: DeflectionReport, id = 'outcomes'): string {
	const whole = report.selfServiceSessions;
	const rows = [
		{ label: 'Answered', value: report.answeredSessions, tone: 'good' as const },
		{ label: 'Unresolved', value: report.unresolvedSessions, tone: 'alt' as const },
		{ label: 'Contacted support', value: report.contactedSessions, tone: 'bad' as const },
	];
	const share = (n: number) => percent(whole === 0 ? null : n / whole);
	return figure(
		barChart({
			id,
			title: 'Outcomes of self-service sessions',
			description: `Bars for answered, unresolved and contacted sessions out of ${whole} self-service sessions. The table below has the numbers.`,
			bars: rows.map((r) => ({ label: r.label, parts: [{ value: r.value, tone: r.tone }], text: `${count(r.value)} (${share(r.value)})` })),
			max: Math.max(1, whole),
		}),
		htmlTable({
			caption: 'Outcomes of self-service sessions',
			head: ['Outcome', 'Sessions', 'Share of self-service sessions'],
			rows: rows.map((r) => [r.label, count(r.value), share(r.value)]),
			numeric: [1, 2],
		}),
	);
}

/** Entries that fail readers, worst first by the Wilson lower bound of their "No" share. */
export function failingFigure(
	report: DeflectionReport,
	entries: ReadonlyMap<string, EntryInfo> | undefined,
	id = 'helpful',
	limit = ENTRY_ROWS,
): string {
	const ranked = rankFailing(report.helpful).slice(0, limit);
	if (ranked.length === 0) return '<p class="empty">No helpful votes in this period.</p>';
	return figure(
		barChart({
			id,
			title: 'Helpfulness per KB article and FAQ, worst first',
			description:
				'Share of Yes votes per entry, the entries most surely failing readers first (by the 95% Wilson lower bound of their No share). The table below has the numbers.',
			bars: ranked.slice(0, 15).map((e) => ({
				label: entryLabel(e.id, entries),
				parts: [{ value: e.rate ?? 0, tone: (e.rate ?? 0) >= 0.5 ? 'good' : 'bad' }],
				text: `${percent(e.rate)} of ${e.yes + e.no}`,
			})),
			max: 1,
		}),
		htmlTable({
			caption: `Helpful votes per KB article and FAQ, worst first${ranked.length < Object.keys(report.helpful).length ? ` (first ${ranked.length})` : ''}`,
			head: ['KB article / FAQ', 'Title', 'Yes', 'No', 'Helpfulness', 'Wilson lower bound', '“No” lower bound', 'Page views'],
			rows: ranked.map((e) => [
				e.id,
				entryCell(e.id, entries),
				count(e.yes),
				count(e.no),
				percent(e.rate),
				percent(e.lowerBound),
				percent(e.noLowerBound),
				count(report.pageViewsById[e.id] ?? 0),
			]),
			numeric: [2, 3, 4, 5, 6, 7],
		}),
	);
}

/** Each failing entry's "No" reasons, newest first, as the visitors wrote them (escaped). */
export function reasonsList(
	report: DeflectionReport,
	entries: ReadonlyMap<string, EntryInfo> | undefined,
	limit = REASON_ENTRIES,
): string {
	const withReasons = rankFailing(report.helpful)
		.filter((e) => e.reasons.length > 0)
		.slice(0, limit);
	if (withReasons.length === 0) return '<p class="empty">No “No” reasons given in this period.</p>';
	return withReasons
		.map(
			(e) => `<h3>${htmlText(entryLabel(e.id, entries))}</h3>
<ul class="plain">${e.reasons.map((r) => `<li><span class="note">${htmlText(r.date)}</span> ${htmlText(r.reason)}</li>`).join('')}</ul>`,
		)
		.join('\n');
}

/** The top queries' journeys: click-through, result clicked most, helpful share, contacted share. */
export function journeysTable(
	report: DeflectionReport,
	entries: ReadonlyMap<string, EntryInfo> | undefined,
): string {
	return htmlTable({
		caption: 'Query journeys: what searchers clicked, whether it helped, whether they contacted support',
		head: ['Query', 'Searches', 'Click-through', 'Clicked most', 'Helpful after the click', 'Contacted support'],
		rows: report.queryJourneys.map((j) => [
			j.query,
			count(j.searches),
			percent(j.clickThroughRate),
			j.topResult === null
				? '–'
				: `${j.topResult.id === null ? j.topResult.target : entryLabel(j.topResult.id, entries)} (${count(j.topResult.clicks)})`,
			j.helpfulShare === null
				? 'no votes'
				: `${percent(j.helpfulShare)} of ${count(j.votesAfterClick.yes + j.votesAfterClick.no)}`,
			`${percent(j.contactedShare)} of ${count(j.sessions)} sessions`,
		]),
		numeric: [1, 2],
		empty: 'No searches in this period.',
	});
}

/** Agent-sent arrivals per entry, most first. */
export function agentTable(
	report: DeflectionReport,
	entries: ReadonlyMap<string, EntryInfo> | undefined,
	limit = ENTRY_ROWS,
): string {
	const rows = Object.entries(report.agentArrivalsById)
		.sort(([a, x], [b, y]) => y - x || compareIds(a, b))
		.slice(0, limit);
	return htmlTable({
		caption: 'Arrivals through links agents sent (?src=agent)',
		head: ['KB article / FAQ', 'Title', 'Agent-sent arrivals', 'All page views'],
		rows: rows.map(([id, n]) => [id, entryCell(id, entries), count(n), count(report.pageViewsById[id] ?? 0)]),
		numeric: [2, 3],
		empty: 'No arrivals through agents’ links in this period.',
	});
}

/**
 * Renders the deflection report as one self-contained HTML page (the report kit's page): summary
 * figures, session outcomes, the funnel, searches and rates per day, helpfulness worst first with
 * the "No" reasons, query journeys, agent-sent arrivals, top queries, contact clicks, and the
 * definitions. Each chart is followed by a table of its numbers; all visitor text is escaped.
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
	const { entries } = options;
	const funnelMax = Math.max(1, report.funnel[0]?.sessions ?? 0);
	const days = report.daily.filter((d) => d.searches > 0 || d.sessions > 0);
	const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
	const body = [
		cards([
			{ label: 'Deflection rate', value: percent(report.deflectionRate), note: `95% CI ${interval(report.deflectionInterval)}` },
			{ label: 'Self-service sessions', value: count(report.selfServiceSessions) },
			{ label: 'Answered', value: count(report.answeredSessions) },
			{ label: 'Unresolved', value: count(report.unresolvedSessions) },
			{ label: 'Contacted support', value: count(report.contactedSessions) },
			{ label: 'Searches', value: count(report.searches) },
			{ label: 'Zero-result rate', value: percent(report.zeroResultRate) },
			{ label: 'Click-through rate', value: percent(report.clickThroughRate) },
			{ label: 'Agent-sent arrivals', value: count(report.agentArrivals) },
		]),
		section('outcomes', 'Session outcomes', outcomesFigure(report)),
		section(
			'funnel',
			'Deflection funnel',
			figure(
				barChart({
					id: 'funnel-chart',
					title: 'Deflection funnel',
					description: 'Sessions at each step; each step is part of the one before. The table below has the numbers.',
					bars: report.funnel.map((s) => ({
						label: s.step,
						parts: [{ value: s.sessions }],
						text: `${count(s.sessions)} (${percent(s.sessions / funnelMax)})`,
					})),
					max: funnelMax,
				}),
				htmlTable({
					caption: 'Deflection funnel',
					head: ['Step', 'Sessions', 'Share of all sessions'],
					rows: report.funnel.map((s) => [s.step, count(s.sessions), percent(rate(s.sessions, report.sessions))]),
					numeric: [1, 2],
				}),
			),
		),
		section(
			'daily',
			'Searches per day',
			omittedNote(report.omitted.days, `Only the last ${REPORT_LIMITS.days} days with events are shown; {n} earlier days count in the totals above.`) +
			(days.length === 0
				? '<p class="empty">No searches or sessions in this period.</p>'
				: [
						figure(
							columnChart({
								id: 'daily-chart',
								title: 'Searches per day',
								description:
									'Columns per UTC day: searches with results stacked on searches with zero results. The table below has the numbers.',
								labels: days.map((d) => d.date.slice(5)),
								stacks: days.map((d) => [
									{ value: d.zeroResultSearches, tone: 'bad' },
									{ value: d.searches - d.zeroResultSearches, tone: 'main' },
								]),
							}),
							'',
							legend([
								{ tone: 'main', text: 'Searches with results' },
								{ tone: 'bad', text: 'Searches with zero results' },
							]),
						),
						figure(
							rateLineChart({
								id: 'rates-chart',
								title: 'Zero-result rate, click-through and deflection per day',
								description:
									'Three lines from 0 to 100 percent per UTC day: zero-result rate with circles, click-through with squares, deflection rate with diamonds. The table below has the numbers.',
								labels: days.map((d) => d.date.slice(5)),
								series: [
									{ values: days.map((d) => rate(d.zeroResultSearches, d.searches)), tone: 'bad', marker: 'circle' },
									{ values: days.map((d) => rate(d.clickedSearches, d.searches)), tone: 'good', marker: 'square' },
									{ values: days.map((d) => rate(d.answeredSessions, d.selfServiceSessions)), tone: 'main', marker: 'diamond' },
								],
							}),
							htmlTable({
								caption: 'Searches, rates and session outcomes per UTC day',
								head: ['Day', 'Searches', 'Zero results', 'Zero-result rate', 'Clicked', 'Click-through', 'Self-service sessions', 'Answered', 'Unresolved', 'Contacted', 'Deflection rate'],
								rows: days.map((d) => [
									d.date,
									count(d.searches),
									count(d.zeroResultSearches),
									percent(rate(d.zeroResultSearches, d.searches)),
									count(d.clickedSearches),
									percent(rate(d.clickedSearches, d.searches)),
									count(d.selfServiceSessions),
									count(d.answeredSessions),
									count(d.unresolvedSessions),
									count(d.contactedSessions),
									percent(rate(d.answeredSessions, d.selfServiceSessions)),
								]),
								numeric: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
							}),
							legend([
								{ tone: 'bad', text: 'Zero-result rate (circles)' },
								{ tone: 'good', text: 'Click-through rate (squares)' },
								{ tone: 'main', text: 'Deflection rate (diamonds)' },
							]),
						),
					].join('\n')),
		),
		section('helpful', 'Helpfulness per KB article and FAQ', failingFigure(report, entries)),
		section('reasons', 'Why readers said “No”', reasonsList(report, entries)),
		section('journeys', 'Query journeys', journeysTable(report, entries)),
		section('agents', 'Links agents sent', agentTable(report, entries)),
		section(
			'queries',
			'Queries',
			[
				queryTable('Top queries', report.topQueries),
				queryTable('Top zero-result queries (content gaps)', report.topZeroResultQueries),
				queryTable('Top abandoned queries (searched, no result clicked)', report.topAbandonedQueries),
				queryTable('Queries of unresolved sessions', report.topUnresolvedQueries, 'Unresolved sessions'),
			].join('\n'),
		),
		section(
			'contact',
			'Contact clicks by channel',
			omittedNote(report.omitted.channels, `Only the ${REPORT_LIMITS.channels} most-clicked channels are listed; {n} more had clicks.`) +
				htmlTable({
					caption: 'Contact clicks by channel',
					head: ['Channel', 'Clicks'],
					rows: Object.entries(report.contactClicksByChannel).map(([channel, n]) => [channel, count(n)]),
					numeric: [1],
				}),
		),
		section(
			'definitions',
			'Definitions',
			`<ul class="plain">${Object.values(report.definitions)
				.map((text) => `<li>${htmlText(text)}</li>`)
				.join('\n')}</ul>`,
		),
	].join('\n\n');
	return renderPage({
		title: `Deflection report – ${options.siteName}`,
		heading: 'Deflection report',
		meta: `${options.siteName} · ${describePeriod(report.range)} · generated ${options.generatedAt} · ${count(report.events)} events, ${count(report.sessions)} sessions`,
		body,
	});
}
