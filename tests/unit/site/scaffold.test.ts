import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../../src/lib/content-fs.ts';
import { nextId, placeOf, renderEntry, slugOfTitle } from '../../../src/lib/scaffold.ts';
import { runNew } from '../../../src/lib/scaffold-fs.ts';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const GOOD = `${ROOT}tests/unit/fixtures/content/good`;

describe('nextId', () => {
	it('gives one above the highest ID of its kind, padded', () => {
		expect(nextId('kb', ['KB-0002', 'KB-0031', 'RB-099', 'KB-12'])).toBe('KB-0032');
		expect(nextId('runbook', [])).toBe('RB-001');
		expect(nextId('template', ['TPL-019'])).toBe('TPL-020');
		expect(nextId('faq', ['KB-0001'])).toBeNull();
	});

	it('goes on past KB-9999 to KB-10000, counting by number, not as text', () => {
		expect(nextId('kb', ['KB-9998', 'KB-9999'])).toBe('KB-10000');
		expect(nextId('kb', ['KB-10000', 'KB-9999', 'KB-0042'])).toBe('KB-10001');
		expect(nextId('kb', ['KB-12345', 'KB-00099'])).toBe('KB-12346');
	});

	it('says so when the format has no ID left', () => {
		expect(() => nextId('runbook', ['RB-999'])).toThrow('no RB- IDs left: RB-999 is taken');
	});
});

describe('slugOfTitle and placeOf', () => {
	it('makes a file name from the title', () => {
		expect(slugOfTitle('Webhooks: deliveries stop after a deploy!')).toBe('webhooks-deliveries-stop-after-a-deploy');
		expect(slugOfTitle('Café crème')).toBe('cafe-creme');
		expect(slugOfTitle('???')).toBe('untitled');
	});

	it('puts each kind in its folder, with its page', () => {
		const today = '2026-11-23';
		expect(placeOf({ kind: 'kb', title: 'A b', category: 'cli', today, id: 'KB-0007' })).toEqual({ file: 'kb/cli/a-b.md', path: '/kb/KB-0007/' });
		expect(placeOf({ kind: 'faq', title: 'A b?', category: 'cli', today })).toEqual({ file: 'faq/cli/a-b.md', path: '/faq/cli/a-b/' });
		expect(placeOf({ kind: 'runbook', title: 'A b', today, id: 'RB-002' })).toEqual({ file: 'runbooks/a-b.md', path: '/runbooks/RB-002/' });
	});
});

describe('renderEntry', () => {
	it('writes a KB draft with every field, the date and the four sections, a colon in the title kept', () => {
		const text = renderEntry({ kind: 'kb', title: 'Webhooks: "retries" stop', category: 'webhooks', today: '2026-11-23', id: 'KB-0032' });
		const { data, body } = splitFrontmatter(text);
		expect(data).toMatchObject({ id: 'KB-0032', title: 'Webhooks: "retries" stop', status: 'draft', category: 'webhooks', updated: '2026-11-23' });
		expect(body.match(/^## .+$/gm)).toEqual(['## Symptoms', '## Root cause', '## Solution', '## Prevention']);
		// Prompts are Markdown comments: the writer sees them, the page does not.
		expect(body.match(/^<!-- .+ -->$/gm)).toHaveLength(4);
		expect(body).not.toContain('{/*');
	});
});

describe('runNew', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'tierzero-new-'));
		cpSync(GOOD, dir, { recursive: true });
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));
	const run = (kind: string, title: string, category?: string) =>
		runNew({ kind, title, category, root: dir, today: '2026-11-23', cwd: dir });

	it('writes each kind so that the content check passes, with the next free ID', () => {
		expect(run('kb', 'Deliveries stop after a deploy', 'webhooks')).toEqual([
			'wrote kb/webhooks/deliveries-stop-after-a-deploy.md (KB-0003), status: draft',
			'preview: npm run dev, then open http://localhost:4321/kb/KB-0003/',
			'publish: set status: published when it is ready, and open a pull request',
		]);
		expect(run('faq', 'Can I pause deliveries', 'webhooks')[0]).toBe('wrote faq/webhooks/can-i-pause-deliveries.md, status: draft');
		expect(run('runbook', 'Rotate a leaked secret')[0]).toBe('wrote runbooks/rotate-a-leaked-secret.md (RB-005)');
		expect(run('template', 'Secret rotated')[0]).toBe('wrote templates/secret-rotated.md (TPL-002)');
		expect(readFileSync(join(dir, 'faq/webhooks/can-i-pause-deliveries.md'), 'utf8')).toContain('question: "Can I pause deliveries?"');
		expect(loadAndCheckContent(dir, dir).problems).toEqual([]);
	});

	it('skips IDs recorded in the URL lock, so a retired ID is not given again', () => {
		writeFileSync(join(dir, 'urls.lock'), '/kb/KB-0001/\n/kb/KB-0041/\n');
		expect(run('kb', 'New one', 'webhooks')[0]).toBe('wrote kb/webhooks/new-one.md (KB-0042), status: draft');
	});

	it('refuses to overwrite, a missing or unknown category, and an unknown kind', () => {
		run('kb', 'Same title', 'webhooks');
		expect(() => run('kb', 'Same title', 'webhooks')).toThrow('already exists; choose another title, or edit that file');
		expect(() => run('kb', 'Other', 'webhook')).toThrow('--category: unknown category "webhook"; did you mean webhooks?');
		expect(() => run('kb', 'Other')).toThrow('a KB article needs --category, one of webhooks');
		expect(() => run('article', 'Other')).toThrow('unknown kind "article"; use one of kb, faq, runbook, template');
		expect(() => run('runbook', 'Other', 'webhooks')).toThrow('--category is for KB articles and FAQs; a runbook has none');
	});
});

describe('npm run new (scripts/new.ts)', () => {
	it('exits 2 with the usage for a wrong category, and 1 when the file exists', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-new-'));
		try {
			cpSync(GOOD, dir, { recursive: true });
			const cli = (...args: string[]) =>
				spawnSync(`${ROOT}node_modules/.bin/node`, ['scripts/new.ts', ...args], {
					cwd: ROOT,
					encoding: 'utf8',
					env: { ...process.env, TIERZERO_CONTENT_DIR: dir },
				});
			const wrong = cli('kb', 'Title', '--category', 'webhok');
			expect([wrong.status, wrong.stderr]).toEqual([
				2,
				'new: --category: unknown category "webhok"; did you mean webhooks?\nusage: npm run new -- kb|faq|runbook|template "Title" [--category SLUG]\n',
			]);
			const first = cli('kb', 'Title', '--category', 'webhooks');
			expect(first.status).toBe(0);
			expect(first.stdout).toContain(`(KB-0003), status: draft`);
			expect(readFileSync(join(dir, 'kb/webhooks/title.md'), 'utf8')).toContain(`updated: ${new Date().toISOString().slice(0, 10)}`);
			const again = cli('kb', 'Title', '--category', 'webhooks');
			expect(again.status).toBe(1);
			expect(again.stderr).toMatch(/^new: .*kb\/webhooks\/title\.md: already exists/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		// Three Node start-ups: slow when the machine is busy.
	}, 120_000);
});
