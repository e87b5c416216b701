import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listContentFiles, listEntryFiles, loadAndCheckContent } from '../../../src/lib/content-fs.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GOOD = 'tests/unit/fixtures/content/good';
const BAD = 'tests/unit/fixtures/content/bad';
const NODE = `${ROOT}node_modules/.bin/node`;

const SECTIONS = 'every KB article has ## Symptoms, ## Root cause, ## Solution, ## Prevention';
// Every problem in the bad tree, as `file: field: message` lines, sorted by file and line: a
// schema error hides neither the body checks of its file nor the cross-entry checks.
const YAML_LINE = `${BAD}/kb/cli/invalid-yaml.mdx: (frontmatter): is not valid YAML (column 17): Flow sequence in block collection must be sufficiently indented and end with a ]; check the indentation: keys line up, and a list in [ ] ends with ]`;
const BAD_LINES = [
	`${BAD}/faq/cli/no-question-mark.mdx: question: question must end with a question mark`,
	`${BAD}/kb/cli/bad-frontmatter.mdx: id: must be a KB ID: "KB-" and four or more digits, e.g. KB-0042 or KB-12345 (no leading zero past four digits)`,
	`${BAD}/kb/cli/bad-frontmatter.mdx: severity: severity must be one of: low, medium, high, critical`,
	`${BAD}/kb/cli/bad-frontmatter.mdx: affectedVersions.0: "banana" is not a version or version range; write e.g. 1.1.0, 1.1.x, ">=1.0.0 <1.1.0" or "*"`,
	`${BAD}/kb/cli/bad-frontmatter.mdx: updated: must be a date written as YYYY-MM-DD, e.g. 2026-01-24`,
	YAML_LINE,
	`${BAD}/kb/cli/invalid-yaml.mdx: body: missing sections "## Symptoms", "## Root cause", "## Solution", "## Prevention"; ${SECTIONS}`,
	`${BAD}/kb/cli/no-prevention.md: related[0]: KB-0001 is this article itself; list other articles`,
	`${BAD}/kb/cli/no-prevention.md: related[1]: KB-0099 does not exist; use the ID of an existing KB article`,
	`${BAD}/kb/cli/no-prevention.md: related[2]: KB-0002 (${BAD}/kb/cli/draft.mdx) is a draft, and a published entry cannot point to a draft; publish it or remove the link`,
	`${BAD}/kb/cli/no-prevention.md: body: missing section "## Prevention"; ${SECTIONS}`,
	`${BAD}/policy/priorities.yaml: levels: levels must define each of P0, P1, P2, P3 exactly once`,
	`${BAD}/policy/unknown.yaml: kind: kind must be one of: tiers, channels, priorities, escalation, product`,
	`${BAD}/runbooks/bad-priority.mdx: priority: priority must be one of: P0, P1, P2, P3`,
	`${BAD}/runbooks/untimed.md: body: each numbered step needs a time estimate such as "(5 min)" or "(1 h)"; missing on: "2. Fix or roll back"`,
	`${BAD}/templates/undeclared.mdx: placeholders: "[Customer Name]" is used but not declared; add "Customer Name" to placeholders`,
	`${BAD}/templates/undeclared.mdx: placeholders: "Agent Name" is declared but never used as "[Agent Name]" in the subject or body; use it or remove it`,
];

const checkContent = (...args: string[]) =>
	spawnSync(NODE, ['scripts/check-content.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('listContentFiles', () => {
	it('lists files with the extension in sorted order, skipping _-prefixed files and folders', () => {
		expect(listContentFiles(`${ROOT}${GOOD}/kb`, '.mdx')).toEqual([`${ROOT}${GOOD}/kb/webhooks/signature.mdx`]);
		expect(listContentFiles(`${ROOT}${GOOD}/policy`, '.yaml')).toEqual([
			`${ROOT}${GOOD}/policy/escalation.yaml`,
			`${ROOT}${GOOD}/policy/product.yaml`,
		]);
	});

	it('lists entries written as .md and as .mdx alike', () => {
		expect(listEntryFiles(`${ROOT}${GOOD}/kb`)).toEqual([
			`${ROOT}${GOOD}/kb/webhooks/retries.md`,
			`${ROOT}${GOOD}/kb/webhooks/signature.mdx`,
		]);
	});

	it('gives no files for a folder that does not exist', () => {
		expect(listContentFiles(`${ROOT}${GOOD}/nothing-here`, '.mdx')).toEqual([]);
	});
});

