/**
 * CSS that filters the KB index with radio buttons and `:has()`, so the filters work with no
 * JavaScript: each checked value hides the rows that do not carry it.
 */
export interface FilterGroup {
	/** `data-*` attribute on each row, e.g. `category`. */
	attribute: string;
	/** Values offered; rows hold one value, or a space-separated list (`~=` match). */
	values: readonly string[];
	multi?: boolean;
}

/** A stable, CSS-safe id for one filter radio. */
export function filterId(attribute: string, value: string): string {
	return `f-${attribute}-${value.replace(/[^a-zA-Z0-9-]/g, '_')}`;
}

export function kbFilterCss(groups: readonly FilterGroup[], row = '.kb-row'): string {
	const rules: string[] = [];
	for (const g of groups) {
		for (const v of g.values) {
			const op = g.multi ? '~=' : '=';
			const value = v.replaceAll('"', '\\"');
			rules.push(
				`main:has(#${filterId(g.attribute, v)}:checked) ${row}:not([data-${g.attribute}${op}"${value}"]){display:none}`,
			);
		}
	}
	return rules.join('\n');
}

/** One checked value per filter (radio group name → value); absent names mean "All". */
export type FilterSelection = Record<string, string>;

/**
 * The selection a shared URL's query names (`?category=billing&severity=high`), keeping only
 * values the page offers: a stale or mistyped link shows the full list rather than an empty one.
 */
export function selectionFromQuery(search: string, offered: Readonly<Record<string, readonly string[]>>): FilterSelection {
	const params = new URLSearchParams(search);
	const out: FilterSelection = {};
	for (const [name, values] of Object.entries(offered)) {
		const value = params.get(name);
		if (value && values.includes(value)) out[name] = value;
	}
	return out;
}

/** The query string for a selection, in the groups' order; '' when nothing is filtered. */
export function queryFromSelection(selection: FilterSelection, order: readonly string[]): string {
	const params = new URLSearchParams();
	for (const name of order) if (selection[name]) params.set(name, selection[name]);
	const query = params.toString();
	return query ? `?${query}` : '';
}
