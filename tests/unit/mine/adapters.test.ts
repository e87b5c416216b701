import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hoursAsMinutes } from '../../../src/lib/mine/adapters/fields.ts';
import { ingest, type IngestOptions } from '../../../src/lib/mine/ingest.ts';
import { openInput } from '../../../src/lib/mine/read-fs.ts';
import type { Ticket } from '../../../src/lib/mine/ticket.ts';
import { leaks } from './planted.ts';

const FIXTURES = 'tests/unit/fixtures/mine';

async function read(file: string, options: Partial<IngestOptions> = {}, path = `${FIXTURES}/${file}`) {
	return ingest([openInput(path)], { format: 'auto', ...options });
}

/** Everything an ingest result could pass on to the outputs. */
function exposed(tickets: Ticket[], reasons: string[]): string {
	return JSON.stringify({ tickets, reasons });
}

/** No planted personal value survives in the tickets or the rejection reasons. */
function expectNothingPlantedLeaks(r: { tickets: Ticket[]; rejected: { reason: string }[] }): void {
	expect(leaks(exposed(r.tickets, r.rejected.map((x) => x.reason)))).toEqual([]);
}

const day = (t: Ticket) =>
	t.created === null ? null : new Date(t.created).toISOString().slice(0, 10);

describe('Zendesk', () => {
	it('reads the Tickets API list: subject, description, tags, via.channel, created_at', async () => {
		const r = await read('zendesk-tickets.json');
		expect(r.files).toEqual([
			{
				file: `${FIXTURES}/zendesk-tickets.json`,
				format: 'zendesk',
				tickets: 11,
				rejected: 1,
				skipped: 0,
			},
		]);
		const first = r.tickets[0]!;
		expect(first).toMatchObject({ id: '4801', channel: 'email', tags: ['caro', 'webhooks'] });
		expect(day(first)).toBe('2026-01-01');
		expect(first.text).toMatch(
			/^Webhook retries stop after three attempts\nOur webhook endpoint returned 500/,
		);
		expect(first.subjectLength).toBe('Webhook retries stop after three attempts'.length);
		expect(r.rejected).toEqual([
			{
				file: `${FIXTURES}/zendesk-tickets.json`,
				line: 563,
				reason: '"subject" and "description" must be text',
			},
		]);
		expectNothingPlantedLeaks(r);
	});

	it('drops a tag that holds an e-mail address', async () => {
		const r = await read('zendesk-tickets.json');
		expect(r.tickets[3]!.tags).toEqual(['caro', 'webhooks']);
	});

	it('reads the incremental export as JSON Lines, pages included, deleted tickets skipped', async () => {
		const r = await read('zendesk-incremental.jsonl');
		expect(r.files[0]).toMatchObject({ format: 'zendesk', tickets: 6, rejected: 2, skipped: 1 });
		expect(r.tickets.map((t) => t.id)).toEqual(['5801', '5802', '5803', '5804', '5805', '5807']);
		expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
			[3, 'not valid JSON'],
			[7, '"subject" and "description" must be text'],
		]);
		expectNothingPlantedLeaks(r);
	});

	it('reads the real Zendesk API payload', async () => {
		const r = await read('real/zendesk-tickets-list.json');
		expect(r.files[0]).toMatchObject({ format: 'zendesk', tickets: 100, rejected: 0 });
		expect(r.tickets[1]).toMatchObject({
			id: '94',
			channel: 'api',
			text: 'This is a question?\nIndeed it is!',
		});
	});
});

describe('Freshdesk', () => {
	it('reads the CSV export by its column labels, contact columns redacted', async () => {
		const r = await read('freshdesk-export.csv');
		expect(r.files[0]).toMatchObject({ format: 'freshdesk', tickets: 11, rejected: 1 });
		expect(r.tickets[2]).toMatchObject({ id: '1203', channel: 'chat', tags: ['caro', 'support'] });
		expect(day(r.tickets[2]!)).toBe('2026-03-07');
		expect(r.rejected).toEqual([
			{
				file: `${FIXTURES}/freshdesk-export.csv`,
				line: 5,
				reason: 'row has 3 fields, the header has 30',
			},
		]);
		expectNothingPlantedLeaks(r);
	});

	it('reads API v2 tickets, real payloads included', async () => {
		const one = await read('real/freshdesk-ticket-1.json');
		expect(one.tickets).toEqual([
			{
				id: '1',
				text: 'This is a sample ticket\nThis is a sample ticket, feel free to delete it.',
				subjectLength: 23,
				created: Date.parse('2016-05-18T04:36:04Z'),
				channel: 'portal',
				tags: ['foo', 'bar'],
				// priority 1 is Low; status 2 is Open; the stats' times count from created_at.
				handling: {
					priority: 'low',
					firstResponseMinutes: (Date.parse('2020-06-17T20:23:43Z') - Date.parse('2016-05-18T04:36:04Z')) / 60_000,
					resolutionMinutes: (Date.parse('2020-07-24T15:35:21Z') - Date.parse('2016-05-18T04:36:04Z')) / 60_000,
					resolved: false,
				},
			},
		]);
		const list = await read('real/freshdesk-all-tickets.json');
		expect(list.files[0]).toMatchObject({ format: 'freshdesk', tickets: 1 });
	});
});

