/**
 * Search queries that found nothing (`--queries FILE`), the deflection report's output: one query
 * per line, or CSV with a `query,count` header. Each distinct query becomes a pseudo-ticket
 * `query:<line>` that takes part in grouping like a ticket and brings its count as evidence.
 */
import { csvCellText } from '../escape.ts';
import type { InputFile } from './ingest.ts';
import { csvRows, sniffDelimiter } from './records.ts';
import { redact } from './redact.ts';
import type { Rejection } from './ticket.ts';

/** A distinct zero-result query, redacted, with how often it was searched. */
export interface Query {
	/** `query:<n>`, n the line of its first occurrence. */
	id: string;
	text: string;
	count: number;
}

const MAX_QUERY = 300;

async function* text(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	for await (const c of chunks)
		yield typeof c === 'string' ? c : decoder.decode(c, { stream: true });
	yield decoder.decode();
}

/** Read a queries file; repeated queries (ignoring case and spacing) are merged, counts added. */
export async function readQueries(
	input: InputFile,
): Promise<{ queries: Query[]; rejected: Rejection[] }> {
	const byKey = new Map<string, Query>();
	const rejected: Rejection[] = [];
	const add = (raw: string, count: number, line: number) => {
		const q = redact(raw.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY));
		if (!/[\p{L}\p{N}]/u.test(q.replace(/\[(?:email|phone|ip|secret|card|name)\]/g, ''))) return;
		const key = q.toLowerCase();
		const known = byKey.get(key);
		if (known) known.count += count;
		else byKey.set(key, { id: `query:${line}`, text: q, count });
	};

	// A report of distinct queries is small (thousands of lines), so it is read whole.
	const chunks: string[] = [];
	for await (const c of text(input.chunks)) chunks.push(c);
	const head = chunks.join('').replace(/^\ufeff/, '');
	const firstLine = head.split('\n', 1)[0] ?? '';
	if (/^\s*"?query"?\s*[,;\t]/i.test(firstLine)) {
		let q = -1;
		let c = -1;
		for await (const item of csvRows(
			(async function* () {
				yield head;
			})(),
			sniffDelimiter(firstLine),
		)) {
			if ('error' in item) rejected.push({ file: input.name, line: item.line, reason: item.error });
			else if ('header' in item) {
				const lower = item.header.map((h) => h.trim().toLowerCase());
				q = lower.indexOf('query');
				c = lower.indexOf('count');
			} else {
				const count = c < 0 ? 1 : Number(item.row[c]!.trim());
				if (!Number.isInteger(count) || count < 1) {
					rejected.push({
						file: input.name,
						line: item.line,
						reason: 'count must be a whole number of 1 or more',
					});
				} else add(csvCellText(item.row[q]!), count, item.line);
			}
		}
	} else {
		head.split('\n').forEach((line, i) => add(line, 1, i + 1));
	}
	return { queries: [...byKey.values()], rejected };
}
