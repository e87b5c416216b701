/**
 * GitHub issues from the REST API (`GET /repos/{owner}/{repo}/issues?state=all`): title, body
 * (Markdown) and labels. The endpoint also returns pull requests, marked by a `pull_request` key;
 * they are not support questions and are skipped.
 */
import type { AdapterResult, JsonAdapter } from '../ticket.ts';
import { at, idOf, isObject, strings, tagsOf, text, timeOf } from './fields.ts';

/**
 * Markdown to plain words: template comments, images and link targets go; code fences stay for
 * cleaning (clean-dev.ts keeps their error lines). Emphasis marks go only around words, never
 * inside one: `load_dataset` and `num_proc` stay whole, and a code span keeps its text.
 */
export function markdownToText(md: string): string {
	return (
		md
			// Issue templates are full of <!-- instructions -->.
			.replace(/<!--[\s\S]*?-->/g, ' ')
			.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
			.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
			// Headings are the template's ("Describe the bug", "Steps to reproduce"), not the customer's.
			.replace(/^\s{0,3}#{1,6}\s.*$/gm, ' ')
			.replace(/`([^`\n]+)`/g, '$1')
			.replace(/(^|[^\w*])(\*{1,3}|_{1,3})(?=\S)([^\n]*?\S)\2(?![\w*])/g, '$1$3')
	);
}

/** GitHub issues; `format: github`. */
export const github: JsonAdapter = {
	format: 'github',
	detect: (v) =>
		isObject(v) &&
		typeof v.number === 'number' &&
		'title' in v &&
		('html_url' in v || 'repository_url' in v || 'labels' in v),
	read(v): AdapterResult {
		if (!isObject(v)) return { kind: 'reject', reason: 'record is not a JSON object' };
		const id = idOf(v.number);
		if (id === null) return { kind: 'reject', reason: 'issue has no "number"' };
		if (v.pull_request !== undefined) return { kind: 'skip', reason: 'pull request' };
		const title = text(v.title);
		const body = text(v.body);
		if (title === null || body === null) {
			return { kind: 'reject', reason: '"title" and "body" must be text' };
		}
		const login = at(v, 'user.login');
		return {
			kind: 'ticket',
			ticket: {
				id,
				subject: title,
				// @mentions are people's handles.
				messages: [
					markdownToText(body).replace(/(^|[^\w@])@[A-Za-z0-9][A-Za-z0-9-]{0,38}\b/g, '$1[name]'),
				],
				html: false,
				created: timeOf(v.created_at),
				channel: 'github',
				tags: tagsOf(v.labels),
				personal: strings(login),
			},
		};
	},
};
