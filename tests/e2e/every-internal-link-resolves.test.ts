import { expect, it } from 'vitest';
import { brokenLinks } from '../../scripts/lib/built-site.ts';
import { siteDir } from './support/server.ts';

it('links only to pages, anchors and files that exist in the build', () => {
	expect(brokenLinks(siteDir())).toEqual([]);
});
