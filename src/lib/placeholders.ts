/**
 * `[Customer Name]`-style placeholders in reply templates. The name starts with a capital letter,
 * so task-list boxes (`[ ]`, `[x]`) never count. Not placeholders either: a bracketed phrase
 * followed by `(` or `[` (a Markdown link or reference), a link definition (`[ref]: url` at the
 * start of a line), and a capital `[X]` box right after a list marker.
 */
const CANDIDATE = /\[([A-Z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*)\](?![([])/g;

function isPlaceholder(text: string, index: number, length: number, name: string): boolean {
	const lineStart = text.lastIndexOf('\n', index - 1) + 1;
	const before = text.slice(lineStart, index);
	if (/^\s*$/.test(before) && text[index + length] === ':') return false;
	if (name === 'X' && /^\s*(?:[-*+]|\d+\.)\s+$/.test(before)) return false;
	return true;
}

function* placeholderMatches(text: string) {
	for (const m of text.matchAll(CANDIDATE)) {
		if (isPlaceholder(text, m.index, m[0].length, m[1]!)) yield { index: m.index, length: m[0].length, name: m[1]! };
	}
}

/** Distinct placeholder names in order of first use. */
export function findPlaceholders(text: string): string[] {
	return [...new Set([...placeholderMatches(text)].map((m) => m.name))];
}

/** Split text into literal runs and placeholders, for rendering highlighted previews. */
export function splitPlaceholders(text: string): { text: string; placeholder: boolean }[] {
	const parts: { text: string; placeholder: boolean }[] = [];
	let last = 0;
	for (const m of placeholderMatches(text)) {
		if (m.index > last) parts.push({ text: text.slice(last, m.index), placeholder: false });
		parts.push({ text: m.name, placeholder: true });
		last = m.index + m.length;
	}
	if (last < text.length) parts.push({ text: text.slice(last), placeholder: false });
	return parts;
}

/** Replace each `[Name]` with its value; names without a non-empty value stay as they are. */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
	return splitPlaceholders(text)
		.map((p) => {
			if (!p.placeholder) return p.text;
			const v = values[p.text];
			return v !== undefined && v.trim() !== '' ? v : `[${p.text}]`;
		})
		.join('');
}
