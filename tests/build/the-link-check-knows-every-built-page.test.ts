import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadAndCheckContent, loadRedirects } from '../../src/lib/content-fs.ts';
import { siteRoutes } from '../../src/lib/routes.ts';
import { builtPages } from '../e2e/lib/pages.ts';
import { siteDir } from '../e2e/support/server.ts';

// The content check judges links by the pages routes.ts says the build makes; if src/pages and
// routes.ts ever disagree, writers would get false alarms or broken links would pass.
it.each(['public', 'internal'] as const)('names exactly the pages the %s edition made, and the files it serves beside them', (edition) => {
	const root = process.env.TIERZERO_CONTENT_DIR || 'content';
	const routes = siteRoutes(loadAndCheckContent(root).set, edition);
	// Beside them, the build writes a redirect page at each old URL of content/redirects.yaml.
	const redirects = (loadRedirects(root).redirects ?? []).map((r) => r.from);
	const pages = [...[...routes].filter((r) => r.endsWith('/') || r.endsWith('.html')), ...redirects].sort();
	expect(pages).toEqual(builtPages(siteDir(edition)));
	const files = [...routes].filter((r) => !r.endsWith('/') && !r.endsWith('.html'));
	expect(files.filter((f) => !existsSync(join(siteDir(edition), f)))).toEqual([]);
});
