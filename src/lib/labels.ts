// One formatter for the whole build: `toLocaleDateString` sets up a new one on every call, which
// cost seconds on a site with thousands of dated entries.
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

// Each date once per build: list pages show the same few hundred dates thousands of times
// (0.5 s of a 10,000-article build went to formatting them again).
const formatted = new Map<number, string>();
const iso = new Map<number, string>();
const once = (memo: Map<number, string>, d: Date, format: (d: Date) => string): string => {
	const time = d.getTime();
	let text = memo.get(time);
	if (text === undefined) memo.set(time, (text = format(d)));
	return text;
};

/** `2026-03-02` in the reader's terms, fixed to UTC so builds are reproducible. */
export function formatDate(d: Date): string {
	return once(formatted, d, (date) => dateFormat.format(date));
}

/** ISO calendar date (`2026-03-02`) for `<time datetime>` and JSON-LD. */
export function isoDate(d: Date): string {
	return once(iso, d, (date) => date.toISOString().slice(0, 10));
}

/**
 * `text` cut to at most `max` characters at a word boundary, marked with "…" when cut; a chart
 * label or a one-line title. `trim` drops what the cut may leave dangling before the "…".
 */
export function clipAtWord(text: string, max: number, trim?: RegExp): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1).replace(/\s+\S*$/, '');
	return `${trim ? cut.replace(trim, '') : cut}…`;
}
