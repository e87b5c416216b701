import semver from 'semver';

// Per build, keyed by the ranges and the released list: every list page (category, tag, version)
// asks again for each article it shows, and articles share a few range sets ("*", ">=2.0.0").
const covered = new Map<string, readonly string[]>();

/**
 * The released versions an article's `affectedVersions` ranges cover. Pre-releases count: a fix
 * note for `>=1.1.0-beta` must show under the 1.1.0-beta filter.
 */
export function versionsCovered(ranges: readonly string[], released: readonly string[]): string[] {
	const key = JSON.stringify([ranges, released]);
	let versions = covered.get(key);
	if (!versions) {
		versions = released.filter((v) => ranges.some((r) => semver.satisfies(v, r, { includePrerelease: true })));
		covered.set(key, versions);
	}
	return [...versions];
}
