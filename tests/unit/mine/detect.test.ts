import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectContainer } from '../../../src/lib/mine/detect.ts';
import { ingest } from '../../../src/lib/mine/ingest.ts';
import { openInput } from '../../../src/lib/mine/read-fs.ts';

const FIXTURES = 'tests/unit/fixtures/mine';
const dir = mkdtempSync(join(tmpdir(), 'mine-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fixture copied under a misleading name: detection must not look at the name. */
function disguised(fixture: string, name: string): string {
	const path = join(dir, name);
	copyFileSync(join(FIXTURES, fixture), path);
	return path;
}

describe('detectContainer', () => {
	it('tells JSON, JSON Lines and CSV apart from the first bytes', () => {
		expect(detectContainer('\ufeff  [\n{"id":1}]')).toBe('json');
		expect(detectContainer('{\n "tickets": []\n}')).toBe('json');
		expect(detectContainer('{"id":1}\n{"id":2}\n')).toBe('jsonl');
		expect(detectContainer('Ticket ID,Subject\n1,x')).toBe('csv');
		expect(detectContainer(' \n\t')).toBe('empty');
		expect(detectContainer('\x00\x01PK\x03')).toBeNull();
	});
});

describe('format detection', () => {
	it.each([
		['zendesk-tickets.json', 'export.csv', 'zendesk'],
		['zendesk-incremental.jsonl', 'tickets.json', 'zendesk'],
		['freshdesk-export.csv', 'data.json', 'freshdesk'],
		['chatwoot-conversations.json', 'helpscout.json', 'chatwoot'],
		['helpscout-conversations.json', 'zendesk.json', 'helpscout'],
		['github-issues.json', 'freshdesk.csv', 'github'],
		['custom-cases.csv', 'zendesk.jsonl', 'csv'],
	])('reads %s saved as %s by its content', async (fixture, name, format) => {
		const r = await ingest([openInput(disguised(fixture, name))], { format: 'auto' });
		expect(r.files[0]!.format).toBe(format);
		expect(r.tickets.length).toBeGreaterThan(0);
	});

	it('names the supported formats when it cannot tell', async () => {
		const path = join(dir, 'other.json');
		writeFileSync(path, '[\n{"foo": 1, "bar": "baz"}\n]');
		await expect(ingest([openInput(path)], { format: 'auto' })).rejects.toMatchObject({
			file: path,
			line: 2,
			message:
				'cannot tell which tool exported this file from its first record; supported formats: auto, zendesk, freshdesk, chatwoot, helpscout, github, csv; pass --format to choose',
		});
	});

	it('says when a forced format does not fit the file', async () => {
		await expect(
			ingest([openInput(`${FIXTURES}/github-issues.json`)], { format: 'csv' }),
		).rejects.toThrow('--format csv does not read a JSON file');
	});

	it('says so when an export is empty', async () => {
		const path = join(dir, 'empty.json');
		writeFileSync(path, '\n');
		await expect(ingest([openInput(path)], { format: 'auto' })).rejects.toThrow(
			'the file is empty; there are no tickets to mine',
		);
	});

	it('finds the line of a JSON syntax error in a file', async () => {
		const path = join(dir, 'broken.json');
		writeFileSync(
			path,
			'{\n "tickets": [\n  {"id": 1, "subject": "a", "description": "b", "via": {}},\n  {"id": 2,,}\n ]\n}\n',
		);
		const r = await ingest([openInput(path)], { format: 'auto' });
		expect(r.tickets.map((t) => t.id)).toEqual(['1']);
		expect(r.rejected).toEqual([
			{ file: path, line: 4, reason: 'not valid JSON; the rest of the file was skipped' },
		]);
	});
});
