/**
 * The weekly review rendered twice from the same model: one self-contained HTML page (the report
 * kit's page: no script, no request, dark mode, printable) and Markdown to paste into chat or an
 * e-mail. Each figure has the week before beside it, in parentheses.
 */
import { htmlAttribute, htmlText, markdownText } from '../escape.ts';
import { percent, count, duration, interval, change } from '../report/format.ts';
import { barChart, legend } from '../report/chart.ts';
import { cards, figure, renderPage, section } from '../report/page.ts';
import { type Cell, htmlTable, markdownTable, type TableSpec } from '../report/table.ts';
import type { DeflectionReport } from '../analytics/metrics.ts';
import { LEVELS } from './priority.ts';
import type { Review } from './review.ts';
import type { TicketWeek, TimeFigures } from './ticket-times.ts';

const day = (iso: string) => iso.slice(0, 10);
const lastDay = (until: string) => new Date(Date.parse(until) - 1).toISOString().slice(0, 10);
const weekText = (w: { since: string; until: string }) => `${day(w.since)} to ${lastDay(w.until)}`;
/** "12 (9)": this week, the week before in parentheses. */
const beside = (now: string, before: string) => `${now} (${before})`;

/** Section 1's rows: figure, this week, the week before, change. */
function deflectionRows(now: DeflectionReport, before: DeflectionReport): string[][] {
	const row = (name: string, pick: (r: DeflectionReport) => number | null, kind: 'count' | 'rate') => {
		const [a, b] = [pick(now), pick(before)];
		const show = (v: number | null) => (kind === 'rate' ? percent(v) : v === null ? 'n/a' : count(v));
		return [name, show(a), show(b), change(a, b, kind) ?? '–'];
	};
	return [
		row('All sessions', (r) => r.sessions, 'count'),
		row('Self-service sessions', (r) => r.selfServiceSessions, 'count'),
		row('Answered', (r) => r.answeredSessions, 'count'),
		row('Unresolved', (r) => r.unresolvedSessions, 'count'),
		row('Contacted support', (r) => r.contactedSessions, 'count'),
		row('Deflection rate', (r) => r.deflectionRate, 'rate'),
		['Deflection rate, 95% interval', interval(now.deflectionInterval), interval(before.deflectionInterval), '–'],
		row('Searches', (r) => r.searches, 'count'),
		row('Zero-result rate', (r) => r.zeroResultRate, 'rate'),
		row('Click-through rate', (r) => r.clickThroughRate, 'rate'),
		row('Agent-sent arrivals', (r) => r.agentArrivals, 'count'),
	];
}

function deflectionTable(r: Review): TableSpec {
	return {
		caption: 'Deflection funnel and session outcomes',
		head: ['Figure', 'This week', 'Week before', 'Change'],
		rows: deflectionRows(r.deflection.now, r.deflection.before),
		numeric: [1, 2, 3],
	};
}

function nextTable(r: Review): TableSpec {
	return {
		caption: r.mined
			? 'Uncovered ticket groups and failed searches, by tickets plus searches'
			: 'Failed searches (no ticket exports given, so no ticket groups)',
		head: ['Topic', 'Tickets', 'Searches', 'Example queries', 'Ticket IDs', 'Draft'],
		rows: r.next.map((n) => [
			n.label,
			count(n.tickets),
			count(n.searches),
			n.exampleQueries.join(' · ') || '–',
			n.ticketIds.join(', ') || '–',
			n.draft ?? '–',
		]),
		numeric: [1, 2],
		empty: 'Nothing to write: no zero-result or unresolved searches and no uncovered ticket groups this week.',
	};
}

function failingTable(r: Review): TableSpec {
	const before = r.deflection.before.helpful;
	return {
		caption: 'Entries that fail readers, most surely first (Wilson lower bound of the “No” share)',
		head: ['KB article / FAQ', 'Title', 'Yes', 'No', 'Helpfulness (week before)', '“No” lower bound', 'Newest “No” reasons'],
		rows: r.failing.map((e) => [
			e.id,
			r.titles[e.id] ?? '–',
			count(e.yes),
			count(e.no),
			beside(percent(e.rate), percent(before[e.id]?.rate ?? null)),
			percent(e.noLowerBound),
			e.reasons.map((x) => `${x.date}: ${x.reason}`).join(' | ') || '–',
		]),
		numeric: [2, 3, 4, 5],
		empty: 'No “No” votes this week.',
	};
}

function staleTable(r: Review): TableSpec {
	return {
		caption: `KB articles not updated for more than ${r.staleDays} days, oldest first`,
		head: ['KB article', 'Title', 'Category', 'Updated', 'Days'],
		rows: r.stale.map((e) => [e.id, e.title, e.category, e.updated, count(e.days)]),
		numeric: [4],
		empty: `Every KB article was updated in the last ${r.staleDays} days.`,
	};
}

const timeCell = (now: TimeFigures, before: TimeFigures, pick: 'median' | 'p90') =>
	beside(duration(now[pick]), duration(before[pick]));
