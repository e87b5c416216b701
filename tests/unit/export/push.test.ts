import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRecords, type ExportTemplate } from '../../../src/lib/export/formats.ts';
import { nextLink, push, pushTarget, retryAfterMs, type PushTarget } from '../../../src/lib/export/push.ts';
import { markdownToHtml } from '../../../src/lib/markdown-html.ts';
import { fakeHelpdesk, type FakeHelpdesk } from './fake-helpdesk.ts';

const templates: ExportTemplate[] = ['001', '002', '003'].map((n) => ({
	id: `TPL-${n}`,
	title: `Reply ${n}`,
	subject: 'Re: [Ticket ID]',
	body: `Hi [Customer Name],\n\nSee [KB Link].\n\n[Agent Name]`,
	placeholders: ['Ticket ID', 'Customer Name', 'KB Link', 'Agent Name'],
}));

let desk: FakeHelpdesk;
beforeAll(async () => {
	desk = await fakeHelpdesk(2);
});
afterAll(() => desk.close());

const env = (url: string) => ({
	ZENDESK_URL: url, ZENDESK_EMAIL: 'agent@example.com', ZENDESK_API_TOKEN: 't',
	FRESHDESK_URL: url, FRESHDESK_API_KEY: 'k', FRESHDESK_FOLDER_ID: '7',
	CHATWOOT_URL: url, CHATWOOT_ACCOUNT_ID: '3', CHATWOOT_API_TOKEN: 't',
	HELPSCOUT_URL: url, HELPSCOUT_MAILBOX_ID: '100', HELPSCOUT_TOKEN: 't',
});

describe.each(['zendesk', 'freshdesk', 'chatwoot', 'helpscout'] as const)('pushing to %s', (tool) => {
	it('creates every template once, then updates them in place, following pagination', async () => {
		const target = pushTarget(tool, env(desk.url)) as PushTarget;
		const records = await exportRecords(tool, templates, markdownToHtml);
		const waits: number[] = [];
		const sleep = async (ms: number) => void waits.push(ms);
		const first = await push(tool, records, target, fetch, sleep);
		expect(first.created.length).toBe(3);
		expect(first.updated).toEqual([]);
		// Edited on our side, pushed again: three updates, still three records on theirs.
		const edited = await exportRecords(tool, templates.map((t) => ({ ...t, body: `${t.body}\n\nThanks!` })), markdownToHtml);
		const second = await push(tool, edited, target, fetch, sleep);
		expect([second.created, second.updated.length]).toEqual([[], 3]);
		expect(desk.stored[tool]!.length).toBe(3);
		expect(JSON.stringify(desk.stored[tool])).toContain('Thanks!');
		expect(waits).toEqual([]);
	});
});

describe('retries', () => {
	it('waits as long as Retry-After says on 429, backs off on 503, and gives up on other errors', async () => {
		const target = pushTarget('chatwoot', { ...env(desk.url), CHATWOOT_ACCOUNT_ID: '4' }) as PushTarget;
		const records = await exportRecords('chatwoot', templates.slice(0, 1), markdownToHtml);
		desk.failNext.push({ status: 429, retryAfter: '7' }, { status: 503 }, { status: 503 });
		const waits: number[] = [];
		const result = await push('chatwoot', records, target, fetch, async (ms) => void waits.push(ms));
		// The pause doubles with each attempt of the same request: 500 ms, 1 s, 2 s…; Retry-After wins.
		expect(waits).toEqual([7000, 1000, 2000]);
		expect(result.retries).toBe(3);
		desk.failNext.push({ status: 422 });
		await expect(push('chatwoot', records, target, fetch, async () => {})).rejects.toThrow(/GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\/accounts\/4\/canned_responses: HTTP 422/);
	});

	it('reads Retry-After as seconds or an HTTP date, and Link headers for the next page', () => {
		expect(retryAfterMs('3', 0)).toBe(3000);
		expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
		expect(retryAfterMs(null, 0)).toBeNull();
		expect(nextLink('<https://x.example/api/v2/a?page=2>; rel="next"')).toBe('https://x.example/api/v2/a?page=2');
		expect(nextLink(null)).toBeNull();
	});

	it('names the environment variables a push is missing', () => {
		expect(pushTarget('helpscout', { HELPSCOUT_URL: 'http://127.0.0.1:1' })).toEqual({ missing: ['HELPSCOUT_MAILBOX_ID', 'HELPSCOUT_TOKEN'] });
	});
});
