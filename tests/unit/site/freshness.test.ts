import { describe, expect, it } from 'vitest';
import { daysBefore, formatStale, freshnessWarning, revisionOf, staleGroups } from '../../../src/lib/freshness.ts';
import { pageOfFile, summaryMarkdown, urlChanges } from '../../../src/lib/pr-report.ts';
import { renderLock } from '../../../src/lib/urls.ts';

const ARTICLE = '---\nid: KB-0001\ntitle: T\nupdated: 2026-05-05\n---\n\n## Symptoms\n\nIt breaks.\n';

describe('freshnessWarning', () => {
	it('warns when the article changed but its updated date did not', () => {
		const after = ARTICLE.replace('It breaks.', 'It breaks on Tuesdays.');
		expect(freshnessWarning('kb/a.mdx', revisionOf(ARTICLE), revisionOf(after), 4)).toEqual({
			file: 'kb/a.mdx',
			line: 4,
			field: 'updated',
			message: "the article changed but updated is still 2026-05-05; set it to today's date if the change matters to readers",
		});
	});

	it('is quiet when the date moved or nothing else changed', () => {
		const moved = ARTICLE.replace('It breaks.', 'It breaks often.').replace('2026-05-05', '2026-11-23');
		expect(freshnessWarning('kb/a.mdx', revisionOf(ARTICLE), revisionOf(moved))).toBeNull();
		expect(freshnessWarning('kb/a.mdx', revisionOf(ARTICLE), revisionOf(`${ARTICLE}\n`))).toBeNull();
	});
});

describe('staleGroups and formatStale', () => {
	const entries = [
		{ file: 'kb/a.mdx', label: 'KB-0001', title: 'A', category: 'cli', author: 'Ann', updated: '2026-01-10' },
		{ file: 'kb/b.mdx', label: 'KB-0002', title: 'B', category: 'billing', author: 'Bo', updated: '2026-11-01' },
		{ file: 'runbooks/c.mdx', label: 'RB-001', title: 'C', owner: 'Support lead', author: 'Ann', updated: '2025-12-01' },
	];

	it('lists entries older than the cutoff by the chosen field, oldest first', () => {
		const cutoff = daysBefore('2026-11-23', 180);
		expect(cutoff).toBe('2026-05-27');
		expect(formatStale(staleGroups(entries, cutoff, 'author'), 180, cutoff, 'author')).toEqual([
			'2 entries not updated in 180 days (before 2026-05-27), by author:',
			'',
			'Ann (2)',
			'  2025-12-01  RB-001    runbooks/c.mdx  C',
			'  2026-01-10  KB-0001   kb/a.mdx  A',
		]);
		expect([...staleGroups(entries, cutoff, 'owner').keys()]).toEqual(['(no owner)', 'Support lead']);
		expect(formatStale(staleGroups(entries, '2025-01-01', 'category'), 700, '2025-01-01', 'category')).toEqual([
			'no entries older than 700 days (all updated on or after 2025-01-01)',
		]);
	});
});

describe('the pull-request URL summary', () => {
	it('maps content files to their pages', () => {
		expect(pageOfFile('kb/cli/a.mdx', ARTICLE)).toBe('/kb/KB-0001/');
		expect(pageOfFile('faq/billing/Refunds.mdx', '---\nquestion: Q?\ncategory: billing\n---\n')).toBe('/faq/billing/refunds/');
		expect(pageOfFile('faq/_suggested/x.mdx', '---\nquestion: Q?\ncategory: billing\n---\n')).toBeNull();
		expect(pageOfFile('policy/tiers.yaml', 'kind: tiers')).toBeNull();
	});

	it('lists new, changed and removed URLs, with where removed ones redirect', () => {
		const base = renderLock(['/', '/kb/KB-0001/', '/faq/billing/old/'], []);
		const head = renderLock(['/', '/kb/KB-0001/', '/faq/billing/old/', '/faq/billing/new/'], []);
		const changes = urlChanges(base, head, ['/kb/KB-0001/', '/faq/billing/new/'], new Map([['/faq/billing/old/', '/faq/billing/new/']]));
		expect(changes).toEqual({
			added: ['/faq/billing/new/'],
			changed: ['/kb/KB-0001/'],
			removed: [{ path: '/faq/billing/old/', to: '/faq/billing/new/' }],
		});
		const md = summaryMarkdown(changes, 1);
		expect(md).toContain('1 new, 1 changed, 1 removed; 1 freshness warning (see the annotations).');
		expect(md).toContain('- `/faq/billing/old/` → redirects to `/faq/billing/new/`');
	});
});
