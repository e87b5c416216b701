/**
 * Reply templates in each helpdesk's own shape, for `npm run export`. Pure: the command reads the
 * templates and renders Markdown; these functions only map fields and placeholders.
 *
 * Shapes followed (README "Template export" cites the pages):
 * - Zendesk Macros API: `{ "macro": { "title", "actions": [{ "field", "value" }] } }`, with the
 *   actions `comment_value_html` (the reply) and `subject`;
 * - Freshdesk canned responses: `{ "title", "content_html", "folder_id" }`;
 * - Chatwoot canned responses: `{ "short_code", "content" }`;
 * - Help Scout saved replies: `{ "name", "text" }` (`text` is HTML).
 */
import { findPlaceholders, splitPlaceholders } from '../placeholders.ts';

export const TOOLS = ['zendesk', 'freshdesk', 'chatwoot', 'helpscout', 'json'] as const;
export type Tool = (typeof TOOLS)[number];

/**
 * Each tool's own placeholder for the customer's name, the agent's name and the ticket number
 * (its documented ticket/conversation variables); any other placeholder stays `[Like This]`.
 */
export const PLACEHOLDER_MAP: Record<Exclude<Tool, 'json'>, Readonly<Record<string, string>>> = {
	zendesk: {
		'Customer Name': '{{ticket.requester.first_name}}',
		'Agent Name': '{{current_user.first_name}}',
		'Ticket ID': '{{ticket.id}}',
	},
	freshdesk: {
		'Customer Name': '{{ticket.requester.name}}',
		'Agent Name': '{{ticket.agent.name}}',
		'Ticket ID': '{{ticket.id}}',
	},
	chatwoot: {
		'Customer Name': '{{contact.name}}',
		'Agent Name': '{{agent.name}}',
		'Ticket ID': '{{conversation.id}}',
	},
	helpscout: {
		'Customer Name': '{%customer.firstName,fallback=there%}',
		'Agent Name': '{%user.firstName%}',
		'Ticket ID': '{%conversation.number%}',
	},
};

/** A reply template as the export reads it. */
export interface ExportTemplate {
	id: string;
	title: string;
	subject: string;
	/** The body, Markdown with `[Placeholder]`s. */
	body: string;
	placeholders: readonly string[];
}

/** Renders Markdown to HTML (src/lib/markdown-html.ts). */
export type RenderHtml = (markdown: string) => Promise<string>;

/** Text with the tool's placeholders put in; names the tool has none for stay as written. */
export function mapPlaceholders(text: string, map: Readonly<Record<string, string>>): string {
	return splitPlaceholders(text)
		.map((p) => (p.placeholder ? (map[p.text] ?? `[${p.text}]`) : p.text))
		.join('');
}

/** The placeholders of a template the tool cannot fill, which agents fill by hand. */
export function unmapped(template: ExportTemplate, tool: Tool): string[] {
	const map = tool === 'json' ? {} : PLACEHOLDER_MAP[tool];
	return findPlaceholders(`${template.subject}\n${template.body}`).filter((name) => !(name in map));
}

/** The name a template has in every tool: stable, so a second export updates instead of adding. */
export const exportTitle = (t: ExportTemplate): string => `${t.title} (${t.id})`;

/** Chatwoot's short code, typed after `/` in the reply box: `tpl-001-initial-acknowledgement`. */
export function shortCode(t: ExportTemplate): string {
	const slug = t.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return `${t.id.toLowerCase()}-${slug}`.slice(0, 60).replace(/-$/, '');
}

export interface ZendeskMacro {
	title: string;
	actions: { field: 'comment_value_html' | 'subject'; value: string }[];
}
export interface FreshdeskCannedResponse {
	title: string;
	content_html: string;
}
export interface ChatwootCannedResponse {
	short_code: string;
	content: string;
}
export interface HelpScoutSavedReply {
	name: string;
	text: string;
}

/** One record per template in the tool's shape (the `json` tool: the templates as they are). */
export async function exportRecords(tool: Tool, templates: readonly ExportTemplate[], html: RenderHtml): Promise<unknown[]> {
	return Promise.all(
		templates.map(async (t) => {
			if (tool === 'json') return { id: t.id, title: t.title, subject: t.subject, placeholders: [...t.placeholders], markdown: t.body, html: await html(t.body) };
			const map = PLACEHOLDER_MAP[tool];
			const body = mapPlaceholders(t.body, map);
			switch (tool) {
				case 'zendesk':
					return {
						title: exportTitle(t),
						actions: [
							{ field: 'comment_value_html', value: await html(body) },
							{ field: 'subject', value: mapPlaceholders(t.subject, map) },
						],
					} satisfies ZendeskMacro;
				case 'freshdesk':
					return { title: exportTitle(t), content_html: await html(body) } satisfies FreshdeskCannedResponse;
				case 'chatwoot':
					// Chatwoot's reply box takes Markdown, so the body goes as written.
					return { short_code: shortCode(t), content: body } satisfies ChatwootCannedResponse;
				case 'helpscout':
					return { name: exportTitle(t), text: await html(body) } satisfies HelpScoutSavedReply;
			}
		}),
	);
}

/** The file each tool's export is written to, and what it holds at the top. */
export const EXPORT_FILE: Record<Tool, { file: string; key: string }> = {
	zendesk: { file: 'zendesk-macros.json', key: 'macros' },
	freshdesk: { file: 'freshdesk-canned-responses.json', key: 'canned_responses' },
	chatwoot: { file: 'chatwoot-canned-responses.json', key: 'canned_responses' },
	helpscout: { file: 'helpscout-saved-replies.json', key: 'saved_replies' },
	json: { file: 'templates.json', key: 'templates' },
};

/** The summary lines: per template, the placeholders agents still fill by hand in that tool. */
export function summaryLines(tool: Tool, templates: readonly ExportTemplate[]): string[] {
	return templates.map((t) => {
		const left = unmapped(t, tool);
		return `${t.id} ${t.title}: ${left.length === 0 ? 'every placeholder mapped' : `left as written: ${left.map((n) => `[${n}]`).join(', ')}`}`;
	});
}
