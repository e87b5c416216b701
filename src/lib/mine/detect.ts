/**
 * Telling an export's format from its content, never its file name: first the container (JSON,
 * JSON Lines or CSV) from the first bytes, then the tool from the first record's fields or the CSV
 * header.
 */
import { chatwoot } from './adapters/chatwoot.ts';
import { mappedCsv } from './adapters/csv.ts';
import { freshdeskCsv, freshdeskJson } from './adapters/freshdesk.ts';
import { github } from './adapters/github.ts';
import { helpscout } from './adapters/helpscout.ts';
import { zendesk } from './adapters/zendesk.ts';
import { FORMATS, type CsvAdapter, type FormatName, type JsonAdapter } from './ticket.ts';

/** JSON adapters in the order they are tried; the more specific shapes come first. */
export const JSON_ADAPTERS: readonly JsonAdapter[] = [
	chatwoot,
	helpscout,
	github,
	freshdeskJson,
	zendesk,
];
/** CSV adapters; `csv` (column map) is the fallback. */
export const CSV_ADAPTERS: readonly CsvAdapter[] = [freshdeskCsv, mappedCsv];

/** How the file's text is structured. */
export type Container = 'json' | 'jsonl' | 'csv';

/** The help text for `--format`. */
export const SUPPORTED = `supported formats: auto, ${FORMATS.join(', ')}`;

/**
 * The container of a file from its first bytes: `empty` when there is nothing but whitespace, null
 * when it is none of JSON, JSON Lines and CSV.
 */
export function detectContainer(head: string): Container | 'empty' | null {
	const text = head.replace(/^\ufeff/, '').trimStart();
	if (text === '') return 'empty';
	if (text.startsWith('[')) return 'json';
	if (text.startsWith('{')) {
		// JSON Lines: the first line is a complete value. A pretty-printed document's first line is "{".
		const newline = text.indexOf('\n');
		if (newline < 0) return 'json';
		try {
			JSON.parse(text.slice(0, newline));
			return 'jsonl';
		} catch {
			return 'json';
		}
	}
	const first = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
	// A CSV header is a line of short labels; binary or prose is not.
	if (/[\x00-\x08\x0e-\x1f]/.test(first)) return null;
	return 'csv';
}

/** The JSON adapter whose shape the record has, or the one `format` forces; null when none fits. */
export function jsonAdapterFor(value: unknown, format: FormatName | 'auto'): JsonAdapter | null {
	if (format !== 'auto') return JSON_ADAPTERS.find((a) => a.format === format) ?? null;
	return JSON_ADAPTERS.find((a) => a.detect(value)) ?? null;
}

/**
 * The CSV adapter for a header: the forced format, else a tool whose export this is, else the
 * column-map adapter (`--map`, or common column names). A tool's own export keeps its reader even
 * with `--map`, so one run can mix a Freshdesk export and a hand-made CSV.
 */
export function csvAdapterFor(
	header: readonly string[],
	format: FormatName | 'auto',
): CsvAdapter | null {
	if (format !== 'auto') return CSV_ADAPTERS.find((a) => a.format === format) ?? null;
	return CSV_ADAPTERS.find((a) => a.detect(header)) ?? mappedCsv;
}
