import { describe, expect, it } from 'vitest';
import {
	csvRows,
	jsonRecords,
	jsonlRecords,
	sniffDelimiter,
	type CsvItem,
	type ReadItem,
} from '../../../src/lib/mine/records.ts';

/** Feed text in small pieces, so tokens and lines straddle chunk boundaries as in a big file. */
async function* pieces(text: string, size = 7): AsyncGenerator<string> {
	for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const x of it) out.push(x);
	return out;
}

describe('jsonRecords', () => {
	it('streams the records of a Zendesk-style list with the line each starts on', async () => {
		const text =
			'{\n "users": [{"id": 9}],\n "tickets": [\n  {"id": 1, "via": {"channel": "web"}},\n  {\n   "id": 2, "s": "a \\" { b"\n  }\n ],\n "next_page": null\n}\n';
		expect(await all(jsonRecords(pieces(text)))).toEqual([
			{ line: 4, value: { id: 1, via: { channel: 'web' } } },
			{ line: 5, value: { id: 2, s: 'a " { b' } },
		]);
	});

	it('reads a top-level array, nested containers and single records', async () => {
		expect(await all(jsonRecords(pieces('[{"a":1},\n{"a":2}]')))).toEqual([
			{ line: 1, value: { a: 1 } },
			{ line: 2, value: { a: 2 } },
		]);
		expect(
			await all(jsonRecords(pieces('{"data":{"meta":{},"payload":[\n{"id":5,"messages":[]}]}}'))),
		).toEqual([{ line: 2, value: { id: 5, messages: [] } }]);
		expect(
			await all(jsonRecords(pieces('{"_embedded":{"conversations":[{"id":7}]},"page":{}}'))),
		).toEqual([{ line: 1, value: { id: 7 } }]);
		// A record that happens to have a "data" list is still one record.
		expect(await all(jsonRecords(pieces('{"id":3,"data":[1,2]}\n{"ticket":{"id":4}}')))).toEqual([
			{ line: 1, value: { id: 3, data: [1, 2] } },
			{ line: 2, value: { id: 4 } },
		]);
	});

	it('reports elements that are not objects and a syntax error with its line', async () => {
		const items = await all(jsonRecords(pieces('[{"a":1},\n 5,\n{"a":2},\n{"a":,}]')));
		// Lines are tracked for objects only; a bare value is placed at the end of its chunk.
		expect(items[1]).toMatchObject({ error: 'record is not a JSON object' });
		expect((items[1] as { line: number }).line).toBeOneOf([2, 3]);
		items.splice(1, 1);
		expect(items).toEqual<ReadItem[]>([
			{ line: 1, value: { a: 1 } },
			{ line: 3, value: { a: 2 } },
			{ line: 4, error: 'not valid JSON; the rest of the file was skipped' },
		]);
		const truncated = await all(jsonRecords(pieces('{"tickets":[{"a":1},\n{"a":2')));
		expect(truncated.at(-1)).toEqual({
			line: 2,
			error: 'not valid JSON; the rest of the file was skipped',
		});
	});
});

describe('jsonlRecords', () => {
	it('reads one record per line, expands pages and skips bad lines', async () => {
		const text =
			'{"id":1}\n\nnot json {"email":"x@y.example"}\n{"tickets":[{"id":2},{"id":3}],"end_of_stream":true}\n{"id":4}';
		expect(await all(jsonlRecords(pieces(text)))).toEqual([
			{ line: 1, value: { id: 1 } },
			{ line: 3, error: 'not valid JSON' },
			{ line: 4, value: { id: 2 } },
			{ line: 4, value: { id: 3 } },
			{ line: 5, value: { id: 4 } },
		]);
	});
});

describe('csvRows', () => {
	it('gives the header, rows with their start line, and the bad rows', async () => {
		const text =
			'Ticket ID,Subject,Description\n1,"Two\nlines",x\n2,only two\n3,"a ""quoted"" word",y\n\n4,b"ad,z\n';
		expect(await all(csvRows(pieces(text)))).toEqual<CsvItem[]>([
			{ line: 1, header: ['Ticket ID', 'Subject', 'Description'] },
			{ line: 2, row: ['1', 'Two\nlines', 'x'] },
			{ line: 4, error: 'row has 2 fields, the header has 3' },
			{ line: 5, row: ['3', 'a "quoted" word', 'y'] },
			{ line: 7, row: ['4', 'b"ad', 'z'] },
		]);
	});

	it('reports a row over the size limit once and reads every row after it', async () => {
		// 25 tickets; the sixth has a 5 MB description spread over three lines.
		const lines = ['Ticket ID,Subject,Description'];
		for (let i = 1; i <= 25; i++) {
			lines.push(i === 6 ? `6,long,"${'x'.repeat(2_500_000)}\n\n${'y'.repeat(2_500_000)}"` : `${i},subject ${i},body ${i}`);
		}
		const items = await all(csvRows(pieces(`${lines.join('\n')}\n`, 65_536)));
		expect(items.filter((item) => 'row' in item)).toHaveLength(24);
		expect(items.filter((item) => 'error' in item)).toEqual([
			{ line: 7, error: 'row is longer than 4,000,000 characters; it was skipped' },
		]);
		// The rows after it keep their own line numbers (the long row spans lines 7 to 9).
		expect(items.at(-1)).toEqual({ line: 28, row: ['25', 'subject 25', 'body 25'] });
		expect(items[7]).toEqual({ line: 10, row: ['7', 'subject 7', 'body 7'] });
	});

	it('reports a long unquoted row, and a quote never closed, without losing the rows before', async () => {
		const text = `id,text\r\n1,"a ""quote"" \u0000"\r\n2,${'z'.repeat(4_000_001)}\r\n3,ok\r\n4,"never closed ${'w'.repeat(4_000_000)}\r\n5,lost\r\n`;
		expect(await all(csvRows(pieces(text, 65_536)))).toEqual<CsvItem[]>([
			{ line: 1, header: ['id', 'text'] },
			{ line: 2, row: ['1', 'a "quote" \ufffd'] },
			{ line: 3, error: 'row is longer than 4,000,000 characters; it was skipped' },
			{ line: 4, row: ['3', 'ok'] },
			{
				line: 5,
				error: 'a quoted field is never closed; the rest of the file (over 4,000,000 characters) was skipped',
			},
		]);
	});

	it('reads quotes split across chunk boundaries as csv-parse does', async () => {
		const text = 'a,b\n"x""y",z\n"p"q,r\ns"t,u\n';
		for (const size of [1, 2, 3, 5]) {
			expect(await all(csvRows(pieces(text, size)))).toEqual<CsvItem[]>([
				{ line: 1, header: ['a', 'b'] },
				{ line: 2, row: ['x"y', 'z'] },
				// csv-parse keeps a quote that ends a quoted field early as text.
				{ line: 3, row: ['"p"q', 'r'] },
				{ line: 4, row: ['s"t', 'u'] },
			]);
		}
	});

	it('sniffs the delimiter from the header', () => {
		expect(sniffDelimiter('a;b;"c,d"')).toBe(';');
		expect(sniffDelimiter('a\tb')).toBe('\t');
		expect(sniffDelimiter('single')).toBe(',');
	});
});
