import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/lib/mine/cluster.ts';
import { buildSuggestions } from '../../../src/lib/mine/suggest.ts';
import type { Ticket } from '../../../src/lib/mine/ticket.ts';

const t = (
	id: string,
	text: string,
	day: string | null,
	channel: string | null = 'email',
): Ticket => ({
	id,
	text,
	subjectLength: 0,
	created: day === null ? null : Date.parse(`${day}T00:00:00Z`),
	channel,
	tags: [],
});

const tickets = [
	t('1', 'webhook retries stop', '2026-01-05'),
	t('2', 'webhook retry policy', '2026-03-01', 'web'),
	t('3', 'reset password link', '2026-02-01'),
	t('4', 'password reset mail', '2026-02-10', null),
	t('5', 'invoice tokens', null),
];
const queries = [
	{ id: 'query:1', text: 'webhook retry', count: 7 },
	{ id: 'query:4', text: 'dark mode', count: 2 },
];
const cluster = (members: number[], label: string, representative = members[0]!): Cluster => ({
	members,
	terms: label.split(' '),
	label,
	representative,
});

describe('buildSuggestions', () => {
	const clusters = [
		cluster([2, 3], 'password reset'),
		cluster([0, 1, 5], 'webhook retry policy', 5),
		cluster([4], 'invoice tokens'),
		cluster([6], 'dark mode'),
	];
	const { suggestions: s, members } = buildSuggestions({
		tickets,
		queries,
		clusters,
		coverage: [{ id: 'KB-0001', title: 'Reset your password', section: null, score: 0.4, margin: 0.2 }, null, null, null],
		files: [{ file: 'a.json', format: 'zendesk', tickets: 5, rejected: 1, skipped: 2 }],
		rejected: [{ file: 'a.json', line: 9, reason: 'ticket has no "id"' }],
		generatedAt: new Date('2026-11-23T12:00:00Z'),
	});

	it('ranks groups by tickets plus searches, then by the newest ticket, labelled in the representative’s words', () => {
		expect(s.clusters.map((c) => [c.id, c.label, c.size, c.searches])).toEqual([
			['G001', 'Webhook retry policy', 2, 7],
			['G002', 'Reset password link', 2, 0],
			['G003', 'Dark mode', 0, 2],
			['G004', 'Invoice tokens', 1, 0],
		]);
		expect(members[0]).toEqual([0, 1, 5]);
	});

	it('puts every ticket in exactly one group and queries beside them', () => {
		const ids = s.clusters.flatMap((c) => c.ticketIds).sort();
		expect(ids).toEqual(['1', '2', '3', '4', '5']);
		expect(s.clusters[0]!.queries).toEqual([{ id: 'query:1', text: 'webhook retry', count: 7 }]);
	});

	it('gives share, dates, channels and coverage per group', () => {
		const [webhook, password, , invoice] = s.clusters;
		expect(webhook).toMatchObject({
			share: 0.4,
			firstSeen: '2026-01-05T00:00:00.000Z',
			lastSeen: '2026-03-01T00:00:00.000Z',
			channels: { email: 1, web: 1 },
			coveredBy: null,
			draft: null,
		});
		expect(password).toMatchObject({
			channels: { email: 1, unknown: 1 },
			coveredBy: { id: 'KB-0001' },
		});
		expect(invoice).toMatchObject({ firstSeen: null, lastSeen: null });
	});

	it('shows a ticket, not a search query, as the representative of a group with tickets', () => {
		expect(s.clusters[0]!.representative).toEqual({ id: '2', text: 'webhook retry policy' });
		expect(s.clusters[2]!.representative).toEqual({ id: 'query:4', text: 'dark mode' });
	});

	it('summarises the input', () => {
		expect(s.generatedAt).toBe('2026-11-23T12:00:00.000Z');
		expect(s.input).toEqual({
			files: [{ file: 'a.json', format: 'zendesk', tickets: 5, rejected: 1, skipped: 2 }],
			format: 'zendesk',
			tickets: 5,
			rejected: 1,
			skipped: 2,
			queries: 2,
			searches: 9,
		});
		expect(s.rejected).toEqual([{ file: 'a.json', line: 9, reason: 'ticket has no "id"' }]);
	});
});