const withinCell = (now: TimeFigures, before: TimeFigures) =>
	now.target === null
		? 'no target'
		: beside(`${percent(now.withinShare)} of ${count(now.measured)}`, percent(before.withinShare));

function timesTable(r: Review, kind: 'firstResponse' | 'resolution'): TableSpec {
	const t = r.tickets!;
	const label = kind === 'firstResponse' ? 'First response' : 'Resolution';
	return {
		caption: `${label} times per priority against content/policy/priorities.yaml (week before in parentheses)`,
		head: ['Priority', 'Tickets', 'Target', 'Median', '90th percentile', 'Within target'],
		rows: LEVELS.map((level, i) => {
			const now = t.now.levels[i]!;
			const before = t.before.levels[i]!;
			const target = r.targets[level][kind];
			return [
				`${level} ${r.targets[level].name}`,
				beside(count(now.tickets), count(before.tickets)),
				target.minutes === null ? target.text : duration(target.minutes),
				timeCell(now[kind], before[kind], 'median'),
				timeCell(now[kind], before[kind], 'p90'),
				withinCell(now[kind], before[kind]),
			];
		}),
		numeric: [1, 3, 4, 5],
	};
}

function volumeTable(now: TicketWeek, before: TicketWeek): TableSpec {
	return {
		caption: 'Ticket volume',
		head: ['Figure', 'This week', 'Week before', 'Change'],
		rows: [
			['Tickets created', count(now.tickets), count(before.tickets), change(now.tickets, before.tickets, 'count') ?? '–'],
			['Resolved by the export', count(now.resolved), count(before.resolved), change(now.resolved, before.resolved, 'count') ?? '–'],
			['Resolution rate', percent(now.resolutionRate), percent(before.resolutionRate), change(now.resolutionRate, before.resolutionRate, 'rate') ?? '–'],
			['Priority not on the P0–P3 scale (counted, not mapped)', count(now.unmapped.count), count(before.unmapped.count), change(now.unmapped.count, before.unmapped.count, 'count') ?? '–'],
		],
		numeric: [1, 2, 3],
	};
}

function targetsTable(r: Review): TableSpec {
	return {
		caption: 'The playbooks’ targets',
		head: ['Target', 'Goal', 'This week', 'Met?', 'Week before'],
		rows: r.checks.map((c) => [
			c.name,
			c.target,
			c.value,
			c.met === null
				? 'nothing to judge'
				: ({ html: `<span class="${c.met ? 'met' : 'missed'}">${c.met ? 'met' : 'not met'}</span>`, text: c.met ? 'met' : 'not met' } as Cell),
			c.before,
		]),
		numeric: [2, 4],
	};
}

function unmappedNote(t: TicketWeek): string {
	const values = Object.entries(t.unmapped.values);
	if (t.unmapped.count === 0) return 'Every ticket of the week has a priority on the P0–P3 scale.';
	return `${count(t.unmapped.count)} tickets have a priority that does not map to P0–P3 and are counted apart, not guessed: ${values.map(([v, n]) => `${v} ${n}`).join(', ')}.`;
}

