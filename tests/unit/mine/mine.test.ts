import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { runMine } from '../../../src/lib/mine/cli-fs.ts';
import type { InputFile } from '../../../src/lib/mine/ingest.ts';
import { mine } from '../../../src/lib/mine/mine.ts';
import type { Suggestions } from '../../../src/lib/mine/suggest.ts';
import { FaqSchema } from '../../../src/schemas/faq.ts';
import { outputLeaks } from './planted.ts';

const FIXTURES = 'tests/unit/fixtures/mine';
const EXPORTS = [
	'zendesk-tickets.json',
	'zendesk-incremental.jsonl',
	'freshdesk-export.csv',
	'chatwoot-conversations.json',
	'helpscout-conversations.json',
	'github-issues.json',
	'custom-cases.csv',
].map((f) => `${FIXTURES}/${f}`);

let dir: string;
let out: string;
let drafts: string;
let lines: string[];
const warnings: string[] = [];
let s: Suggestions;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'mine-run-'));
	out = join(dir, 'out');
	drafts = join(dir, 'drafts');
	lines = await runMine(
		{
			files: EXPORTS,
			map: 'id=Case Number,subject=Title,body=Customer Message,created=Opened,tags=Labels',
			queries: `${FIXTURES}/zero-result-queries.csv`,
			out,
			drafts,
			content: `${FIXTURES}/content`,
		},
		(l) => warnings.push(l),
	);
	s = JSON.parse(readFileSync(join(out, 'suggestions.json'), 'utf8')) as Suggestions;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a run over every adapter', () => {
	it('counts what it read, file by file', () => {
		expect(s.input.files.map((f) => [f.format, f.tickets, f.rejected, f.skipped])).toEqual([
			['zendesk', 11, 1, 0],
			['zendesk', 6, 2, 1],
			['freshdesk', 11, 1, 0],
			['chatwoot', 11, 1, 1],
			['helpscout', 11, 1, 1],
			['github', 11, 1, 1],
			['csv', 11, 0, 0],
		]);
		expect(s.input).toMatchObject({
			format: 'mixed',
			tickets: 72,
			rejected: 7,
			skipped: 4,
			queries: 4,
			searches: 26,
		});
		expect(lines[0]).toMatch(
			/^mined 72 tickets from 7 files \(mixed\) in \d+\.\d s: 7 rejected, 4 skipped, 4 search queries$/,
		);
	});

	it('puts every kept ticket in exactly one group', () => {
		const ids = s.clusters.flatMap((c) => c.ticketIds);
		expect(ids).toHaveLength(72);
		expect(new Set(ids).size).toBe(72);
		expect(s.clusters.reduce((n, c) => n + c.size, 0)).toBe(72);
		expect(s.clusters.flatMap((c) => c.queries.map((q) => q.id)).sort()).toEqual([
			'query:2',
			'query:3',
			'query:4',
			'query:5',
		]);
	});

	it('lists rejected records with file and line, and prints them', () => {
		expect(s.rejected).toContainEqual({
			file: `${FIXTURES}/zendesk-tickets.json`,
			line: 563,
			reason: '"subject" and "description" must be text',
		});
		expect(s.rejected).toContainEqual({
			file: `${FIXTURES}/freshdesk-export.csv`,
			line: 5,
			reason: 'row has 3 fields, the header has 30',
		});
		expect(warnings).toContain(`${FIXTURES}/zendesk-incremental.jsonl:3: not valid JSON`);
	});

	it('ranks groups by size and recency', () => {
		for (let i = 1; i < s.clusters.length; i++) {
			const [a, b] = [s.clusters[i - 1]!, s.clusters[i]!];
			expect(a.size + a.searches).toBeGreaterThanOrEqual(b.size + b.searches);
			if (a.size + a.searches === b.size + b.searches && a.lastSeen && b.lastSeen) {
				expect(a.lastSeen >= b.lastSeen).toBe(true);
			}
		}
	});

	it('checks groups against published KB articles and FAQs only', () => {
		const covering = s.clusters.flatMap((c) => (c.coveredBy ? [c.coveredBy.id] : []));
		expect(covering).toContain('KB-0901');
		// KB-0902 is a draft: it does not answer anyone yet.
		expect(covering).not.toContain('KB-0902');
	});

	it('drafts a valid FAQ entry for each uncovered group of at least --min-size', () => {
		const eligible = s.clusters.filter((c) => c.coveredBy === null && c.size + c.searches >= 3);
		expect(eligible.length).toBeGreaterThan(0);
		expect(s.clusters.filter((c) => c.draft !== null)).toEqual(eligible);
		const files = readdirSync(drafts).filter((f) => f.endsWith('.md'));
		expect(files).toHaveLength(eligible.length);
		for (const c of eligible) {
			const file = join(drafts, c.draft!.split('/').pop()!);
			const { data, body } = splitFrontmatter(readFileSync(file, 'utf8'));
			expect(FaqSchema.parse(data)).toMatchObject({ status: 'draft', related: [] });
			expect(body).toContain(`Evidence: ${c.size} ticket`);
			expect(body).toContain(
				c.size > 0
					? `Example tickets: ${c.ticketIds.slice(0, 3).join(', ')}`
					: 'No tickets; only searches.',
			);
		}
	});

	it('writes the reports', () => {
		expect(readdirSync(out).sort()).toEqual([
			'.tierzero-mine',
			'report.html',
			'report.md',
			'suggestions.json',
		]);
		expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<svg');
		expect(existsSync(join(dir, 'content'))).toBe(false);
	});

	it('writes none of the planted personal data or secrets anywhere', () => {
		const written = [
			...readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8')),
			...readdirSync(drafts).map((f) => readFileSync(join(drafts, f), 'utf8')),
			...lines,
			...warnings,
		].join('\n');
		expect(written).toContain('[email]');
		// The sentence with a name in it made it out; the name did not.
		expect(written).toMatch(/my colleague \\?\[name\\?\] checked the logs/);
		expect(outputLeaks(written)).toEqual([]);
	});
});

