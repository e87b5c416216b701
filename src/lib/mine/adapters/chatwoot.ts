/**
 * Chatwoot conversations with their messages (Application API `conversations` payloads, or
 * webhook `conversation_*` payloads). Only incoming, public messages are the customer's words;
 * outgoing replies, private notes and activity messages are the team's.
 */
import type { AdapterResult, JsonAdapter } from '../ticket.ts';
import { at, channelName, handlingOf, idOf, isObject, minutesBetween, strings, tagsOf, text, timeOf } from './fields.ts';

function incoming(m: Record<string, unknown>): boolean {
	// The API uses 0 for incoming; webhooks send the string.
	return (m.message_type === 0 || m.message_type === 'incoming') && m.private !== true;
}

/** Chatwoot conversations; `format: chatwoot`. */
export const chatwoot: JsonAdapter = {
	format: 'chatwoot',
	detect: (v) =>
		isObject(v) &&
		Array.isArray(v.messages) &&
		('inbox_id' in v || 'account_id' in v || 'contact_inbox' in v),
	read(v): AdapterResult {
		if (!isObject(v)) return { kind: 'reject', reason: 'record is not a JSON object' };
		const id = idOf(v.id);
		if (id === null) return { kind: 'reject', reason: 'conversation has no "id"' };
		if (!Array.isArray(v.messages)) return { kind: 'reject', reason: '"messages" must be a list' };
		const messages = v.messages
			.filter(isObject)
			.filter(incoming)
			.map((m, i) => ({ m, i, t: timeOf(m.created_at) ?? 0 }))
			.sort((a, b) => a.t - b.t || a.i - b.i);
		const texts = messages.map(({ m }) => text(m.content)).filter((c): c is string => !!c);
		if (texts.length === 0) return { kind: 'skip', reason: 'no incoming message' };
		const sender = at(v, 'meta.sender');
		const created = timeOf(v.created_at) ?? timeOf(v.timestamp) ?? timeOf(messages[0]?.m.created_at);
		return {
			kind: 'ticket',
			ticket: {
				id,
				subject: text(at(v, 'additional_attributes.mail_subject')) ?? '',
				messages: texts,
				created,
				channel: channelName(at(v, 'meta.channel') ?? v.channel),
				tags: tagsOf(v.labels),
				personal: strings(
					at(sender, 'name'),
					at(sender, 'email'),
					at(sender, 'phone_number'),
					...messages.map(({ m }) => at(m, 'sender.name')),
				),
				// The conversation payload has no resolution time; resolved is its status.
				...handlingOf({
					priority: v.priority,
					firstResponseMinutes: minutesBetween(created, timeOf(v.first_reply_created_at)),
					resolutionMinutes: null,
					resolved:
						v.status === 'resolved' ? true : v.status === 'open' || v.status === 'pending' || v.status === 'snoozed' ? false : null,
				}),
			},
		};
	},
};
