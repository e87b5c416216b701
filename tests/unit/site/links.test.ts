import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAndCheckContent } from '../../../src/lib/content-fs.ts';
import { headingIds, linkProblem, linksIn } from '../../../src/lib/links.ts';
import { siteRoutes } from '../../../src/lib/routes.ts';

describe('linksIn', () => {
	it('finds Markdown, HTML and reference links with their lines, outside code', () => {
		const body = [
			'See [retries](/kb/KB-0001/#solution "Solution") and ![chart](/img/a.png).',
			'<a href="/faq/">FAQ</a> or <a href={"/runbooks/"}>runbooks</a>',
			'`[not](/a/link/)` in code',
			'```md',
			'[also not](/b/)',
			'```',
			'[ref]: /support/#contact',
			'[Names [C++]](/previous-versions/ee797784(v=cs.20)).',
		].join('\n');
		expect(linksIn(body)).toEqual([
			{ url: '/kb/KB-0001/#solution', line: 0 },
			{ url: '/img/a.png', line: 0 },
			{ url: '/faq/', line: 1 },
			{ url: '/runbooks/', line: 1 },
			{ url: '/support/#contact', line: 6 },
			{ url: '/previous-versions/ee797784(v=cs.20)', line: 7 },
		]);
	});
});

describe('headingIds', () => {
	it('gives the ids rehype-slug gives, repeats numbered, markup dropped', () => {
		const body = [
			'## Symptoms',
			'### If the key has leaked: revoke first (5 min)',
			'## Run `caro doctor` **now**',
			'## Symptoms',
			'```',
			'## not a heading',
			'```',
		].join('\n');
		expect(headingIds(body)).toEqual([
			'symptoms',
			'if-the-key-has-leaked-revoke-first-5-min',
			'run-caro-doctor-now',
			'symptoms-1',
		]);
	});
});

describe('linkProblem', () => {
	const routes = new Set(['/', '/kb/', '/kb/KB-0001/', '/faq/billing/tokens/', '/support/']);
	const anchors = new Map([['/kb/KB-0001/', ['symptoms', 'solution', 'main']]]);
	const check = (url: string, from = '/kb/KB-0002/') => linkProblem(url, from, routes, anchors);

	it('accepts pages and sections that exist, relative links and other sites', () => {
		for (const url of [
			'/kb/KB-0001/',
			'/kb/KB-0001/#solution',
			'/kb/KB-0001/?ref=x',
			'../KB-0001/',
			'/support/#anything',
			'https://example.com/nope',
			'mailto:support@caro.example',
		]) {
			expect(check(url), url).toBeNull();
		}
	});

	it('says what is wrong, and what to write instead where it can tell', () => {
		expect(check('/kb/KB-0001')).toBe(
			'links to /kb/KB-0001, which needs its trailing slash: /kb/KB-0001/',
		);
		expect(check('/kb/kb-0001/')).toBe(
			'links to /kb/kb-0001/; entry IDs are upper case: /kb/KB-0001/',
		);
		expect(check('/faq/billing/no-such-page/')).toBe(
			'links to /faq/billing/no-such-page/, which is not a page of the site (a draft has no page); fix the link or remove it',
		);
		expect(check('/kb/KB-0001/#prevention')).toBe(
			'links to /kb/KB-0001/#prevention, but /kb/KB-0001/ has no section #prevention; its sections are #symptoms, #solution, #main',
		);
		expect(check('#nope', '/kb/KB-0001/')).toBe(
			'links to #nope, but /kb/KB-0001/ has no section #nope; its sections are #symptoms, #solution, #main',
		);
	});
});

describe('the content check', () => {
	it('fails a broken link with its file, line and what is wrong; drafts are left alone', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tierzero-links-'));
		try {
			cpSync('content', dir, { recursive: true });
			const file = join(dir, 'kb/account-access/rotating-a-leaked-or-expiring-api-key.md');
			const source = readFileSync(file, 'utf8');
			writeFileSync(
				file,
				source.replace(
					'## Prevention',
					'See [billing](/faq/billing/no-such-page/) and [limits](/kb/KB-0024/#nope).\n\n## Prevention',
				),
			);
			const line = source.split('\n').indexOf('## Prevention') + 1;
			const { problems } = loadAndCheckContent(dir, dir);
			expect(
				problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message.split(';')[0]}`),
			).toEqual([
				`kb/account-access/rotating-a-leaked-or-expiring-api-key.md:${line}: body: links to /faq/billing/no-such-page/, which is not a page of the site (a draft has no page)`,
				`kb/account-access/rotating-a-leaked-or-expiring-api-key.md:${line}: body: links to /kb/KB-0024/#nope, but /kb/KB-0024/ has no section #nope`,
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('knows every page of the starter content, so its links pass', () => {
		const { set, problems } = loadAndCheckContent('content');
		expect(problems).toEqual([]);
		const routes = siteRoutes(set);
		expect(routes.has('/kb/KB-0030/')).toBe(true); // archived: keeps its page
		expect(routes.has('/kb/KB-0021/')).toBe(false); // draft: none
	});
});

describe('linksIn skips lines without `]` or `=`', () => {
	// What every line went through before lines were skipped: the same patterns, on every line.
	const PATTERNS = [
		/\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g,
		/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g,
		/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g,
	];
	const everyLine = (lines: string[]) =>
		lines.flatMap((raw, line) => {
			const text = raw.replace(/`[^`]*`/g, '');
			return PATTERNS.flatMap((p) => [...text.matchAll(p)].map((m) => m[1] ?? m[2] ?? m[3]).filter(Boolean).map((url) => ({ url, line })));
		});
	it('and finds every link the patterns find on every line', () => {
		// Lines of the characters links are made of, code spans that join them included.
		const line = fc.array(fc.constantFrom('[', ']', '(', ')', '=', '"', "'", '`', '{', '}', '<', '>', ':', ' ', 'href', 'a', '/kb/', '#x'), { maxLength: 24 }).map((parts) => parts.join(''));
		fc.assert(
			fc.property(fc.array(line, { maxLength: 6 }), (lines) => {
				expect(linksIn(lines.join('\n'))).toEqual(everyLine(lines));
			}),
			{ numRuns: 2000 },
		);
	});
});