describe('output folders', () => {
	it('refuses drafts inside the report folder, before reading anything', async () => {
		await expect(
			runMine({ files: ['missing.json'], out: join(dir, 'r'), drafts: join(dir, 'r', 'drafts') }),
		).rejects.toThrow('must be separate folders, neither inside the other');
	});
});

/** An in-memory export or queries file. */
function file(name: string, text: string): InputFile {
	return {
		name,
		chunks: (async function* () {
			yield text;
		})(),
	};
}

const WEBHOOK_TICKETS = [
	'How do I make webhook retries happen more often?',
	'How do I change the webhook retry policy?',
	'Webhook retries stop after three attempts, how do I raise that?',
	'How do webhook retries work when our endpoint is down?',
	'Do you retry a failed webhook delivery, and how often?',
	'webhook retry policy: how many retries before it gives up?',
];
const PASSWORD_TICKETS = [
	'How do I reset my password?',
	'Password reset link does not work',
	'I forgot my password, how can I reset it?',
];

async function run(queries: string) {
	const tickets = [...WEBHOOK_TICKETS, ...PASSWORD_TICKETS];
	const csv = `id,subject\n${tickets.map((t, i) => `T${i},"${t}"`).join('\n')}\n`;
	const { suggestions } = await mine([file('tickets.csv', csv)], {
		format: 'csv',
		map: { id: 'id', subject: 'subject' },
		queries: file('queries.csv', queries),
		content: [],
		categories: new Set(),
		minSize: 3,
		draftsDir: 'drafts',
		now: new Date('2026-12-01T00:00:00Z'),
	});
	return suggestions.clusters;
}

describe('zero-result search queries in mining', () => {
	it('keeps a query that matches no group as a suggestion of its own, not in the nearest group', async () => {
		const clusters = await run('query,count\nhow do i cancel my subscription,9\nwebhook retry,14\n');
		const cancel = clusters.find((c) => c.queries.some((q) => q.text === 'how do i cancel my subscription'))!;
		expect(cancel.ticketIds).toEqual([]);
		expect(cancel.queries.map((q) => q.text)).toEqual(['how do i cancel my subscription']);
		expect(cancel.searches).toBe(9);
		// The query that does match joins its group and counts as its evidence.
		const webhook = clusters.find((c) => c.ticketIds.includes('T0'))!;
		expect(webhook.ticketIds).toEqual(['T0', 'T1', 'T2', 'T3', 'T4', 'T5']);
		expect(webhook.queries.map((q) => q.text)).toEqual(['webhook retry']);
		expect(webhook.searches).toBe(14);
	});

	it('keeps such a query apart even when it is the only query', async () => {
		const clusters = await run('query,count\nhow do i cancel my subscription,3\n');
		for (const c of clusters) {
			if (c.ticketIds.length > 0) expect(c.queries).toEqual([]);
		}
		expect(clusters.some((c) => c.queries.length === 1 && c.ticketIds.length === 0)).toBe(true);
	});
});
