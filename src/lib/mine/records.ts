/**
 * Streaming readers that turn export text into records with the line each record starts on: JSON
 * documents (an array of records, or an object holding one, such as `{"tickets": [...]}`), JSON
 * Lines and CSV. Only one record is assembled at a time, so a file of any size streams through
 * in memory proportional to its largest record.
 */
import { Readable } from 'node:stream';
import { parse as csvParse, type CsvError } from 'csv-parse';
import { Assembler } from 'stream-json/assembler.js';
import { jsonParser, type Token } from 'stream-json/core/parser.js';
import { at, isObject } from './adapters/fields.ts';

/** A record and the line it starts on, or a problem found at a line. */
export type ReadItem = { line: number; value: unknown } | { line: number; error: string };

/**
 * Where the records of a JSON document live: the Zendesk (`tickets`), Freshdesk search
 * (`results`), Help Scout (`_embedded.conversations`) and Chatwoot (`data.payload`) list payloads,
 * and common names for hand-made exports. A top-level array is a list of records too.
 */
export const CONTAINER_PATHS: ReadonlySet<string> = new Set([
	'tickets',
	'results',
	'conversations',
	'issues',
	'items',
	'records',
	'payload',
	'data',
	'_embedded.conversations',
	'data.payload',
]);

// stream-chain's end-of-input marker, a registered symbol, so the parser can be flushed without
// importing stream-chain (a dependency of stream-json, not of this project).
const END = Symbol.for('object-stream.none');

// Records sit at most three levels deep (`data.payload[i]`); deeper objects need no line.
const MAX_TRACKED_DEPTH = 3;

/**
 * Finds the line of every `{` at the first few nesting levels, in document order. The JSON parser
 * reports tokens, not positions, so this cheap scan runs over each chunk before the parser does,
 * and the walker takes the lines in the same order as it meets the objects.
 */
class LineLocator {
	line = 1;
	private depth = 0;
	private inString = false;
	private escape = false;
	private readonly starts: number[][] = Array.from({ length: MAX_TRACKED_DEPTH + 1 }, () => []);
	private readonly heads: number[] = new Array<number>(MAX_TRACKED_DEPTH + 1).fill(0);

	scan(chunk: string): void {
		let { line, depth, inString, escape } = this;
		for (let i = 0; i < chunk.length; i++) {
			const c = chunk.charCodeAt(i);
			if (c === 10) line++;
			else if (inString) {
				if (escape) escape = false;
				else if (c === 92) escape = true;
				else if (c === 34) inString = false;
			} else if (c === 34) inString = true;
			else if (c === 123) {
				if (depth <= MAX_TRACKED_DEPTH) this.starts[depth]!.push(line);
				depth++;
			} else if (c === 91) depth++;
			else if (c === 125 || c === 93) depth--;
		}
		Object.assign(this, { line, depth, inString, escape });
	}

	/** The line of the next object at `depth`, in document order. */
	take(depth: number): number {
		const queue = this.starts[depth]!;
		const head = this.heads[depth]!;
		const line = queue[head] ?? this.line;
		if (head + 1 >= 4096 && head + 1 > queue.length / 2) {
			queue.splice(0, head + 1);
			this.heads[depth] = 0;
		} else this.heads[depth] = head + 1;
		return line;
	}
}

/** Drop a one-key wrapper such as `{"ticket": {...}}` (the single-ticket API responses). */
function unwrap(value: unknown): unknown {
	if (!isObject(value)) return value;
	const keys = Object.keys(value);
	if (keys.length === 1 && ['ticket', 'conversation', 'issue'].includes(keys[0]!)) {
		const inner = value[keys[0]!];
		if (isObject(inner)) return inner;
	}
	return value;
}

function tokensOf(out: unknown): readonly Token[] {
	return out === END || out === undefined ? [] : (out as { values: Token[] }).values;
}

/** The input is not valid JSON (the parser's own message quotes the data, so it is not kept). */
class JsonSyntaxError extends Error {}

/**
 * A JSON token walker: text in, records out, with the line each record starts on. `feed` throws on
 * a syntax error; the walker is then spent.
 */
