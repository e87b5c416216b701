import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../src/lib/markdown-html.ts';
import { isKbLinkPlaceholder, templatePreviewHtml } from '../../../src/lib/template-preview.ts';

describe('templatePreviewHtml', () => {
	it('renders the Markdown with a slot per placeholder, also where one is a link target', async () => {
		expect(await templatePreviewHtml('Hi [Customer Name],\n\n**Read** [this](https://x.example/?a=1) or [KB Link].', markdownToHtml)).toBe(
			'<p>Hi <span data-placeholder="Customer Name"><mark>[Customer Name]</mark></span>,</p>\n<p><strong>Read</strong> <a href="https://x.example/?a=1">this</a> or <span data-placeholder="KB Link"><mark>[KB Link]</mark></span>.</p>',
		);
	});

	it('offers the KB picker for link placeholders only', () => {
		expect(['KB Link', 'Article URL', 'KB Article Link', 'Customer Name', 'Survey Link'].map(isKbLinkPlaceholder)).toEqual([true, true, true, false, false]);
	});
});
