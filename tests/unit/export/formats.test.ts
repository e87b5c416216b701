import { describe, expect, it } from 'vitest';
import { exportRecords, mapPlaceholders, PLACEHOLDER_MAP, shortCode, summaryLines, type ExportTemplate } from '../../../src/lib/export/formats.ts';
import { markdownToHtml } from '../../../src/lib/markdown-html.ts';

const t: ExportTemplate = {
	id: 'TPL-003',
	title: 'Ticket resolved',
	subject: 'Resolved: [Ticket ID]',
	body: 'Hi [Customer Name],\n\n**Fixed.** See [KB Link].\n\n[Agent Name]',
	placeholders: ['Ticket ID', 'Customer Name', 'KB Link', 'Agent Name'],
};

describe('template export', () => {
	it('writes a Zendesk macro with the reply as HTML and the subject, placeholders mapped', async () => {
		expect(await exportRecords('zendesk', [t], markdownToHtml)).toEqual([
			{
				title: 'Ticket resolved (TPL-003)',
				actions: [
					{ field: 'comment_value_html', value: '<p>Hi {{ticket.requester.first_name}},</p>\n<p><strong>Fixed.</strong> See [KB Link].</p>\n<p>{{current_user.first_name}}</p>' },
					{ field: 'subject', value: 'Resolved: {{ticket.id}}' },
				],
			},
		]);
	});

	it('writes Freshdesk, Chatwoot and Help Scout records in their shapes', async () => {
		const [fd] = (await exportRecords('freshdesk', [t], markdownToHtml)) as { title: string; content_html: string }[];
		expect(Object.keys(fd!)).toEqual(['title', 'content_html']);
		expect(fd!.content_html).toContain('{{ticket.requester.name}}');
		expect(await exportRecords('chatwoot', [t], markdownToHtml)).toEqual([
			{ short_code: 'tpl-003-ticket-resolved', content: 'Hi {{contact.name}},\n\n**Fixed.** See [KB Link].\n\n{{agent.name}}' },
		]);
		const [hs] = (await exportRecords('helpscout', [t], markdownToHtml)) as { name: string; text: string }[];
		expect(hs!.name).toBe('Ticket resolved (TPL-003)');
		expect(hs!.text).toContain('{%customer.firstName,fallback=there%}');
	});

	it('lists per template the placeholders the tool cannot fill', () => {
		expect(summaryLines('chatwoot', [t])).toEqual(['TPL-003 Ticket resolved: left as written: [KB Link]']);
		expect(summaryLines('json', [t])).toEqual(['TPL-003 Ticket resolved: left as written: [Ticket ID], [Customer Name], [KB Link], [Agent Name]']);
	});

	it('keeps short codes short and placeholders without a mapping as written', () => {
		expect(shortCode({ ...t, title: 'A very long title that goes on and on about the customer problem' }).length).toBeLessThanOrEqual(60);
		expect(mapPlaceholders('[Customer Name] [Fix Version]', PLACEHOLDER_MAP.helpscout)).toBe('{%customer.firstName,fallback=there%} [Fix Version]');
	});
});