function jsonWalker() {
	const parse = jsonParser({ streamValues: false, jsonStreaming: true });
	const locator = new LineLocator();
	const keys: string[] = [];
	let depth = 0;
	// Depth of the objects that are records once a container array is open; -1 before.
	let recordDepth = -1;
	let root: { asm: Assembler; line: number; hasId: boolean } | null = null;
	let record: { asm: Assembler; line: number } | null = null;
	const out: ReadItem[] = [];

	const walk = (t: Token) => {
		let line = -1;
		if (t.name === 'startObject' && depth <= MAX_TRACKED_DEPTH) line = locator.take(depth);
		if (record) {
			record.asm.consume(t);
			if (t.name === 'startObject' || t.name === 'startArray') depth++;
			else if (t.name === 'endObject' || t.name === 'endArray') depth--;
			if (record.asm.done) {
				out.push({ line: record.line, value: record.asm.current });
				record = null;
			}
			return;
		}
		if (root) root.asm.consume(t);
		switch (t.name) {
			case 'startObject':
				if (depth === recordDepth) {
					record = { asm: new Assembler(), line };
					record.asm.consume(t);
				} else if (depth === 0) {
					root = { asm: new Assembler(), line, hasId: false };
					root.asm.consume(t);
				}
				depth++;
				break;
			case 'startArray': {
				const path = keys.slice(1, depth + 1).join('.');
				if (depth === 0 || (root && !root.hasId && CONTAINER_PATHS.has(path))) {
					// The records stream from here; the enclosing object is not kept.
					recordDepth = depth + 1;
					root = null;
				}
				depth++;
				break;
			}
			case 'endObject':
			case 'endArray':
				depth--;
				if (t.name === 'endArray' && depth + 1 === recordDepth) recordDepth = -1;
				if (depth === 0 && root) {
					// A top-level object without a list of records is a record itself.
					out.push({ line: root.line, value: unwrap(root.asm.current) });
					root = null;
				}
				break;
			case 'keyValue':
				keys[depth] = t.value;
				if (depth === 1 && root && t.value === 'id') root.hasId = true;
				break;
			default:
				// Lines are tracked for objects only: a bare value is placed at the end of its chunk.
				if (depth === recordDepth || depth === 0) {
					out.push({ line: locator.line, error: 'record is not a JSON object' });
				}
		}
	};

	return {
		/** The line the walker has read up to. */
		get line() {
			return locator.line;
		},
		feed(text: string): ReadItem[] {
			locator.scan(text);
			let tokens: readonly Token[];
			try {
				tokens = tokensOf(parse(text));
			} catch {
				throw new JsonSyntaxError();
			}
			for (const t of tokens) walk(t);
			return out.splice(0);
		},
		/** Flush at the end of input; throws when the document is incomplete. */
		end(): ReadItem[] {
			let tokens: readonly Token[];
			try {
				tokens = tokensOf(parse(END as unknown as string));
			} catch {
				throw new JsonSyntaxError();
			}
			for (const t of tokens) walk(t);
			if (depth !== 0) throw new JsonSyntaxError();
			return out.splice(0);
		},
	};
}

const BROKEN = 'not valid JSON; the rest of the file was skipped';

/**
 * Records of a JSON document, or of several concatenated documents. A syntax error ends the file
 * with one error item. The parser reports tokens, not positions, and loses the tokens of the
 * chunk it fails in, so when the input can be read again (`reopen`) it is re-read line by line up
 * to the error: the records before it are all kept and the error gets its exact line.
 */
export async function* jsonRecords(
	chunks: AsyncIterable<string>,
	options: { reopen?: () => AsyncIterable<string> } = {},
): AsyncGenerator<ReadItem> {
	const walker = jsonWalker();
	let emitted = 0;
	try {
		for await (const chunk of chunks) {
			const items = walker.feed(chunk);
			emitted += items.length;
			yield* items;
		}
		yield* walker.end();
		return;
	} catch (e) {
		// Read errors and the consumer's errors are not the document's fault.
		if (!(e instanceof JsonSyntaxError)) throw e;
	}
	if (!options.reopen) {
		yield { line: walker.line, error: BROKEN };
		return;
	}
	const again = jsonWalker();
	let seen = 0;
	for await (const [text, line] of lines(options.reopen())) {
		let items: ReadItem[];
		try {
			items = again.feed(`${text}\n`);
		} catch {
			yield { line, error: BROKEN };
			return;
		}
		for (const item of items) if (++seen > emitted) yield item;
	}
	try {
		for (const item of again.end()) if (++seen > emitted) yield item;
	} catch {
		yield { line: again.line, error: BROKEN };
	}
}

