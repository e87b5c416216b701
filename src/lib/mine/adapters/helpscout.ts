/**
 * Help Scout Mailbox API v2 conversations, exported with `embed=threads`. Customer text is in the
 * threads of type `customer` (and chat threads a customer wrote); replies and notes are skipped.
 */
import type { AdapterResult, JsonAdapter } from '../ticket.ts';
import { at, channelName, handlingOf, idOf, isObject, minutesBetween, strings, tagsOf, text, timeOf } from './fields.ts';

function fromCustomer(t: Record<string, unknown>): boolean {
	return t.type === 'customer' || (t.type === 'chat' && at(t, 'createdBy.type') === 'customer');
}

function person(p: unknown): string[] {
	return strings(at(p, 'first'), at(p, 'last'), at(p, 'email'));
}

/** Help Scout conversations; `format: helpscout`. */
export const helpscout: JsonAdapter = {
	format: 'helpscout',
	detect: (v) =>
		isObject(v) &&
		(Array.isArray(at(v, '_embedded.threads')) || ('mailboxId' in v && 'primaryCustomer' in v)),
	read(v): AdapterResult {
		if (!isObject(v)) return { kind: 'reject', reason: 'record is not a JSON object' };
		const id = idOf(v.number) ?? idOf(v.id);
		if (id === null) return { kind: 'reject', reason: 'conversation has no "number" or "id"' };
		if (v.status === 'spam') return { kind: 'skip', reason: 'spam conversation' };
		if (v.state === 'deleted' || v.state === 'draft') {
			return { kind: 'skip', reason: `${v.state} conversation` };
		}
		const threads = at(v, '_embedded.threads');
		if (!Array.isArray(threads)) {
			return { kind: 'reject', reason: 'conversation has no threads; export with embed=threads' };
		}
		// The API lists threads newest first; the question is the oldest customer thread.
		const customer = threads
			.filter(isObject)
			.filter(fromCustomer)
			.map((t, i) => ({ t, i, time: timeOf(t.createdAt) ?? 0 }))
			.sort((a, b) => a.time - b.time || b.i - a.i);
		const bodies = customer.map(({ t }) => text(t.body)).filter((b): b is string => !!b);
		// The first reply: the oldest thread an agent wrote to the customer.
		const replies = threads
			.filter(isObject)
			.filter((t) => t.type === 'reply')
			.map((t) => timeOf(t.createdAt))
			.filter((t): t is number => t !== null);
		const created = timeOf(v.createdAt);
		if (bodies.length === 0) return { kind: 'skip', reason: 'no customer thread' };
		const subject = text(v.subject);
		if (subject === null) return { kind: 'reject', reason: '"subject" must be text' };
		return {
			kind: 'ticket',
			ticket: {
				id,
				subject,
				messages: bodies,
				html: true,
				created,
				channel: channelName(v.type ?? at(v, 'source.type')),
				tags: tagsOf(v.tags),
				personal: [
					...person(v.primaryCustomer),
					...customer.flatMap(({ t }) => [...person(t.customer), ...person(t.createdBy)]),
				],
				// Help Scout has no priority field: every conversation counts as unmapped.
				...handlingOf({
					priority: null,
					firstResponseMinutes: minutesBetween(created, replies.length === 0 ? null : Math.min(...replies)),
					resolutionMinutes: v.status === 'closed' ? minutesBetween(created, timeOf(v.closedAt)) : null,
					resolved: v.status === 'closed' ? true : v.status === 'active' || v.status === 'pending' ? false : null,
				}),
			},
		};
	},
};
