import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshnessWarnings, runPrReport, runStale } from '../../../src/lib/freshness-fs.ts';

const GOOD = fileURLToPath(new URL('../fixtures/content/good', import.meta.url));

describe('freshness from git', () => {
	let dir: string;
	const git = (...args: string[]) =>
		execFileSync('git', ['-c', 'user.name=Ann Writer', '-c', 'user.email=ann@example.com', ...args], { cwd: dir, encoding: 'utf8' });
	const edit = (file: string, from: string | RegExp, to: string) =>
		writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));

	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'tierzero-git-'));
		cpSync(GOOD, join(dir, 'content'), { recursive: true });
		git('init', '-q', '-b', 'main');
		git('add', '.');
		git('commit', '-q', '-m', 'start');
		git('checkout', '-q', '-b', 'change');
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('warns about a changed KB article whose updated date did not move, not about one whose date moved', () => {
		edit('content/kb/webhooks/retries.md', 'The same event arrives up to five times.', 'The same event arrives up to six times.');
		edit('content/kb/webhooks/signature.mdx', /^## Symptoms$/m, '## Symptoms\n\nNew line.');
		edit('content/kb/webhooks/signature.mdx', /^updated: .*$/m, 'updated: 2026-11-23');
		git('commit', '-q', '-am', 'edit');
		expect(freshnessWarnings('main', 'content', dir)).toEqual([
			{
				file: 'content/kb/webhooks/retries.md',
				line: 8,
				field: 'updated',
				message: "the article changed but updated is still 2026-04-10; set it to today's date if the change matters to readers",
			},
		]);
		const lines = runPrReport({ base: 'main', format: 'github', cwd: dir });
		expect(lines[0]).toBe(
			"::warning file=content/kb/webhooks/retries.md,line=8,title=updated::the article changed but updated is still 2026-04-10; set it to today's date if the change matters to readers",
		);
		expect(lines[1]).toContain('0 new, 0 changed, 0 removed; 1 freshness warning');
	});

	it('groups stale entries by their last git author', () => {
		const lines = runStale({ days: '30', by: 'author', content: 'content', today: '2026-11-23', cwd: dir });
		expect(lines[0]).toMatch(/^\d+ entries not updated in 30 days \(before 2026-10-24\), by author:$/);
		expect(lines).toContain('  2026-04-10  KB-0001   content/kb/webhooks/retries.md  Webhook deliveries are retried several times');
		expect(lines.slice(1).filter((l) => /^\S/.test(l))).toEqual(['Ann Writer (3)']);
	});

	it('refuses a base the checkout does not have', () => {
		expect(() => runPrReport({ base: 'origin/nope', cwd: dir })).toThrow('origin/nope is not a commit of this git checkout');
	});
});
