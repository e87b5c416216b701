/**
 * `[Customer Name]`-style placeholders in reply templates. A bracketed phrase followed by `(`, `[`
 * or `:` is a Markdown link or reference, not a placeholder, and task-list boxes (`[ ]`, `[x]`) are
 * not names, so the name must start with a capital letter.
 */
const PLACEHOLDER = /\[([A-Z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*)\](?![([:])/g;

/** Distinct placeholder names in order of first use. */
export function findPlaceholders(text: string): string[] {
	const seen = new Set<string>();
	for (const m of text.matchAll(PLACEHOLDER)) seen.add(m[1]!);
	return [...seen];
}

/** Replace each `[Name]` with its value; names without a non-empty value stay as they are. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
	return text.replace(PLACEHOLDER, (whole, name: string) => {
		const v = values[name];
		return v !== undefined && v.trim() !== '' ? v : whole;
	});
}

/** Split text into literal runs and placeholders, for rendering highlighted previews. */
export function splitPlaceholders(text: string): { text: string; placeholder: boolean }[] {
	const parts: { text: string; placeholder: boolean }[] = [];
	let last = 0;
	for (const m of text.matchAll(PLACEHOLDER)) {
		if (m.index > last) parts.push({ text: text.slice(last, m.index), placeholder: false });
		parts.push({ text: m[1]!, placeholder: true });
		last = m.index + m[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last), placeholder: false });
	return parts;
}
