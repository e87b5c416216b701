import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputLeaks } from './planted.ts';

const FIXTURES = 'tests/unit/fixtures/mine';
const USAGE =
	'usage: npm run mine -- [--format auto|zendesk|freshdesk|chatwoot|helpscout|github|csv] ' +
	'[--map field=Column,...] [--queries FILE] [--out DIR] [--drafts DIR] [--content DIR] [--min-size N] FILE...\n';
const dir = mkdtempSync(join(tmpdir(), 'mine-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run mine -- args` as a user runs it, with outputs in the temp folder. */
function mine(...args: string[]) {
	const r = spawnSync('node_modules/.bin/node', ['scripts/mine.ts', ...args], {
		encoding: 'utf8',
		// Loading the miner alone takes a minute on a machine with every core busy.
		timeout: 110_000,
	});
	return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run mine', () => {
	it('mines exports into the output and drafts folders', () => {
		const out = join(dir, 'ok', 'out');
		const drafts = join(dir, 'ok', 'drafts');
		const r = mine(
			'--out',
			out,
			'--drafts',
			drafts,
			'--content',
			`${FIXTURES}/content`,
			'--min-size',
			'2',
			`${FIXTURES}/zendesk-tickets.json`,
			`${FIXTURES}/helpscout-conversations.json`,
		);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(
			/^mined 22 tickets from 2 files \(mixed\) in \d+\.\d s: 2 rejected, 1 skipped\n/,
		);
		expect(r.stderr).toBe(
			`${FIXTURES}/zendesk-tickets.json:563: "subject" and "description" must be text\n` +
				`${FIXTURES}/helpscout-conversations.json:499: "subject" must be text\n`,
		);
		const s = JSON.parse(readFileSync(join(out, 'suggestions.json'), 'utf8'));
		expect(s.clusters.flatMap((c: { ticketIds: string[] }) => c.ticketIds)).toHaveLength(22);
		const draftFiles = readdirSync(drafts).filter((f) => f.endsWith('.md'));
		expect(draftFiles.length).toBe(
			s.clusters.filter((c: { draft: string | null }) => c.draft !== null).length,
		);
		const written = [
			r.stdout,
			r.stderr,
			...readdirSync(out).map((f) => readFileSync(join(out, f), 'utf8')),
			...draftFiles.map((f) => readFileSync(join(drafts, f), 'utf8')),
		].join('\n');
		expect(outputLeaks(written)).toEqual([]);
	});

	it('names the supported formats for an unknown one, without a stack trace', () => {
		const r = mine(
			'--format',
			'jira',
			'--out',
			join(dir, 'jira'),
			`${FIXTURES}/github-issues.json`,
		);
		expect(r).toEqual({
			code: 2,
			stdout: '',
			stderr:
				'unknown format "jira"; supported formats: auto, zendesk, freshdesk, chatwoot, helpscout, github, csv\n' +
				USAGE,
		});
		expect(existsSync(join(dir, 'jira'))).toBe(false);
	});

	it('says an export is empty, exits non-zero and writes nothing', () => {
		const empty = join(dir, 'tickets.json');
		writeFileSync(empty, '{"tickets": [], "next_page": null, "count": 0}\n');
		const out = join(dir, 'empty-out');
		const r = mine('--out', out, '--drafts', join(dir, 'empty-drafts'), empty);
		expect(r).toEqual({
			code: 1,
			stdout: '',
			stderr: `${empty}: no tickets found (0 rejected, 0 skipped); nothing to mine\n`,
		});
		expect(existsSync(out)).toBe(false);
	});

	it('refuses a mistyped or empty --content folder instead of calling every group a gap', () => {
		const missing = mine(
			'--content',
			join(dir, 'no-such-content'),
			'--out',
			join(dir, 'c1'),
			`${FIXTURES}/github-issues.json`,
		);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/--content .*no-such-content: no such folder\n$/);
		mkdirSync(join(dir, 'empty-content'), { recursive: true });
		const empty = mine(
			'--content',
			join(dir, 'empty-content'),
			'--out',
			join(dir, 'c2'),
			`${FIXTURES}/github-issues.json`,
		);
		expect(empty.code).toBe(1);
		expect(empty.stderr).toMatch(/empty-content: no published KB articles or FAQs/);
		expect(existsSync(join(dir, 'c1'))).toBe(false);
		expect(existsSync(join(dir, 'c2'))).toBe(false);
	});

	it('warns with file and line about an entry that fails its schema, and mines on', () => {
		const root = join(dir, 'bad-content');
		cpSync(`${FIXTURES}/content`, root, { recursive: true });
		const bad = join(root, 'faq', 'billing', 'broken.mdx');
		writeFileSync(
			bad,
			'---\nquestion: "Can I pay by invoice?"\ncategory: billing\nstatus: publishd\n---\n\nYes.\n',
		);
		const r = mine(
			'--content',
			root,
			'--out',
			join(dir, 'c3'),
			'--drafts',
			join(dir, 'c3d'),
			`${FIXTURES}/github-issues.json`,
		);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/broken\.mdx:\d+: status: /);
	});

	it('prints file:line for a file it cannot read', () => {
		const other = join(dir, 'other.json');
		writeFileSync(other, '[\n  {"foo": 1}\n]\n');
		const r = mine('--out', join(dir, 'o2'), other);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(
			new RegExp(
				`^${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: cannot tell which tool exported this file`,
			),
		);
		expect(r.stderr).not.toMatch(/\n\s+at /);
	});

	it('refuses to overwrite a folder it did not write', () => {
		const r = mine('--out', `${FIXTURES}/content`, `${FIXTURES}/github-issues.json`);
		expect(r.code).toBe(1);
		expect(r.stderr).toBe(
			`${FIXTURES}/content: exists and was not written by npm run mine (no .tierzero-mine in it); the miner replaces its output folders whole, so choose an empty or new folder\n`,
		);
	});

	it('explains a bad --map and an unknown option', () => {
		expect(mine('--map', 'text=Body', 'x.csv').stderr).toBe(
			'--map text=Body: expected field=Column with field one of subject, body, id, created, tags, channel\n' +
				USAGE,
		);
		const r = mine('--colour', 'x.json');
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^Unknown option '--colour'.*\nusage: npm run mine -- /s);
	});

	it.each([
		[['--out', ''], '--out: expected a path, got an empty string'],
		[['--drafts', ''], '--drafts: expected a path, got an empty string'],
		[['--drafts', '   '], '--drafts: expected a path, got an empty string'],
		[['--content', ''], '--content: expected a path, got an empty string'],
		[['--queries', ''], '--queries: expected a path, got an empty string'],
		[['--out', '.'], '--out .: is the working folder or one of its parents; the miner replaces its output folders whole, so name a folder of their own, such as reports/mine'],
		[['--drafts', '..'], '--drafts ..: is the working folder or one of its parents; the miner replaces its output folders whole, so name a folder of their own, such as reports/mine'],
		[[''], 'export file: expected a path, got an empty string'],
	])('refuses %j before writing anything, with the usage and exit code 2', (args, message) => {
		const before = readdirSync('.');
		const files = args.length === 1 ? args : [...args, `${FIXTURES}/github-issues.json`];
		const r = mine('--drafts', join(dir, 'bad-path-drafts'), ...files);
		expect(r).toEqual({ code: 2, stdout: '', stderr: `${message}\n${USAGE}` });
		// No staging folder (..tmp-*), no output, in the working folder or the temp folder.
		expect(readdirSync('.')).toEqual(before);
		expect(existsSync(join(dir, 'bad-path-drafts'))).toBe(false);
	});
});
