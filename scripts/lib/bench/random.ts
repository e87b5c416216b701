/**
 * Small deterministic helpers: the benchmark corpus must come out byte-identical for the same seed,
 * on any machine, so nothing here touches `Math.random` or the clock.
 */

/** FNV-1a hash of a string: a stable 32-bit number for per-article choices. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i += 1) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export { seededRandom } from '../random.ts';

/** One element of a non-empty list, chosen by a random float in [0, 1). */
export function pick<T>(list: readonly T[], r: number): T {
	return list[Math.floor(r * list.length) % list.length]!;
}

/** A lower-case slug (`Exchange Online` → `exchange-online`), at most `max` characters. */
export function slugify(text: string, max = 60): string {
	const slug = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max);
	return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut;
}

/** Shorten text to at most `max` characters at a word boundary, marking the cut with `…`. */
export function truncate(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