/** Lines of decoded text with their 1-based numbers; the last line may lack a newline. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<[string, number]> {
	let rest = '';
	let n = 0;
	for await (const chunk of chunks) {
		rest += chunk;
		let start = 0;
		let i: number;
		while ((i = rest.indexOf('\n', start)) !== -1) {
			yield [rest.slice(start, i), ++n];
			start = i + 1;
		}
		rest = rest.slice(start);
	}
	if (rest !== '') yield [rest, ++n];
}

/**
 * Records of a JSON Lines file: one JSON value per line. A line holding a page of records (the
 * incremental export's `{"tickets": [...], "after_cursor": ...}`) yields each of them. A line that
 * is not valid JSON is reported and skipped; the next line is read as usual.
 */
export async function* jsonlRecords(chunks: AsyncIterable<string>): AsyncGenerator<ReadItem> {
	for await (const [raw, line] of lines(chunks)) {
		const text = raw.trim();
		if (text === '') continue;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch {
			// JSON.parse quotes the offending text in its message, so it is not passed on.
			yield { line, error: 'not valid JSON' };
			continue;
		}
		const page =
			isObject(value) && !('id' in value)
				? [...CONTAINER_PATHS].map((p) => at(value, p)).find(Array.isArray)
				: undefined;
		if (page)
			for (const v of page)
				yield isObject(v) ? { line, value: v } : { line, error: 'record is not a JSON object' };
		else yield { line, value: unwrap(value) };
	}
}

/** The delimiter of a CSV header line: the most frequent of comma, semicolon and tab outside quotes. */
export function sniffDelimiter(headerLine: string): string {
	const outside = headerLine.replace(/"[^"]*"/g, '');
	const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
	const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
	return best[1] > 0 ? best[0] : ',';
}

/** One row of a CSV file: the header (first row), a data row, or a problem. */
export type CsvItem =
	| { line: number; header: string[] }
	| { line: number; row: string[] }
	| { line: number; error: string };

// csv-parse's messages quote the data around the problem; these say what is wrong without it.
const CSV_PROBLEMS: Record<string, string> = {
	CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed; the rest of the file was skipped',
	CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'row has a different number of fields than the header',
};

/** Longest CSV row read, in characters; a longer one is reported and skipped. */
export const MAX_CSV_ROW_CHARS = 4_000_000;

// Stands in for a row that was too long: a one-field row csv-parse passes through. NUL never
// reaches csv-parse otherwise (limitCsvRows turns it into U+FFFD), so no real row looks like it.
const TOO_LONG = '\u0000too long\u0000';
const NEVER_CLOSED = '\u0000never closed\u0000';

/**
 * Passes CSV text through row by row, replacing each row longer than `maxChars` by a short
 * marker row (keeping its `\n`s, so later rows keep their line numbers), and NUL by
 * U+FFFD. csv-parse's own `max_record_size` cannot do this: on a long row it stops reading the
 * chunk and every later row is lost. Quotes are tracked as csv-parse reads them with
 * `relax_quotes`: a quote opens a quoted field only at the start of a field; inside one, `""` is
 * a quote and any other quote ends it. Holds at most one row (up to `maxChars`) in memory.
 */
