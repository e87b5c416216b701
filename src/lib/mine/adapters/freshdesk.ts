/**
 * Freshdesk: the "Export tickets" CSV from the admin UI (column labels such as "Ticket ID",
 * "Subject", "Description", "Source", "Tags", "Created time", matched case-insensitively because
 * Freshservice writes them in title case), and API v2 ticket objects (`GET /api/v2/tickets`).
 */
import { InputError } from '../../cli-errors.ts';
import type { AdapterResult, CsvAdapter, JsonAdapter } from '../ticket.ts';
import {
	at,
	channelName,
	handlingOf,
	hoursAsMinutes,
	idOf,
	isObject,
	minutesBetween,
	strings,
	tagsOf,
	text,
	timeOf,
} from './fields.ts';

// API v2 `priority` codes, named as the Freshdesk UI and CSV export name them.
const PRIORITIES: Record<number, string> = { 1: 'low', 2: 'medium', 3: 'high', 4: 'urgent' };
// API v2 `status` codes: 2 Open, 3 Pending, 4 Resolved, 5 Closed (custom statuses are unknown).
const RESOLVED: Record<number, boolean> = { 2: false, 3: false, 4: true, 5: true };

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
				// `stats` comes with the ticket when listed with include=stats.
				...handlingOf({
					priority: typeof v.priority === 'number' ? PRIORITIES[v.priority] : v.priority,
					firstResponseMinutes: minutesBetween(timeOf(v.created_at), timeOf(at(v, 'stats.first_responded_at'))),
					resolutionMinutes: minutesBetween(
						timeOf(v.created_at),
						timeOf(at(v, 'stats.resolved_at')) ?? timeOf(at(v, 'stats.closed_at')),
					),
					resolved: typeof v.status === 'number' ? (RESOLVED[v.status] ?? null) : null,
				}),
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
		const [priority, status, firstResponse, resolution] = [
			'priority',
			'status',
			'first response time (in hrs)',
			'resolution time (in hrs)',
		].map(col) as [number, number, number, number];
		if (id < 0 || subject < 0) {
			throw new InputError(
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
					...handlingOf({
						priority: cell(row, priority),
						firstResponseMinutes: hoursAsMinutes(cell(row, firstResponse)),
						resolutionMinutes: hoursAsMinutes(cell(row, resolution)),
						resolved: statusResolved(cell(row, status)),
					}),
				},
			};
		};
	},
};

/** The export's Status column: Resolved and Closed are done, Open and Pending are not; else unknown. */
function statusResolved(status: string): boolean | null {
	const s = status.trim().toLowerCase();
	return s === 'resolved' || s === 'closed' ? true : s === 'open' || s === 'pending' ? false : null;
}
