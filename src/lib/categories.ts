/**
 * Categories as data (`content/categories.yaml`): their names and order for pages, and the
 * check that every entry names one that exists, with the nearest slug when it does not.
 */
import { editDistance } from './search/spell.ts';

export interface CategoryLike {
	slug: string;
	name: string;
	description: string;
	order: number;
}

/** The categories in display order: by `order`, then by name. */
export function sortCategories<C extends CategoryLike>(list: readonly C[]): C[] {
	return [...list].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
}

/** The listed slug nearest to a mistyped one (at most 3 edits, fewer for short slugs), or null. */
export function nearestSlug(slug: string, slugs: readonly string[]): string | null {
	const limit = Math.min(3, Math.max(1, Math.floor(slug.length / 3)));
	let best: string | null = null;
	let bestDistance = limit + 1;
	for (const s of slugs) {
		const d = editDistance(slug, s, limit);
		if (d < bestDistance) [best, bestDistance] = [s, d];
	}
	return best;
}

/** Why `slug` is not a category, or null when it is one. */
export function unknownCategory(slug: string, slugs: readonly string[], file = 'content/categories.yaml'): string | null {
	if (slugs.includes(slug)) return null;
	const near = nearestSlug(slug, slugs);
	return near
		? `unknown category "${slug}"; did you mean ${near}?`
		: `unknown category "${slug}"; use one of ${slugs.join(', ')}, or add it to ${file}`;
}