describe('Chatwoot', () => {
	it('keeps incoming public messages only, from the data.payload list', async () => {
		const r = await read('chatwoot-conversations.json');
		expect(r.files[0]).toMatchObject({ format: 'chatwoot', tickets: 11, rejected: 1, skipped: 1 });
		const t = r.tickets[0]!;
		expect(t).toMatchObject({ id: '300', channel: 'web_widget', tags: ['caro', 'webhooks'] });
		// The agent's reply, the private note and the activity message are not the customer's words.
		expect(r.tickets.map((x) => x.text).join(' ')).not.toMatch(
			/workspace ID|Enterprise plan|marked resolved/,
		);
		expect(r.rejected.map((x) => x.reason)).toEqual(['conversation has no "id"']);
		expectNothingPlantedLeaks(r);
	});
});

describe('Help Scout', () => {
	it('keeps customer threads, oldest first, and skips spam', async () => {
		const r = await read('helpscout-conversations.json');
		expect(r.files[0]).toMatchObject({ format: 'helpscout', tickets: 11, rejected: 1, skipped: 1 });
		expect(r.tickets[0]).toMatchObject({ id: '1500', channel: 'email', tags: ['caro'] });
		expect(r.tickets.map((x) => x.text).join(' ')).not.toMatch(/here is how retries work|VIP/);
		expect(r.rejected.map((x) => x.reason)).toEqual(['"subject" must be text']);
		expectNothingPlantedLeaks(r);
	});
});

describe('priority and times, for the weekly review', () => {
	it('reads Zendesk ticket metrics sideloaded with include=metric_sets, in calendar minutes', async () => {
		const r = await ingest([openInput('tests/unit/fixtures/review/zendesk-with-metrics.json')], { format: 'auto' });
		expect(r.tickets.map((t) => [t.id, t.handling])).toEqual([
			['101', { priority: 'urgent', firstResponseMinutes: 45, resolutionMinutes: 900, resolved: true }],
			['102', { priority: 'normal', firstResponseMinutes: 1500, resolutionMinutes: null, resolved: false }],
			// No priority and no metrics, but the status says it is open.
			['103', { priority: null, firstResponseMinutes: null, resolutionMinutes: null, resolved: false }],
			['104', { priority: 'high', firstResponseMinutes: 200, resolutionMinutes: 3000, resolved: true }],
		]);
	});

	it('reads the Freshdesk CSV export\'s hours columns and status', async () => {
		const r = await read('freshdesk-export.csv');
		// Ticket 1201: Closed, Medium, first response 1.5 h, resolution 3.2 h.
		expect(r.tickets[0]!.handling).toEqual({ priority: 'Medium', firstResponseMinutes: 90, resolutionMinutes: 192, resolved: true });
	});

	it('takes Help Scout\'s first reply thread and closedAt; it has no priority', async () => {
		const r = await read('helpscout-conversations.json');
		// Created 08:00, first reply thread 18:00, closed at 08:00 the same day.
		expect(r.tickets[0]!.handling).toEqual({ priority: null, firstResponseMinutes: 600, resolutionMinutes: 0, resolved: true });
	});

	it('takes Chatwoot\'s priority, first reply and status; it has no resolution time', async () => {
		const r = await read('chatwoot-conversations.json');
		expect(r.tickets[0]!.handling).toEqual({ priority: null, firstResponseMinutes: null, resolutionMinutes: null, resolved: true });
	});

	it('reads hours as an export writes them', () => {
		expect([hoursAsMinutes('1.5'), hoursAsMinutes('02:30'), hoursAsMinutes('00:00:30'), hoursAsMinutes(''), hoursAsMinutes('soon')]).toEqual([90, 150, 0.5, null, null]);
	});
});

