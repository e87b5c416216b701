/**
 * Any CSV: `--map subject=Title,body=Text,id=Key,created=Date,tags=Labels,channel=Via` names the
 * columns. Without a map, the usual column names are tried (`subject`/`title`, `body`/`description`/
 * `text`, `id`, `created`/`created_at`/`date`, `tags`/`labels`, `channel`/`source`).
 */
import { InputError } from '../../cli-errors.ts';
import type { AdapterResult, ColumnMap, CsvAdapter } from '../ticket.ts';
import { channelName, tagsOf, timeOf } from './fields.ts';

const GUESSES: Record<keyof ColumnMap, string[]> = {
	subject: ['subject', 'title', 'summary'],
	body: ['body', 'description', 'text', 'message', 'question', 'content'],
	id: ['id', 'ticket id', 'ticket_id', 'key', 'number'],
	created: ['created', 'created_at', 'created at', 'created time', 'date', 'timestamp'],
	tags: ['tags', 'labels', 'label'],
	channel: ['channel', 'source', 'via'],
};
/** The ticket fields `--map` can name. */
export const MAP_FIELDS = Object.keys(GUESSES) as (keyof ColumnMap)[];

/**
 * Column indexes for each ticket field: from the map when given (every mapped column must exist),
 * otherwise from the usual names. Throws a InputError listing the columns when nothing fits.
 */
export function resolveColumns(
	header: readonly string[],
	map: ColumnMap | undefined,
	file: string,
): Record<keyof ColumnMap, number> {
	const lower = header.map((h) => h.trim().toLowerCase());
	const out = {} as Record<keyof ColumnMap, number>;
	for (const field of MAP_FIELDS) {
		const wanted = map?.[field];
		if (wanted !== undefined) {
			const i = lower.indexOf(wanted.trim().toLowerCase());
			if (i < 0) {
				throw new InputError(
					`--map ${field}=${wanted}: no such column; the header has ${header.map((h) => `"${h}"`).join(', ')}`,
					file,
					1,
				);
			}
			out[field] = i;
		} else {
			out[field] = map
				? -1
				: (GUESSES[field].map((g) => lower.indexOf(g)).find((i) => i >= 0) ?? -1);
		}
	}
	if (out.subject < 0 && out.body < 0) {
		throw new InputError(
			`cannot tell which column holds the ticket text; pass --map subject=<column>,body=<column> (the header has ${header.map((h) => `"${h}"`).join(', ')})`,
			file,
			1,
		);
	}
	return out;
}

/** Any CSV through a column map; `format: csv`. */
export const mappedCsv: CsvAdapter = {
	format: 'csv',
	// Chosen with --map or --format csv, or as the fallback for a CSV no tool claims.
	detect: () => false,
	reader(header, { map, file }) {
		const col = resolveColumns(header, map, file);
		const cell = (row: readonly string[], i: number) => (i >= 0 ? (row[i] ?? '') : '');
		const name = file.split(/[\\/]/).pop() ?? file;
		return (row, line): AdapterResult => {
			const id = cell(row, col.id).trim();
			return {
				kind: 'ticket',
				ticket: {
					// Without an ID column the row's place in the file identifies it.
					id: id !== '' ? id : `${name}:${line}`,
					subject: cell(row, col.subject),
					messages: [cell(row, col.body)],
					created: timeOf(cell(row, col.created)),
					channel: channelName(cell(row, col.channel)),
					tags: tagsOf(cell(row, col.tags)),
					personal: [],
				},
			};
		};
	},
};
