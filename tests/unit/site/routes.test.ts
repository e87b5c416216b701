import { describe, expect, it } from 'vitest';
import { siteRoutes, type RouteSources } from '../../../src/lib/routes.ts';

const kb = (id: string, audience: 'public' | 'internal', status = 'published', tags: string[] = []) => ({
	data: { id, status, category: audience === 'public' ? 'cli' : 'known-issues', tags, audience },
});
const content: RouteSources = {
	kb: [kb('KB-0001', 'public', 'published', ['install']), kb('KB-0002', 'internal', 'published', ['workaround']), kb('KB-0003', 'public', 'draft')],
	faq: [{ filePath: 'content/faq/cli/Why.mdx', data: { category: 'cli', status: 'published', audience: 'public' } }],
	runbooks: [{ data: { id: 'RB-001', audience: 'internal' } }],
	templates: [{ data: { id: 'TPL-001', audience: 'internal' } }],
	policy: [
		{ data: { kind: 'tiers', audience: 'public' } },
		{ data: { kind: 'escalation', audience: 'internal' } },
		{ data: { kind: 'channels', audience: 'public' } },
	],
};

describe('siteRoutes', () => {
	it('gives the public edition no internal page, section, API file or tag, and a sitemap', () => {
		const routes = [...siteRoutes(content, 'public')];
		expect(routes).toEqual(expect.arrayContaining(['/kb/KB-0001/', '/api/kb/KB-0001.json', '/faq/cli/why/', '/tags/install/', '/sitemap-index.xml', '/opensearch.xml', '/support/', '/support/tiers/', '/api/policy.json']));
		expect(routes.filter((r) => /KB-0002|KB-0003|runbooks|templates|known-issues|workaround|escalation/.test(r))).toEqual([]);
	});

	it('gives the internal edition everything but drafts, and no sitemap', () => {
		const routes = siteRoutes(content, 'internal');
		for (const path of ['/kb/KB-0002/', '/api/kb/KB-0002.json', '/categories/known-issues/', '/tags/workaround/', '/runbooks/', '/runbooks/RB-001/', '/api/runbooks.json', '/templates/TPL-001/', '/api/templates.json', '/support/escalation/']) {
			expect(routes.has(path), path).toBe(true);
		}
		expect(routes.has('/kb/KB-0003/')).toBe(false);
		expect(routes.has('/sitemap-index.xml')).toBe(false);
		// Channels and the product have no page of their own; a policy file that is absent makes none.
		expect([...routes].filter((r) => r.startsWith('/support/'))).toEqual(['/support/', '/support/tiers/', '/support/escalation/']);
	});

	it('keeps a runbook section in the public edition when a runbook is public', () => {
		const routes = siteRoutes({ ...content, runbooks: [{ data: { id: 'RB-002', audience: 'public' } }] }, 'public');
		expect(['/runbooks/', '/runbooks/RB-002/', '/api/runbooks.json'].map((p) => routes.has(p))).toEqual([true, true, true]);
		expect(routes.has('/templates/')).toBe(false);
	});
});
