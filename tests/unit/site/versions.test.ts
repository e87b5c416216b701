import { describe, expect, it } from 'vitest';
import { versionsCovered } from '../../../src/lib/versions.ts';

const RELEASED = ['1.1.0', '1.1.0-beta', '1.0.2', '1.0.1', '1.0.0'];

describe('versionsCovered', () => {
	it('lists released versions matching exact versions, in release order', () => {
		expect(versionsCovered(['1.0.1', '1.1.0'], RELEASED)).toEqual(['1.1.0', '1.0.1']);
	});

	it('does not match a pre-release with its final version', () => {
		expect(versionsCovered(['1.1.0'], RELEASED)).toEqual(['1.1.0']);
		expect(versionsCovered(['1.1.0-beta'], RELEASED)).toEqual(['1.1.0-beta']);
	});

	it('shows a fix note for >=1.1.0-beta under the beta and the final release', () => {
		expect(versionsCovered(['>=1.1.0-beta'], RELEASED)).toEqual(['1.1.0', '1.1.0-beta']);
	});

	it('counts the beta as before its final release: <1.1.0 covers 1.1.0-beta, <1.1.0-beta does not', () => {
		expect(versionsCovered(['>=1.0.0 <1.1.0'], RELEASED)).toEqual([
			'1.1.0-beta',
			'1.0.2',
			'1.0.1',
			'1.0.0',
		]);
		expect(versionsCovered(['>=1.0.0 <1.1.0-beta'], RELEASED)).toEqual(['1.0.2', '1.0.1', '1.0.0']);
	});

	it('includes pre-releases in x-ranges, caret ranges and *', () => {
		expect(versionsCovered(['1.1.x'], RELEASED)).toEqual(['1.1.0', '1.1.0-beta']);
		expect(versionsCovered(['^1.0.0'], RELEASED)).toEqual(RELEASED);
		expect(versionsCovered(['*'], RELEASED)).toEqual(RELEASED);
		expect(versionsCovered(['~1.0.1'], RELEASED)).toEqual(['1.0.2', '1.0.1']);
	});

	it('gives nothing when no released version matches', () => {
		expect(versionsCovered(['>=2.0.0'], RELEASED)).toEqual([]);
		expect(versionsCovered([], RELEASED)).toEqual([]);
	});

	it('answers a repeated question the same, and a caller changing its copy changes no later answer', () => {
		const first = versionsCovered(['>=1.0.1'], RELEASED);
		first.push('9.9.9');
		expect(versionsCovered(['>=1.0.1'], RELEASED)).toEqual(['1.1.0', '1.1.0-beta', '1.0.2', '1.0.1']);
		expect(versionsCovered(['>=1.0.1'], ['1.0.1', '1.0.0'])).toEqual(['1.0.1']);
	});
});