/** The review as one self-contained HTML page. */
export function renderReviewHtml(r: Review): string {
	const now = r.deflection.now;
	const before = r.deflection.before;
	const p = (s: string, cls?: string) => `<p${cls ? ` class="${htmlAttribute(cls)}"` : ''}>${htmlText(s)}</p>`;
	const outcomes = ['answeredSessions', 'unresolvedSessions', 'contactedSessions'] as const;
	const outcomeNames = { answeredSessions: 'Answered', unresolvedSessions: 'Unresolved', contactedSessions: 'Contacted support' };
	const tones = { answeredSessions: 'good', unresolvedSessions: 'alt', contactedSessions: 'bad' } as const;
	const sessionMax = Math.max(1, now.selfServiceSessions, before.selfServiceSessions);
	const section1 = [
		cards([
			{ label: 'Deflection rate', value: percent(now.deflectionRate), note: `95% CI ${interval(now.deflectionInterval)}; week before ${percent(before.deflectionRate)}` },
			{ label: 'Self-service sessions', value: count(now.selfServiceSessions), note: `week before ${count(before.selfServiceSessions)}` },
			{ label: 'Tickets created', value: r.tickets ? count(r.tickets.now.tickets) : 'n/a', note: r.tickets ? `week before ${count(r.tickets.before.tickets)}` : 'no ticket exports given' },
		]),
		figure(
			barChart({
				id: 'outcomes-chart',
				title: 'Session outcomes, this week and the week before',
				description: 'For each outcome, a solid bar for this week and a striped bar for the week before. The table below has the numbers.',
				bars: outcomes.flatMap((o) => [
					{ label: `${outcomeNames[o]}, this week`, parts: [{ value: now[o], tone: tones[o] }], text: count(now[o]) },
					{ label: `${outcomeNames[o]}, week before`, parts: [{ value: before[o], tone: tones[o], striped: true }], text: count(before[o]) },
				]),
				max: sessionMax,
			}),
			htmlTable(deflectionTable(r)),
			legend([
				{ tone: 'main', text: 'This week (solid)' },
				{ tone: 'main', text: 'Week before (striped)', striped: true },
			]),
		),
	].join('\n');
	const section2 = [
		r.mined
			? p('The week’s zero-result and unresolved searches were grouped with the ticket exports by the ticket miner (npm run mine); these are the groups no KB article or FAQ covers.', 'note')
			: p('No ticket exports were given (--tickets), so the failed searches stand alone.', 'note'),
		htmlTable(nextTable(r)),
	].join('\n');
	const section3 = [
		htmlTable(failingTable(r)),
		htmlTable(staleTable(r)),
		htmlTable({
			caption: `Stale KB articles per category (more than ${r.staleDays} days)`,
			head: ['Category', 'KB articles'],
			rows: Object.entries(r.staleByCategory).map(([c, n]) => [c, count(n)]),
			numeric: [1],
			empty: 'No stale KB articles.',
		}),
	].join('\n');
	const section4 = r.tickets
		? [
				htmlTable(volumeTable(r.tickets.now, r.tickets.before)),
				p(unmappedNote(r.tickets.now), 'note'),
				figure(
					barChart({
						id: 'first-response-chart',
						title: 'Share of first responses within the policy target, per priority',
						description: 'One bar per priority P0 to P3: the share of this week’s tickets answered within the target. The table below has the numbers.',
						bars: LEVELS.map((level, i) => {
							const f = r.tickets!.now.levels[i]!.firstResponse;
							return { label: level, parts: [{ value: f.withinShare ?? 0, tone: (f.withinShare ?? 1) >= 0.9 ? 'good' : 'bad' }], text: f.target === null ? 'no target' : `${percent(f.withinShare)} of ${count(f.measured)}` };
						}),
						max: 1,
					}),
					htmlTable(timesTable(r, 'firstResponse')),
				),
				htmlTable(timesTable(r, 'resolution')),
			].join('\n')
		: p('No ticket exports were given (--tickets): no response or resolution times this week.', 'empty');
	const body = [
		section('deflection', '1. Deflection funnel and outcomes', section1),
		section('next', '2. What to write next', section2),
		section('failing', '3. Entries that fail readers, and stale entries', section3),
		section('times', '4. Response and resolution times against the policy', section4),
		section('targets', '5. The playbooks’ targets', htmlTable(targetsTable(r))),
	].join('\n\n');
	return renderPage({
		title: `Weekly support review – ${r.siteName}`,
		heading: `Weekly support review, ${weekText(r.week)}`,
		meta: `${r.siteName} · week ${weekText(r.week)} (UTC), week before ${weekText(r.previous)} · generated ${r.generatedAt}`,
		body,
	});
}

/** The review as Markdown: the same sections and tables, figures with the week before beside them. */
export function renderReviewMarkdown(r: Review): string {
	const now = r.deflection.now;
	const out = [
		`# Weekly support review, ${weekText(r.week)}`,
		'',
		`${markdownText(r.siteName)}. Week ${weekText(r.week)} (UTC); the week before (${weekText(r.previous)}) in the “Week before” column or in parentheses. Generated ${r.generatedAt}.`,
		'',
		'## 1. Deflection funnel and outcomes',
		'',
		`Deflection rate ${percent(now.deflectionRate)} (95% CI ${interval(now.deflectionInterval)}): ${count(now.answeredSessions)} of ${count(now.selfServiceSessions)} self-service sessions answered.`,
		'',
		markdownTable(deflectionTable(r), [1, 2, 3]),
		'## 2. What to write next',
		'',
		r.mined
			? 'Zero-result and unresolved searches grouped with the ticket exports by the ticket miner; groups no KB article or FAQ covers.'
			: 'No ticket exports were given, so the failed searches stand alone.',
		'',
		markdownTable(nextTable(r), [1, 2]),
		'## 3. Entries that fail readers, and stale entries',
		'',
		markdownTable(failingTable(r), [2, 3, 4, 5]),
		markdownTable(staleTable(r), [3, 4]),
		'## 4. Response and resolution times against the policy',
		'',
		...(r.tickets
			? [
					markdownTable(volumeTable(r.tickets.now, r.tickets.before), [1, 2, 3]),
					markdownText(unmappedNote(r.tickets.now)),
					'',
					markdownTable(timesTable(r, 'firstResponse'), [1, 2, 3, 4, 5]),
					markdownTable(timesTable(r, 'resolution'), [1, 3, 4, 5]),
				]
			: ['No ticket exports were given: no response or resolution times this week.', '']),
		'## 5. The playbooks’ targets',
		'',
		markdownTable(targetsTable(r), [2, 3, 4]),
	];
	return `${out.join('\n').trimEnd()}\n`;
}
