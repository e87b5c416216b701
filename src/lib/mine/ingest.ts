/**
 * Ingest: export files in, compact normalized tickets out. Each file's format is detected from its
 * content (or forced with `--format`), its records stream through the adapter, and only the
 * cleaned, redacted ticket is kept. Bad records are listed with file and line; the run goes on.
 */
import {
	detectContainer,
	csvAdapterFor,
	jsonAdapterFor,
	SUPPORTED,
	type Container,
} from './detect.ts';
import { plausibleTime } from './adapters/fields.ts';
import { InputError } from '../cli-errors.ts';
import { Interner, normalizeTicket } from './normalize.ts';
import { csvRows, jsonRecords, jsonlRecords, sniffDelimiter, type ReadItem } from './records.ts';
import type {
	AdapterResult,
	ColumnMap,
	FormatName,
	JsonAdapter,
	Rejection,
	Ticket,
} from './ticket.ts';
import { redact } from './redact.ts';

/** One export to read: a name for messages and a stream of its bytes or text. */
export interface InputFile {
	name: string;
	chunks: AsyncIterable<string | Uint8Array>;
	/**
	 * Reads the same bytes again from the start, when the source allows (a file does). Used only to
	 * recover the records before a JSON syntax error and the error's exact line.
	 */
	reopen?: () => AsyncIterable<string | Uint8Array>;
}

/** `--format` (or `auto`) and `--map`. */
export interface IngestOptions {
	format: FormatName | 'auto';
	map?: ColumnMap;
}

/** What was read from one file. */
export interface FileSummary {
	file: string;
	format: FormatName;
	tickets: number;
	rejected: number;
	skipped: number;
}

/** The kept tickets in input order, the rejected records, and a summary per file. */
export interface IngestResult {
	tickets: Ticket[];
	rejected: Rejection[];
	files: FileSummary[];
}

// Enough of the start of a file to tell JSON Lines from JSON and read a CSV header.
const HEAD_BYTES = 64 * 1024;

/** Decoded text chunks; a byte-order mark is dropped. */
async function* decode(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8');
	for await (const chunk of chunks) {
		const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		if (text !== '') yield text;
	}
	const tail = decoder.decode();
	if (tail !== '') yield tail;
}

/** The first bytes of a stream, and the whole stream again (head included) to read on. */
async function peek(
	chunks: AsyncIterable<string>,
): Promise<{ head: string; all: AsyncIterable<string> }> {
	const it = chunks[Symbol.asyncIterator]();
	const seen: string[] = [];
	let size = 0;
	let done = false;
	while (size < HEAD_BYTES) {
		const next = await it.next();
		if (next.done) {
			done = true;
			break;
		}
		seen.push(next.value);
		size += next.value.length;
	}
	async function* all(): AsyncGenerator<string> {
		yield* seen;
		if (done) return;
		for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
	}
	return { head: seen.join(''), all: all() };
}

// IDs made of these characters cannot hold an address or a name; others are checked.
const PLAIN_ID = /^[\w#:.\/-]{1,64}$/;

/**
 * Read every input in order. Throws a InputError for a file that cannot be read at all (unknown
 * format, CSV columns missing); a bad record only adds to `rejected`.
 */
export async function ingest(
	inputs: readonly InputFile[],
	options: IngestOptions,
): Promise<IngestResult> {
	const tickets: Ticket[] = [];
	const rejected: Rejection[] = [];
	const files: FileSummary[] = [];
	// Ticket ID → where it was first seen, packed as file index × 2³² + line: a million IDs
	// would otherwise each keep a "file:line" string.
	const seen = new Map<string, number>();
	const interner = new Interner();

	for (const [fileIndex, input] of inputs.entries()) {
		const file = input.name;
		const { head, all } = await peek(decode(input.chunks));
		const container = detectContainer(head);
		if (container === 'empty')
			throw new InputError('the file is empty; there are no tickets to mine', file);
		if (container === null) {
			throw new InputError(`not a JSON, JSON Lines or CSV export; ${SUPPORTED}`, file, 1);
		}
		const summary: FileSummary = { file, format: 'csv', tickets: 0, rejected: 0, skipped: 0 };
		const reject = (line: number, reason: string) => {
			rejected.push({ file, line, reason });
			summary.rejected++;
		};
		const take = (result: AdapterResult, line: number) => {
			if (result.kind === 'reject') return reject(line, result.reason);
			if (result.kind === 'skip') {
				summary.skipped++;
				return;
			}
			const raw = result.ticket;
			if (raw.created !== null && !plausibleTime(raw.created)) {
				return reject(line, 'the creation date is not a date from 1970 to 9999');
			}
			if (!PLAIN_ID.test(raw.id) && redact(raw.id) !== raw.id) {
				return reject(line, 'the ticket ID looks like personal data; use another column as the ID');
			}
			const firstAt = seen.get(raw.id);
			if (firstAt !== undefined) {
				const where = `${inputs[Math.floor(firstAt / 2 ** 32)]!.name}:${firstAt % 2 ** 32}`;
				return reject(line, `duplicate ticket ID ${raw.id} (first at ${where})`);
			}
			const ticket = normalizeTicket(raw, interner);
			if (ticket === null) {
				summary.skipped++;
				return;
			}
			seen.set(raw.id, fileIndex * 2 ** 32 + line);
			tickets.push(ticket);
			summary.tickets++;
		};

		if (container === 'csv') {
			const firstLine = head.replace(/^\ufeff/, '').split('\n', 1)[0] ?? '';
			let read: ((row: readonly string[], line: number) => AdapterResult) | null = null;
			for await (const item of csvRows(all, sniffDelimiter(firstLine))) {
				if ('error' in item) reject(item.line, item.error);
				else if ('header' in item) {
					const adapter = csvAdapterFor(item.header, options.format);
					if (!adapter) throw formatMismatch(file, options.format, container);
					summary.format = adapter.format;
					read = adapter.reader(item.header, { map: options.map, file });
				} else take(read!(item.row, item.line), item.line);
			}
		} else {
			const items: AsyncIterable<ReadItem> =
				container === 'jsonl'
					? jsonlRecords(all)
					: jsonRecords(all, input.reopen ? { reopen: () => decode(input.reopen!()) } : {});
			let adapter: JsonAdapter | null = null;
			for await (const item of items) {
				if ('error' in item) {
					reject(item.line, item.error);
					continue;
				}
				if (!adapter) {
					adapter = jsonAdapterFor(item.value, options.format);
					if (!adapter) {
						throw options.format === 'auto'
							? new InputError(
									`cannot tell which tool exported this file from its first record; ${SUPPORTED}; pass --format to choose`,
									file,
									item.line,
								)
							: formatMismatch(file, options.format, container);
					}
					summary.format = adapter.format;
				}
				take(adapter.read(item.value), item.line);
			}
			if (!adapter && options.format !== 'auto') {
				const forced = jsonAdapterFor(null, options.format);
				if (forced) summary.format = forced.format;
			}
		}
		files.push(summary);
	}
	return { tickets, rejected, files };
}

function formatMismatch(
	file: string,
	format: FormatName | 'auto',
	container: Container,
): InputError {
	const kind = container === 'csv' ? 'a CSV file' : 'a JSON file';
	return new InputError(`--format ${format} does not read ${kind}; ${SUPPORTED}`, file, 1);
}
