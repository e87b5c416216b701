/**
 * Freshdesk: the "Export tickets" CSV from the admin UI (column labels such as "Ticket ID",
 * "Subject", "Description", "Source", "Tags", "Created time", matched case-insensitively because
 * Freshservice writes them in title case), and API v2 ticket objects (`GET /api/v2/tickets`).
 */
import { MineError } from '../errors.ts';
import type { AdapterResult, CsvAdapter, JsonAdapter } from '../ticket.ts';
import { channelName, idOf, isObject, strings, tagsOf, text, timeOf } from './fields.ts';

// API v2 `source` codes.
const SOURCES: Record<number, string> = {
	1: 'email',
	2: 'portal',
	3: 'phone',
	7: 'chat',
	9: 'feedback_widget',
	10: 'outbound_email',
};

/** Freshdesk API v2 tickets; `format: freshdesk`. */
export const freshdeskJson: JsonAdapter = {
	format: 'freshdesk',
	detect: (v) =>
		isObject(v) &&
		'subject' in v &&
		('description_text' in v ||
			('requester_id' in v && typeof v.source === 'number' && typeof v.status === 'number')),
	read(v): AdapterResult {
		if (!isObject(v)) return { kind: 'reject', reason: 'record is not a JSON object' };
		const id = idOf(v.id);
		if (id === null) return { kind: 'reject', reason: 'ticket has no "id"' };
		if (v.spam === true || v.deleted === true)
			return { kind: 'skip', reason: 'spam or deleted ticket' };
		const subject = text(v.subject);
		const plain = text(v.description_text);
		const html = text(v.description);
		if (subject === null || plain === null || html === null) {
			return { kind: 'reject', reason: '"subject" and "description" must be text' };
		}
		const requester = isObject(v.requester) ? v.requester : {};
		return {
			kind: 'ticket',
			ticket: {
				id,
				subject,
				messages: [plain !== '' ? plain : html],
				html: plain === '' && html !== '' ? true : false,
				created: timeOf(v.created_at),
				channel: typeof v.source === 'number' ? (SOURCES[v.source] ?? null) : null,
				tags: tagsOf(v.tags),
				personal: strings(requester.name, requester.email, requester.phone, requester.mobile),
			},
		};
	},
};

const PERSONAL_COLUMNS = [
	'full name',
	'email',
	'work phone',
	'mobile phone',
	'twitter id',
	'facebook id',
	'unique external id',
];

/** Index of each lower-cased header label. */
function headerIndex(header: readonly string[]): Map<string, number> {
	const index = new Map<string, number>();
	header.forEach((h, i) => {
		const key = h.trim().toLowerCase();
		if (!index.has(key)) index.set(key, i);
	});
	return index;
}

/** The Freshdesk "Export tickets" CSV; `format: freshdesk`. */
export const freshdeskCsv: CsvAdapter = {
	format: 'freshdesk',
	detect(header) {
		const index = headerIndex(header);
		return index.has('ticket id') && index.has('subject');
	},
	reader(header, { file }) {
		const index = headerIndex(header);
		const col = (name: string) => index.get(name) ?? -1;
		const [id, subject, description, source, tags, created] = [
			'ticket id',
			'subject',
			'description',
			'source',
			'tags',
			'created time',
		].map(col) as [number, number, number, number, number, number];
		if (id < 0 || subject < 0) {
			throw new MineError(
				'a Freshdesk export needs the "Ticket ID" and "Subject" columns',
				file,
				1,
			);
		}
		const personal = PERSONAL_COLUMNS.map(col).filter((i) => i >= 0);
		const cell = (row: readonly string[], i: number) => (i >= 0 ? (row[i] ?? '') : '');
		return (row): AdapterResult => {
			const ticketId = cell(row, id).trim();
			if (ticketId === '') return { kind: 'reject', reason: '"Ticket ID" is empty' };
			return {
				kind: 'ticket',
				ticket: {
					id: ticketId,
					subject: cell(row, subject),
					messages: [cell(row, description)],
					created: timeOf(cell(row, created)),
					channel: channelName(cell(row, source)),
					tags: tagsOf(cell(row, tags)),
					personal: personal.map((i) => cell(row, i)).filter((v) => v.trim() !== ''),
				},
			};
		};
	},
};
