import { describe, expect, it } from 'vitest';
import { checkUrls, parseLock, redirectsFileText, renderLock, suggestTarget } from '../../../src/lib/urls.ts';

const LOCK = renderLock(['/', '/faq/', '/faq/billing/', '/faq/billing/refunds/', '/kb/', '/kb/KB-0001/', '/runbooks/', '/runbooks/RB-001/'], []);
const check = (current: string[], opts: { redirects?: { from: string; to: string }[]; internal?: string[]; lock?: string } = {}) =>
	checkUrls({
		lock: opts.lock ?? LOCK,
		lockFile: 'content/urls.lock',
		redirects: opts.redirects ?? [],
		redirectsFile: 'content/redirects.yaml',
		current: new Set(current),
		internal: new Set(opts.internal ?? []),
	});
const ALL = ['/', '/faq/', '/faq/billing/', '/faq/billing/refunds/', '/kb/', '/kb/KB-0001/', '/runbooks/', '/runbooks/RB-001/'];

describe('the URL lock', () => {
	it('reads back what it writes, public and internal lines apart', () => {
		const lock = parseLock(renderLock(['/b/', '/a/'], ['/runbooks/RB-002/']));
		expect([...lock.public.keys()]).toEqual(['/a/', '/b/']);
		expect([...lock.internal.keys()]).toEqual(['/runbooks/RB-002/']);
	});

	it('passes when the build makes every locked URL and no other', () => {
		expect(check(ALL).problems).toEqual([]);
	});

	it('fails a renamed FAQ with the exact redirect line, pointing at the new page', () => {
		const current = ALL.filter((p) => p !== '/faq/billing/refunds/').concat('/faq/billing/get-a-refund/');
		const { problems, added, removed } = check(current);
		expect(problems.map((p) => `${p.file}:${p.line ?? ''}: ${p.field}: ${p.message}`)).toEqual([
			'content/urls.lock:7: url: /faq/billing/refunds/ is no longer a page of the site; add this line to content/redirects.yaml: - { from: /faq/billing/refunds/, to: /faq/billing/get-a-refund/ }',
			'content/urls.lock:: urls: 1 new URL is not recorded yet (/faq/billing/get-a-refund/); run `npm run check:content -- --update-urls` and commit content/urls.lock',
		]);
		expect([added, removed]).toEqual([['/faq/billing/get-a-refund/'], ['/faq/billing/refunds/']]);
	});

	it('accepts a removed URL with a redirect, keeps it locked, and checks the redirect leads to a page', () => {
		const current = ALL.filter((p) => p !== '/kb/KB-0001/');
		const ok = check(current, { redirects: [{ from: '/kb/KB-0001/', to: '/kb/' }] });
		expect(ok.problems).toEqual([]);
		expect(parseLock(ok.updated).public.has('/kb/KB-0001/')).toBe(true);
		const bad = check(current, { redirects: [{ from: '/kb/KB-0001/', to: '/kb/KB-0002/' }, { from: '/kb/', to: '/' }] });
		expect(bad.problems.map((p) => p.message)).toEqual([
			'/kb/KB-0002/ is not a page of the site; redirect to /kb/ or another page',
			'/kb/ is a page of the site again; remove this redirect',
		]);
	});

	it('says so when a URL left the public edition for the internal one, and --update-urls records it', () => {
		const current = ALL.filter((p) => p !== '/runbooks/RB-001/');
		const first = check(current, { internal: ['/runbooks/RB-001/'] });
		expect(first.problems.map((p) => p.message)).toEqual([
			'/runbooks/RB-001/ left the public edition: its entry is internal now. If that is intended, run `npm run check:content -- --update-urls` to record it; otherwise add to content/redirects.yaml: - { from: /runbooks/RB-001/, to: /runbooks/ }',
		]);
		expect(first.nowInternal).toEqual(['/runbooks/RB-001/']);
		const recorded = parseLock(first.updated);
		expect(recorded.public.has('/runbooks/RB-001/')).toBe(false);
		expect(recorded.internal.has('/runbooks/RB-001/')).toBe(true);
		expect(check(current, { internal: ['/runbooks/RB-001/'], lock: first.updated }).problems).toEqual([]);
	});

	it('keeps a gone URL without a redirect in the updated lock, so updating does not silence it', () => {
		const { updated } = check(ALL.filter((p) => p !== '/faq/billing/refunds/'));
		expect(parseLock(updated).public.has('/faq/billing/refunds/')).toBe(true);
	});
});

describe('suggestTarget', () => {
	it('prefers the page with the same slug in another category, then the one new sibling, then a parent', () => {
		expect(suggestTarget('/faq/billing/refunds/', new Set(['/faq/account/refunds/', '/faq/']))).toBe('/faq/account/refunds/');
		expect(suggestTarget('/faq/billing/refunds/', new Set(['/faq/billing/', '/faq/billing/money-back/']), ['/faq/billing/money-back/'])).toBe('/faq/billing/money-back/');
		expect(suggestTarget('/tags/old/', new Set(['/tags/', '/']))).toBe('/tags/');
		expect(suggestTarget('/nothing/here/', new Set(['/']))).toBe('/');
	});
});

describe('redirectsFileText', () => {
	it('writes one 301 per redirect', () => {
		expect(redirectsFileText([{ from: '/a/', to: '/b/' }])).toBe('# Written by the build from content/redirects.yaml.\n/a/ /b/ 301\n');
	});
});
