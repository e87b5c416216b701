/**
 * The reports' inline SVG charts: horizontal bars, stacked columns per day, and lines of rates.
 * Each is an `<svg role="img">` named by its `<title>` and `<desc>`; colours come from the page's
 * tokens (page.ts), so they follow dark mode and print. A chart never stands alone: the caller
 * puts a table of the same numbers after it (figure.ts).
 */
import { htmlAttribute, htmlText } from '../escape.ts';
import { clipAtWord } from '../labels.ts';

const W = 720;

/** Colour roles the page styles (page.ts): the main series, good, bad, a second series. */
export type Tone = 'main' | 'good' | 'bad' | 'alt';

function frame(id: string, title: string, description: string, height: number, body: string): string {
	const safe = htmlAttribute(id);
	return `<svg role="img" aria-labelledby="${safe}-t ${safe}-d" viewBox="0 0 ${W} ${height}" width="100%">
<title id="${safe}-t">${htmlText(title)}</title><desc id="${safe}-d">${htmlText(description)}</desc>
${body}
</svg>`;
}

/** One bar: its parts side by side (a single part for a plain bar), and the text after it. */
export interface Bar {
	label: string;
	parts: readonly { value: number; tone?: Tone; striped?: boolean }[];
	/** What the bar says at its end, e.g. "12 (40.0%)". */
	text: string;
}

/**
 * Horizontal bars, one per row, labels on the left. `max` is the value of a full-width bar
 * (default: the largest bar). Striped parts differ from solid ones without relying on colour.
 */
export function barChart(spec: {
	id: string;
	title: string;
	description: string;
	bars: readonly Bar[];
	max?: number;
	/** Characters of a label before it is clipped at a word; the table has it whole. */
	labelChars?: number;
}): string {
	const total = (b: Bar) => b.parts.reduce((n, p) => n + p.value, 0);
	const max = spec.max ?? Math.max(1, ...spec.bars.map(total));
	const rowH = 28;
	const labelW = 300;
	const barW = W - labelW - 110;
	const chars = spec.labelChars ?? 38;
	const height = spec.bars.length * rowH + 8;
	const striped = spec.bars.some((b) => b.parts.some((p) => p.striped));
	const defs = striped
		? `<defs>${(['main', 'good', 'bad', 'alt'] as const)
				.map(
					(tone) =>
						`<pattern id="${htmlAttribute(spec.id)}-stripes-${tone}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="paper" width="6" height="6"/><rect class="${tone}" width="3" height="6"/></pattern>`,
				)
				.join('')}</defs>`
		: '';
	const rows = spec.bars
		.map((bar, i) => {
			const y = 4 + i * rowH;
			let x = labelW;
			const rects = bar.parts
				.map((part) => {
					const w = max <= 0 ? 0 : Math.max(part.value > 0 ? 2 : 0, (part.value / max) * barW);
					const tone = part.tone ?? 'main';
					const fill = part.striped ? ` fill="url(#${htmlAttribute(spec.id)}-stripes-${tone})"` : '';
					const rect = `<rect class="${part.striped ? `outline-${tone}` : tone}"${fill} x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 10}" rx="2"/>`;
					x += w;
					return rect;
				})
				.join('');
			return `<text x="${labelW - 8}" y="${y + 18}" text-anchor="end">${htmlText(clipAtWord(bar.label, chars))}</text>
${rects}<text x="${(x + 6).toFixed(1)}" y="${y + 18}">${htmlText(bar.text)}</text>`;
		})
		.join('\n');
	return frame(spec.id, spec.title, spec.description, height, `${defs}${rows}`);
}

/** Column charts and line charts share the same axis frame. */
const PLOT = { height: 220, top: 10, bottom: 40, left: 52, right: 10 };

function ticks(labels: readonly string[], x: (i: number) => number): string {
	const every = Math.ceil(labels.length / 10);
	return labels
		.map((label, i) =>
			i % every === 0
				? `<text x="${x(i).toFixed(1)}" y="${PLOT.height - PLOT.bottom + 16}" text-anchor="middle">${htmlText(label)}</text>`
				: '',
		)
		.join('');
}

/**
 * Columns, one per label (a day), each a stack of parts from the bottom up (e.g. searches with
 * zero results under searches with results).
 */
