/**
 * Tables for the reports, in HTML and in Markdown. Every chart is followed by one of these with
 * the same numbers: screen readers read the table, and a lead can copy it.
 */
import { htmlText, markdownText } from '../escape.ts';

/** A cell: text (escaped here), a number (formatted by the caller), or markup the caller escaped. */
export type Cell = string | number | { html: string; text: string };

export interface TableSpec {
	caption: string;
	head: readonly string[];
	rows: readonly (readonly Cell[])[];
	/** Columns (0-based) holding figures: right-aligned. */
	numeric?: readonly number[];
	/** Said instead of an empty table. */
	empty?: string;
}

const plain = (cell: Cell) => (typeof cell === 'object' ? cell.text : String(cell));

/** An HTML table; the first column heads its row. */
export function htmlTable(spec: TableSpec): string {
	const numeric = spec.numeric ?? [];
	if (spec.rows.length === 0) {
		return `<p class="empty">${htmlText(spec.empty ?? `${spec.caption}: none in this period.`)}</p>`;
	}
	const cls = (i: number) => (numeric.includes(i) ? ' class="num"' : '');
	const content = (cell: Cell) => (typeof cell === 'object' ? cell.html : htmlText(String(cell)));
	const cell = (value: Cell, i: number) =>
		i === 0 ? `<th scope="row"${cls(i)}>${content(value)}</th>` : `<td${cls(i)}>${content(value)}</td>`;
	return `<div class="table"><table><caption>${htmlText(spec.caption)}</caption>
<thead><tr>${spec.head.map((h, i) => `<th scope="col"${cls(i)}>${htmlText(h)}</th>`).join('')}</tr></thead>
<tbody>${spec.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}</tbody>
</table></div>`;
}

/**
 * A GitHub-flavoured Markdown table, its caption a line of text above it (leave it out with
 * `caption: false` where a heading already names the table). `trusted` columns hold text the
 * report itself wrote (figures, dates, ids it generated) and are written as they are; every other
 * cell goes through {@link markdownText}, because it may carry what a stranger typed.
 */
export function markdownTable(
	spec: TableSpec,
	trusted: readonly number[] = spec.numeric ?? [],
	options: { caption?: boolean } = {},
): string {
	if (spec.rows.length === 0) return `${markdownText(spec.empty ?? `${spec.caption}: none in this period.`)}\n`;
	const numeric = spec.numeric ?? [];
	const cell = (value: Cell, i: number) =>
		trusted.includes(i) ? plain(value).replace(/\|/g, '\\|') : markdownText(plain(value));
	return [
		...(options.caption === false ? [] : [markdownText(spec.caption), '']),
		`| ${spec.head.map((h) => markdownText(h)).join(' | ')} |`,
		`| ${spec.head.map((_, i) => (numeric.includes(i) ? '---:' : '---')).join(' | ')} |`,
		...spec.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
		'',
	].join('\n');
}
