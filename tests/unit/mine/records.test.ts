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

	it('sniffs the delimiter from the header', () => {
		expect(sniffDelimiter('a;b;"c,d"')).toBe(';');
		expect(sniffDelimiter('a\tb')).toBe('\t');
		expect(sniffDelimiter('single')).toBe(',');
	});
});
