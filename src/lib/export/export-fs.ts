/**
 * The export command's I/O: reads the reply templates from the content tree, writes one file per
 * tool, prints the summary, and pushes when asked. Pure mapping in formats.ts, HTTP in push.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAndCheckContent } from '../content-fs.ts';
import { formatProblems } from '../content-rules.ts';
import { markdownToHtml } from '../markdown-html.ts';
import { compareIds } from '../permalinks.ts';
import { EXPORT_FILE, exportRecords, summaryLines, type ExportTemplate, type Tool } from './formats.ts';
import { push, pushTarget, type Fetch, type PushResult, type Sleep } from './push.ts';

export interface ExportOptions {
	tool: Tool;
	contentDir: string;
	outDir: string;
	push: boolean;
	env: Record<string, string | undefined>;
	fetch: Fetch;
	sleep: Sleep;
	log: (line: string) => void;
}

/** Bad data or a refused push: the CLI prints the message and exits 1. */
export class ExportError extends Error {}

export async function runExport(o: ExportOptions): Promise<{ file: string; pushed?: PushResult }> {
	const { set, problems } = loadAndCheckContent(o.contentDir);
	if (problems.length > 0) throw new ExportError(formatProblems(problems));
	const templates: ExportTemplate[] = set.templates
		.map((e) => ({ id: e.data.id, title: e.data.title, subject: e.data.subject, body: e.body.trim(), placeholders: e.data.placeholders }))
		.sort((a, b) => compareIds(a.id, b.id));
	if (templates.length === 0) throw new ExportError(`${o.contentDir}/templates: no reply templates to export`);
	const records = await exportRecords(o.tool, templates, markdownToHtml);
	const { file, key } = EXPORT_FILE[o.tool];
	mkdirSync(o.outDir, { recursive: true });
	const path = join(o.outDir, file);
	writeFileSync(path, `${JSON.stringify({ [key]: records }, null, '\t')}\n`);
	o.log(`${path}: ${records.length} reply templates`);
	for (const line of summaryLines(o.tool, templates)) o.log(`  ${line}`);
	if (!o.push) return { file: path };
	if (o.tool === 'json') throw new ExportError('--push needs a helpdesk: --to zendesk, freshdesk, chatwoot or helpscout');
	const target = pushTarget(o.tool, o.env);
	if ('missing' in target) throw new ExportError(`--push to ${o.tool} needs ${target.missing.join(', ')} in the environment`);
	const pushed = await push(o.tool, records, target, o.fetch, o.sleep);
	o.log(`pushed to ${o.tool}: ${pushed.created.length} created, ${pushed.updated.length} updated, ${pushed.retries} requests retried`);
	return { file: path, pushed };
}
