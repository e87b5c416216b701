import { describe, expect, it } from 'vitest';
import { editionFrom, hasPage, inEdition } from '../../../src/lib/edition.ts';

describe('editions', () => {
	it('builds the public edition unless TIERZERO_EDITION says internal, and refuses other words', () => {
		expect([editionFrom(undefined), editionFrom(''), editionFrom('internal'), editionFrom('public')]).toEqual(['public', 'public', 'internal', 'public']);
		expect(() => editionFrom('staff')).toThrow('TIERZERO_EDITION must be "public" or "internal", not "staff"');
	});

	it('shows internal entries only in the internal edition', () => {
		expect([inEdition('public', 'public'), inEdition('public', 'internal'), inEdition('internal', 'internal'), inEdition('internal', 'public')]).toEqual([true, false, true, true]);
	});

	it('gives an entry a page in its edition, unless it is a draft and the build shows none', () => {
		const entry = (audience: 'public' | 'internal', status: string) => ({ audience, status });
		expect([hasPage('public', entry('public', 'published')), hasPage('public', entry('public', 'archived')), hasPage('public', entry('internal', 'published')), hasPage('internal', entry('internal', 'published'))]).toEqual([true, true, false, true]);
		expect([hasPage('public', entry('public', 'draft')), hasPage('public', entry('public', 'draft'), true), hasPage('public', entry('internal', 'draft'), true)]).toEqual([false, true, false]);
	});
});
