import semver from 'semver';

/**
 * The released versions an article's `affectedVersions` ranges cover. Pre-releases count: a fix
 * note for `>=1.1.0-beta` must show under the 1.1.0-beta filter.
 */
export function versionsCovered(ranges: readonly string[], released: readonly string[]): string[] {
	return released.filter((v) =>
		ranges.some((r) => semver.satisfies(v, r, { includePrerelease: true })),
	);
}
