/**
 * The search filter chips: which Pagefind filters get chips, in what order their values appear,
 * how they read, and how the pressed chips become a Pagefind `filters` option. Pure, so the
 * browser bundle stays free of schema and semver code.
 */

/** The filters the pages declare with `data-pagefind-filter`, in the order chips are shown. */
export const FILTER_GROUPS = [
	{ key: 'type', label: 'Type' },
	{ key: 'severity', label: 'Severity' },
	{ key: 'category', label: 'Category' },
	{ key: 'version', label: 'Version' },
] as const;

/** The pressed chips: filter key → values, each of which a result must have. */
export type FilterSelection = Readonly<Record<string, readonly string[]>>;

// Mirrors the content types and KB severities (src/schemas); most useful first.
const TYPE_ORDER = ['KB article', 'FAQ', 'Runbook', 'Reply template', 'Support policy'];
const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'];

/** Compares `1.1.0-beta` style versions: numbers numerically, a pre-release before its release. */
function compareVersions(a: string, b: string): number {
	const [coreA = '', preA] = a.split(/-(.*)/);
	const [coreB = '', preB] = b.split(/-(.*)/);
	const partsA = coreA.split('.').map(Number);
	const partsB = coreB.split('.').map(Number);
	for (let i = 0; i < Math.max(partsA.length, partsB.length); i++) {
		const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
		if (diff) return diff;
	}
	if (preA === preB) return 0;
	if (preA === undefined) return 1;
	if (preB === undefined) return -1;
	return preA < preB ? -1 : 1;
}

/** Ranks `value` by its place in `order`; values not listed go last, alphabetically. */
const byList = (order: readonly string[]) => (a: string, b: string) => {
	const ia = order.indexOf(a);
	const ib = order.indexOf(b);
	if (ia !== ib) return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib);
	return a.localeCompare(b);
};

/**
 * The values of one filter in chip order: types and severities in their natural order (most
 * severe first), versions newest first, categories by their label.
 */
export function sortFilterValues(key: string, values: Iterable<string>, names: Readonly<Record<string, string>> = {}): string[] {
	const list = [...values];
	switch (key) {
		case 'type':
			return list.sort(byList(TYPE_ORDER));
		case 'severity':
			return list.sort(byList(SEVERITY_ORDER));
		case 'version':
			return list.sort((a, b) => compareVersions(b, a));
		default:
			return list.sort((a, b) => filterValueLabel(key, a, names).localeCompare(filterValueLabel(key, b, names)));
	}
}

/**
 * How a filter value reads on its chip: category slugs by their name in `names` (from
 * content/categories.yaml), the rest as indexed.
 */
export function filterValueLabel(key: string, value: string, names: Readonly<Record<string, string>> = {}): string {
	if (key === 'category') return names[value] ?? value;
	if (key === 'severity') return value.charAt(0).toUpperCase() + value.slice(1);
	return value;
}

/** The selection with `value` of `key` pressed if it was not, released if it was. */
export function toggleFilter(
	selection: FilterSelection,
	key: string,
	value: string,
): FilterSelection {
	const current = selection[key] ?? [];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
	const { [key]: _, ...rest } = selection;
	return next.length > 0 ? { ...rest, [key]: next } : rest;
}

/**
 * The Pagefind `filters` option for a selection: every pressed chip narrows the results (a
 * result must carry all pressed values), so each press can only make the list shorter.
 */
export function pagefindFilters(selection: FilterSelection): Record<string, { all: string[] }> {
	const filters: Record<string, { all: string[] }> = {};
	for (const [key, values] of Object.entries(selection)) {
		if (values.length > 0) filters[key] = { all: [...values] };
	}
	return filters;
}

/** Whether any chip is pressed. */
export const hasFilters = (selection: FilterSelection): boolean =>
	Object.values(selection).some((values) => values.length > 0);

const FILTER_KEYS: readonly string[] = FILTER_GROUPS.map((g) => g.key);

/**
 * The selection a URL carries, one parameter per pressed chip (`?type=FAQ&severity=high`), so a
 * filtered search can be shared. Other parameters, empty values and repeats are ignored.
 */
export function selectionFromParams(params: URLSearchParams): FilterSelection {
	const selection: Record<string, string[]> = {};
	for (const key of FILTER_KEYS) {
		const values = [...new Set(params.getAll(key).filter((v) => v.trim() !== ''))];
		if (values.length > 0) selection[key] = values;
	}
	return selection;
}

/** Puts the selection into `params` in place of any filter values there; other keys stay. */
export function writeSelection(params: URLSearchParams, selection: FilterSelection): void {
	for (const key of FILTER_KEYS) {
		params.delete(key);
		for (const value of selection[key] ?? []) params.append(key, value);
	}
}

/**
 * The selection without values the index does not have, as from an old link: a pressed value
 * with no chip could not be released, and would hide every result.
 */
export function knownSelection(
	selection: FilterSelection,
	totals: Readonly<Record<string, Readonly<Record<string, number>>>>,
): FilterSelection {
	const known: Record<string, readonly string[]> = {};
	for (const [key, values] of Object.entries(selection)) {
		const kept = values.filter((value) => (totals[key]?.[value] ?? 0) > 0);
		if (kept.length > 0) known[key] = kept;
	}
	return known;
}
