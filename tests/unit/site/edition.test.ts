import { describe, expect, it } from 'vitest';
import { editionFrom, inEdition } from '../../../src/lib/edition.ts';

describe('editions', () => {
	it('builds the public edition unless TIERZERO_EDITION says internal, and refuses other words', () => {
		expect([editionFrom(undefined), editionFrom(''), editionFrom('internal'), editionFrom('public')]).toEqual(['public', 'public', 'internal', 'public']);
		expect(() => editionFrom('staff')).toThrow('TIERZERO_EDITION must be "public" or "internal", not "staff"');
	});

	it('shows internal entries only in the internal edition', () => {
		expect([inEdition('public', 'public'), inEdition('public', 'internal'), inEdition('internal', 'internal'), inEdition('internal', 'public')]).toEqual([true, false, true, true]);
	});
});