describe('GitHub issues', () => {
	it('reads title, body and labels, skips pull requests and template comments', async () => {
		const r = await read('github-issues.json');
		expect(r.files[0]).toMatchObject({ format: 'github', tickets: 11, rejected: 1, skipped: 1 });
		expect(r.tickets[0]).toMatchObject({ id: '40', channel: 'github', tags: ['webhooks'] });
		expect(r.tickets.map((t) => t.id)).not.toContain('99');
		expect(r.tickets[0]!.text).not.toMatch(/Please describe|thaddeus-m/);
		expectNothingPlantedLeaks(r);
	});
});

describe('any CSV with --map', () => {
	it('reads the mapped columns', async () => {
		const r = await read('custom-cases.csv', {
			map: {
				id: 'Case Number',
				subject: 'Title',
				body: 'Customer Message',
				created: 'Opened',
				tags: 'Labels',
			},
		});
		expect(r.files[0]).toMatchObject({ format: 'csv', tickets: 11, rejected: 0 });
		expect(r.tickets[0]).toMatchObject({ id: 'CS-300', tags: ['caro', 'support'], channel: null });
		expect(day(r.tickets[0]!)).toBe('2026-01-01');
		expect(leaks(exposed(r.tickets, []))).toEqual([]);
	});

	it('names the columns when a mapped one is missing', async () => {
		await expect(read('custom-cases.csv', { map: { body: 'Message' } })).rejects.toThrow(
			'--map body=Message: no such column; the header has "Case Number", "Title", "Customer Message", "Opened", "Labels", "Requester"',
		);
	});
});

describe('a CSV export with one row over the size limit', () => {
	it('mines the 24 other tickets and reports the long one with its line', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-long-row-'));
		try {
			const rows = ['Ticket ID,Subject,Description,Created time'];
			for (let i = 1; i <= 25; i++) {
				const body = i === 6 ? 'x '.repeat(2_500_000) : `The export to CSV fails with error ${i}. Please help.`;
				rows.push(`${1000 + i},Export problem ${i},"${body}",2026-11-0${1 + (i % 9)} 10:00:00`);
			}
			const file = join(dir, 'long-row.csv');
			writeFileSync(file, `${rows.join('\n')}\n`);
			const r = await ingest([openInput(file)], { format: 'auto' });
			expect(r.tickets).toHaveLength(24);
			expect(r.tickets.map((t) => t.id)).not.toContain('1006');
			expect(r.rejected).toEqual([
				{ file, line: 7, reason: 'row is longer than 4,000,000 characters; it was skipped' },
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a record with a date outside what JavaScript or a report can show', () => {
	// Each export with its first ticket's creation date replaced: one rejected record, the rest mined.
	it.each([
		['zendesk-tickets.json', /"created_at": "[^"]*"/, '"created_at": 1e20'],
		['zendesk-incremental.jsonl', /"created_at": "[^"]*"/, '"created_at": 1e20'],
		['github-issues.json', /"created_at": "[^"]*"/, '"created_at": "0000-01-01T00:00:00Z"'],
		['helpscout-conversations.json', /"createdAt": "[^"]*"/, '"createdAt": "+275760-09-13T00:00:00.000Z"'],
		['chatwoot-conversations.json', /"created_at": \d+/, '"created_at": 1e20'],
		['freshdesk-export.csv', /,2026-\d\d-\d\d \d\d:\d\d:\d\d,/, ',99999-12-31 10:00:00,'],
		['custom-cases.csv', /,2026-\d\d-\d\d,/, ',1969-12-31,'],
	])('%s', async (fixture, date, bad) => {
		const options: Partial<IngestOptions> = fixture.startsWith('custom')
			? { map: { id: 'Case Number', subject: 'Title', body: 'Customer Message', created: 'Opened' } }
			: {};
		const original = await read(fixture, options);
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-bad-date-'));
		try {
			const text = readFileSync(`${FIXTURES}/${fixture}`, 'utf8');
			expect(text).toMatch(date);
			const file = join(dir, fixture);
			writeFileSync(file, text.replace(date, bad));
			const r = await read(fixture, options, file);
			expect(r.tickets).toHaveLength(original.tickets.length - 1);
			expect(r.rejected.filter((x) => !original.rejected.some((o) => o.line === x.line))).toEqual([
				{ file, line: expect.any(Number), reason: 'the creation date is not a date from 1970 to 9999' },
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('several files', () => {
	it('keeps the first of two tickets with the same ID and names where it was', async () => {
		const file = `${FIXTURES}/zendesk-tickets.json`;
		const r = await ingest([openInput(file), openInput(file)], { format: 'auto' });
		expect(r.tickets).toHaveLength(11);
		expect(r.files[1]).toMatchObject({ tickets: 0, rejected: 12 });
		expect(r.rejected[1]).toEqual({
			file,
			line: 3,
			reason: `duplicate ticket ID 4801 (first at ${file}:3)`,
		});
	});
});