describe('loadAndCheckContent', () => {
	it('finds no problems in a sound tree and counts what it loaded, skipping _-prefixed paths', () => {
		const { problems, counts, set } = loadAndCheckContent(GOOD, ROOT);
		expect(problems).toEqual([]);
		expect(counts).toEqual({ kb: 2, faq: 1, runbooks: 1, templates: 1, policy: 2 });
		expect(set.kb.map((e) => [e.filePath, e.data.id, e.data.status])).toEqual([
			[`${GOOD}/kb/webhooks/retries.md`, 'KB-0001', 'published'],
			[`${GOOD}/kb/webhooks/signature.mdx`, 'KB-0002', 'archived'],
		]);
		expect(set.faq[0]!.data).toEqual({
			question: 'Why did my endpoint receive the same event twice?',
			category: 'webhooks',
			related: ['KB-0001'],
			aliases: [],
			order: 100,
			status: 'published',
			audience: 'public',
		});
		expect(set.runbooks[0]!.body).toBe(
			'\n1. **Check the delivery log** (5 min)\n2. **Replay failed deliveries** (15 min)\n',
		);
	});

	it('reports one bad field once, not again at every entry that links to its article', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-content-'));
		try {
			cpSync(`${ROOT}${GOOD}`, dir, { recursive: true });
			// KB-0001 is in the FAQ's related list; its entry now fails its own schema.
			const file = join(dir, 'kb/webhooks/retries.md');
			writeFileSync(file, readFileSync(file, 'utf8').replace('severity: medium', 'severity: urgent'));
			const { problems } = loadAndCheckContent(dir, dir);
			expect(problems).toEqual([
				{
					file: 'kb/webhooks/retries.md',
					line: 5,
					field: 'severity',
					message: 'severity must be one of: low, medium, high, critical',
				},
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('fails a public article linking to an internal policy page, naming both files', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-content-'));
		try {
			cpSync(`${ROOT}${GOOD}`, dir, { recursive: true });
			const edit = (file: string, from: string, to: string) =>
				writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
			edit('kb/webhooks/retries.md', 'Answer `200 OK` first.', 'Answer `200 OK` first; see [who takes over](/support/escalation/).');
			expect(loadAndCheckContent(dir, dir).problems).toEqual([]);
			edit('policy/escalation.yaml', 'kind: escalation', 'kind: escalation\naudience: internal');
			const lines = loadAndCheckContent(dir, dir).problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`);
			expect(lines).toEqual([
				'kb/webhooks/retries.md:22: body: is public but links to /support/escalation/: the escalation policy (policy/escalation.yaml), which is internal; make both public, make this entry internal, or remove the link',
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('reports every problem of every file, sorted by file and line, as file, field and message', () => {
		const { problems, counts } = loadAndCheckContent(BAD, ROOT);
		expect(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`)).toEqual(BAD_LINES);
		expect(counts).toEqual({ kb: 2, faq: 0, runbooks: 1, templates: 1, policy: 0 });
	});

	it('reports three mistakes in one article at once, and a bad date does not hide a duplicate ID', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-content-'));
		try {
			cpSync(`${ROOT}${GOOD}`, dir, { recursive: true });
			const edit = (file: string, from: string | RegExp, to: string) =>
				writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));
			edit('kb/webhooks/retries.md', 'severity: medium', 'severity: urgent');
			edit('kb/webhooks/retries.md', '## Solution', '## Fix');
			edit('kb/webhooks/retries.md', /^related: .*$/m, 'related: [KB-0099]');
			edit('kb/webhooks/signature.mdx', 'id: KB-0002', 'id: KB-0001');
			edit('kb/webhooks/signature.mdx', /^updated: .*$/m, 'updated: last week');
			const lines = loadAndCheckContent(dir, dir).problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`);
			expect(lines).toEqual([
				'kb/webhooks/retries.md:2: id: duplicate KB ID KB-0001, also used by kb/webhooks/signature.mdx; give each entry its own ID',
				'kb/webhooks/retries.md:5: severity: severity must be one of: low, medium, high, critical',
				'kb/webhooks/retries.md:9: related[0]: KB-0099 does not exist; use the ID of an existing KB article',
				`kb/webhooks/retries.md:11: body: missing section "## Solution"; ${SECTIONS}`,
				'kb/webhooks/signature.mdx:2: id: duplicate KB ID KB-0001, also used by kb/webhooks/retries.md; give each entry its own ID',
				'kb/webhooks/signature.mdx:9: updated: must be a date written as YYYY-MM-DD, e.g. 2026-01-24',
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('names the line of a YAML mistake and says to quote a title that contains a colon', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-content-'));
		try {
			cpSync(`${ROOT}${GOOD}`, dir, { recursive: true });
			const file = join(dir, 'kb/webhooks/retries.md');
			writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Webhooks: retries stop'));
			expect(loadAndCheckContent(dir, dir).problems).toEqual([
				{
					file: 'kb/webhooks/retries.md',
					line: 3,
					field: '(frontmatter)',
					message:
						'is not valid YAML (column 8): Nested mappings are not allowed in compact mappings; quote a value that contains a colon, e.g. title: "Webhooks: retries fail"',
				},
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('fails an unknown category with the nearest one, and a missing categories.yaml once', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-content-'));
		try {
			cpSync(`${ROOT}${GOOD}`, dir, { recursive: true });
			const file = join(dir, 'kb/webhooks/retries.md');
			writeFileSync(file, readFileSync(file, 'utf8').replace('category: webhooks', 'category: webhook'));
			expect(loadAndCheckContent(dir, dir).problems).toEqual([
				{ file: 'kb/webhooks/retries.md', line: 7, field: 'category', message: 'unknown category "webhook"; did you mean webhooks?' },
			]);
			rmSync(join(dir, 'categories.yaml'));
			expect(loadAndCheckContent(dir, dir).problems).toEqual([
				{
					file: 'categories.yaml',
					field: '(file)',
					message: 'no such file; list the categories here (slug, name, description, order for each)',
				},
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('names files relative to the given working directory', () => {
		const { problems } = loadAndCheckContent(`${ROOT}${BAD}`, `${ROOT}${BAD}`);
		expect(problems.find((p) => p.field === 'question')).toEqual({
			file: 'faq/cli/no-question-mark.mdx',
			line: 2,
			field: 'question',
			message: 'question must end with a question mark',
		});
	});
});

describe('npm run check:content (scripts/check-content.ts)', () => {
	it('prints the counts and exits 0 for a sound tree', () => {
		const run = checkContent(GOOD);
		expect([run.status, run.stdout, run.stderr]).toEqual([
			0,
			'content ok: 2 kb, 1 faq, 1 runbooks, 1 templates, 2 policy\n',
			'',
		]);
	});

	it('reads the tree from TIERZERO_CONTENT_DIR when given no argument', () => {
		const run = spawnSync(NODE, ['scripts/check-content.ts'], {
			cwd: ROOT,
			encoding: 'utf8',
			env: { ...process.env, TIERZERO_CONTENT_DIR: GOOD },
		});
		expect([run.status, run.stdout]).toEqual([
			0,
			'content ok: 2 kb, 1 faq, 1 runbooks, 1 templates, 2 policy\n',
		]);
	});

	it('exits 1 and prints every problem as "file: field: message" on stderr, without a stack trace', () => {
		const run = checkContent(BAD);
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		const printed = run.stderr.split('\n');
		// Each line names the line of the field, for editors that jump to file:line.
		expect(printed).toContain(
			`  ${BAD}/kb/cli/bad-frontmatter.mdx:5: severity: severity must be one of: low, medium, high, critical`,
		);
		const lines = printed.map((l) => l.replace(/^(\s+\S+?\.(?:mdx?|yaml)):\d+:/, '$1:'));
		expect(lines).toEqual([`${BAD_LINES.length} content problems:`, ...BAD_LINES.map((l) => `  ${l}`), '']);
		expect(run.stderr).not.toMatch(/\n\s+at /);
	});
});

describe('npm run check:content with a wrong argument', () => {
	it('refuses a folder that does not exist instead of reporting an empty help center as sound', () => {
		const run = checkContent('tests/unit/fixtures/content/no-such-tree');
		expect([run.status, run.stdout, run.stderr.split('\n')[0]]).toEqual([
			2,
			'',
			'check:content: tests/unit/fixtures/content/no-such-tree: no such content folder',
		]);
	});

	it('prints its usage for an option', () => {
		const run = checkContent('--strict');
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^check:content: Unknown option '--strict'.*\nusage: npm run check:content/);
	});
});