export async function* limitCsvRows(
	chunks: AsyncIterable<string>,
	delimiter = ',',
	maxChars = MAX_CSV_ROW_CHARS,
): AsyncGenerator<string> {
	const QUOTE = 34;
	const CR = 13;
	const LF = 10;
	const delim = delimiter.charCodeAt(0);
	let row = '';
	let quoting = false;
	let fieldStart = true;
	// A quote seen inside a quoted field at the end of a chunk: `""` or a closing quote?
	let pendingQuote = false;
	let dropping = false;
	let droppedBreaks = '';
	let first = true;
	for await (const raw of chunks) {
		let chunk = raw.includes('\u0000') ? raw.replaceAll('\u0000', '\ufffd') : raw;
		if (first && chunk !== '') {
			first = false;
			if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
		}
		let out = '';
		let from = 0;
		const keep = (end: number) => {
			if (dropping) {
				for (let j = from; j < end; j++) {
					if (chunk.charCodeAt(j) === LF) droppedBreaks += '\n';
				}
			} else {
				row += chunk.slice(from, end);
				if (row.length > maxChars) {
					for (let j = row.indexOf('\n'); j !== -1; j = row.indexOf('\n', j + 1)) droppedBreaks += '\n';
					row = '';
					dropping = true;
				}
			}
			from = end;
		};
		// A line break outside quotes ends the row; the row goes out with its line break.
		const endRow = (at: number) => {
			keep(at);
			out += dropping ? `"${TOO_LONG}${droppedBreaks}"` : row;
			out += chunk[at];
			from = at + 1;
			row = '';
			dropping = false;
			droppedBreaks = '';
		};
		for (let i = 0; i < chunk.length; i++) {
			const c = chunk.charCodeAt(i);
			if (pendingQuote) {
				pendingQuote = false;
				if (c === QUOTE) continue;
				quoting = false;
			}
			if (quoting) {
				if (c === QUOTE) {
					if (i + 1 === chunk.length) pendingQuote = true;
					else if (chunk.charCodeAt(i + 1) === QUOTE) i++;
					else quoting = false;
				}
				continue;
			}
			if (c === QUOTE && fieldStart) {
				quoting = true;
				fieldStart = false;
			} else if (c === delim) {
				fieldStart = true;
			} else if (c === LF || c === CR) {
				endRow(i);
				fieldStart = true;
			} else {
				fieldStart = false;
			}
		}
		keep(chunk.length);
		if (out !== '') yield out;
	}
	if (dropping) yield `"${quoting && !pendingQuote ? NEVER_CLOSED : TOO_LONG}${droppedBreaks}"`;
	else if (row !== '') yield row;
}

/**
 * Rows of a CSV file. Stray quotes inside fields are kept as text; a row with a different number
 * of fields than the header, or longer than 4,000,000 characters, is reported with its line and
 * skipped, and reading goes on.
 */
export async function* csvRows(
	chunks: AsyncIterable<string>,
	delimiter = ',',
): AsyncGenerator<CsvItem> {
	const skipped: CsvItem[] = [];
	const parser = Readable.from(limitCsvRows(chunks, delimiter)).pipe(
		csvParse({
			delimiter,
			bom: true,
			info: true,
			relax_quotes: true,
			relax_column_count: true,
			skip_empty_lines: true,
			skip_records_with_error: true,
			on_skip: (err: CsvError | undefined) => {
				const e = err as (CsvError & { lines?: number }) | undefined;
				skipped.push({
					line: e?.lines ?? 0,
					error: CSV_PROBLEMS[e?.code ?? ''] ?? 'row cannot be read as CSV',
				});
				return undefined;
			},
		}),
	);
	let width = -1;
	for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
		yield* skipped.splice(0);
		const { record, info } = item;
		// info.lines is where the row ends; quoted fields may span lines.
		let inner = 0;
		for (const f of record)
			for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) inner++;
		const line = info.lines - inner;
		const marker = record.length === 1 ? record[0] : undefined;
		if (marker?.startsWith(TOO_LONG)) {
			yield { line, error: `row is longer than ${MAX_CSV_ROW_CHARS.toLocaleString('en-US')} characters; it was skipped` };
		} else if (marker?.startsWith(NEVER_CLOSED)) {
			yield {
				line,
				error: `a quoted field is never closed; the rest of the file (over ${MAX_CSV_ROW_CHARS.toLocaleString('en-US')} characters) was skipped`,
			};
		} else if (width < 0) {
			width = record.length;
			yield { line, header: record };
		} else if (record.length !== width) {
			yield { line, error: `row has ${record.length} fields, the header has ${width}` };
		} else if (record.some((f) => f.trim() !== '')) {
			yield { line, row: record };
		}
	}
	yield* skipped.splice(0);
}
