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
