import { expect, it } from 'vitest';
import { brokenLinks } from '../../scripts/lib/built-site.ts';
import { siteDir } from '../e2e/support/server.ts';

it.each(['public', 'internal'] as const)('links only to pages, anchors and files that exist in the %s edition', (edition) => {
	expect(brokenLinks(siteDir(edition))).toEqual([]);
});
