/**
 * Zendesk Support tickets: the Tickets API list (`{"tickets": [...]}`) and the incremental export
 * (the same ticket objects, one per JSON Lines line or in `tickets` pages). `description` is the
 * first comment as plain text, which is the customer's question.
 */
import type { AdapterResult, JsonAdapter } from '../ticket.ts';
import { at, channelName, handlingOf, idOf, isObject, minutesOf, strings, tagsOf, text, timeOf } from './fields.ts';

const SOLVED = new Set(['solved', 'closed']);
const OPEN = new Set(['new', 'open', 'pending', 'hold']);

/** Zendesk tickets; `format: zendesk`. */
export const zendesk: JsonAdapter = {
	format: 'zendesk',
	detect: (v) =>
		isObject(v) &&
		'subject' in v &&
		('description' in v || 'raw_subject' in v) &&
		('via' in v || 'requester_id' in v || 'ticket_form_id' in v),
	read(v): AdapterResult {
		if (!isObject(v)) return { kind: 'reject', reason: 'record is not a JSON object' };
		const id = idOf(v.id);
		if (id === null) return { kind: 'reject', reason: 'ticket has no "id"' };
		// The incremental export returns deleted tickets with their last state.
		if (v.status === 'deleted') return { kind: 'skip', reason: 'deleted ticket' };
		const subject = text(v.subject ?? v.raw_subject);
		const description = text(v.description);
		if (subject === null || description === null) {
			return { kind: 'reject', reason: '"subject" and "description" must be text' };
		}
		return {
			kind: 'ticket',
			ticket: {
				id,
				subject,
				messages: [description],
				html: false,
				created: timeOf(v.created_at),
				channel: channelName(at(v, 'via.channel')),
				tags: tagsOf(v.tags),
				// E-mail tickets name the sender in via.source.from.
				personal: strings(at(v, 'via.source.from.address'), at(v, 'via.source.from.name')),
				// Ticket metrics come with the ticket when listed with include=metric_sets (calendar
				// minutes; business minutes depend on the account's schedule).
				...handlingOf({
					priority: v.priority,
					firstResponseMinutes: minutesOf(at(v, 'metric_set.reply_time_in_minutes.calendar')),
					resolutionMinutes: minutesOf(at(v, 'metric_set.full_resolution_time_in_minutes.calendar')),
					resolved: typeof v.status === 'string' ? (SOLVED.has(v.status) ? true : OPEN.has(v.status) ? false : null) : null,
				}),
			},
		};
	},
};
