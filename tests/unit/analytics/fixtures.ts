import type { AnalyticsEvent } from '../../../src/schemas/event.ts';

/**
 * Builds hand-written event logs: `at('s1', 0)` is session s1 (padded to a valid id) at minute 0
 * of 2026-11-20 UTC.
 */
export function at(session: string, minute: number, day = '2026-11-20') {
	const base = {
		session: `${session}-session`,
		ts: new Date(Date.parse(`${day}T10:00:00.000Z`) + minute * 60_000).toISOString(),
	};
	return {
		search: (query: string, results: number, path = '/'): AnalyticsEvent => ({
			type: 'search',
			...base,
			path,
			query,
			results,
		}),
		click: (query: string, rank: number, target: string): AnalyticsEvent => ({
			type: 'result_click',
			...base,
			path: '/',
			query,
			rank,
			target,
		}),
		view: (id: string): AnalyticsEvent => ({
			type: 'page_view',
			...base,
			path: id.startsWith('KB-') ? `/kb/${id}/` : `/${id}/`,
			id,
		}),
		vote: (id: string, helpful: boolean, reason?: string): AnalyticsEvent => ({
			type: 'helpful_vote',
			...base,
			path: `/kb/${id}/`,
			id,
			helpful,
			...(reason === undefined ? {} : { reason }),
		}),
		contact: (target: string): AnalyticsEvent => ({
			type: 'contact_click',
			...base,
			path: '/contact/',
			target,
		}),
	};
}