export function columnChart(spec: {
	id: string;
	title: string;
	description: string;
	labels: readonly string[];
	/** Per column, the stacked values bottom first, with their tones. */
	stacks: readonly (readonly { value: number; tone: Tone }[])[];
}): string {
	const plotH = PLOT.height - PLOT.top - PLOT.bottom;
	const plotW = W - PLOT.left - PLOT.right;
	const max = Math.max(1, ...spec.stacks.map((s) => s.reduce((n, p) => n + p.value, 0)));
	const step = plotW / Math.max(1, spec.labels.length);
	const colW = Math.max(2, Math.min(40, step * 0.7));
	const base = PLOT.top + plotH;
	const columns = spec.stacks
		.map((stack, i) => {
			const x = PLOT.left + i * step + (step - colW) / 2;
			let y = base;
			return stack
				.map((part) => {
					const h = (part.value / max) * plotH;
					y -= h;
					return `<rect class="${part.tone}" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${colW.toFixed(1)}" height="${h.toFixed(1)}"/>`;
				})
				.join('');
		})
		.join('\n');
	const body = `<line class="axis" x1="${PLOT.left}" y1="${base}" x2="${W - PLOT.right}" y2="${base}"/>
<text x="${PLOT.left - 6}" y="${PLOT.top + 10}" text-anchor="end">${max}</text>
<text x="${PLOT.left - 6}" y="${base}" text-anchor="end">0</text>
${columns}
${ticks(spec.labels, (i) => PLOT.left + i * step + step / 2)}`;
	return frame(spec.id, spec.title, spec.description, PLOT.height, body);
}

/**
 * Lines of rates from 0 to 100%, one point per label; a null value leaves a gap. Each series has
 * its own marker shape (circle, square, diamond), so the lines differ without relying on colour.
 */
export function rateLineChart(spec: {
	id: string;
	title: string;
	description: string;
	labels: readonly string[];
	series: readonly { values: readonly (number | null)[]; tone: Tone; marker: 'circle' | 'square' | 'diamond' }[];
	/** A dashed horizontal line, e.g. a target of 0.6. */
	target?: number;
}): string {
	const plotH = PLOT.height - PLOT.top - PLOT.bottom;
	const plotW = W - PLOT.left - PLOT.right;
	const step = plotW / Math.max(1, spec.labels.length);
	const x = (i: number) => PLOT.left + i * step + step / 2;
	const y = (rate: number) => PLOT.top + plotH - Math.min(1, Math.max(0, rate)) * plotH;
	const mark = (marker: string, tone: Tone, px: number, py: number) =>
		marker === 'circle'
			? `<circle class="${tone}" cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="4"/>`
			: marker === 'square'
				? `<rect class="${tone}" x="${(px - 4).toFixed(1)}" y="${(py - 4).toFixed(1)}" width="8" height="8"/>`
				: `<path class="${tone}" d="M${px.toFixed(1)} ${(py - 5).toFixed(1)}l5 5-5 5-5-5z"/>`;
	const lines = spec.series
		.map((s) => {
			const points = s.values
				.map((v, i) => ({ i, v }))
				.filter((p): p is { i: number; v: number } => p.v !== null);
			const line = points.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
			return `<polyline class="line line-${s.tone}" points="${line}"/>${points.map((p) => mark(s.marker, s.tone, x(p.i), y(p.v))).join('')}`;
		})
		.join('\n');
	const target =
		spec.target === undefined
			? ''
			: `<line class="target" x1="${PLOT.left}" y1="${y(spec.target)}" x2="${W - PLOT.right}" y2="${y(spec.target)}"/>`;
	const body = `<line class="axis" x1="${PLOT.left}" y1="${y(0)}" x2="${W - PLOT.right}" y2="${y(0)}"/>
<line class="grid" x1="${PLOT.left}" y1="${y(0.5)}" x2="${W - PLOT.right}" y2="${y(0.5)}"/>
<text x="${PLOT.left - 6}" y="${PLOT.top + 10}" text-anchor="end">100%</text>
<text x="${PLOT.left - 6}" y="${y(0.5) + 4}" text-anchor="end">50%</text>
<text x="${PLOT.left - 6}" y="${y(0)}" text-anchor="end">0%</text>
${target}${lines}
${ticks(spec.labels, x)}`;
	return frame(spec.id, spec.title, spec.description, PLOT.height, body);
}

/** A legend above a chart: a swatch per series, with the words that tell them apart. */
export function legend(items: readonly { tone: Tone; text: string; striped?: boolean }[]): string {
	return `<ul class="legend">${items
		.map((item) => `<li><span class="key ${item.tone}${item.striped ? ' striped' : ''}"></span>${htmlText(item.text)}</li>`)
		.join('')}</ul>`;
}
