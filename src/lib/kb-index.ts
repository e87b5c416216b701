/**
 * What pages look up across the whole knowledge base, computed once per build. A KB page asks
 * for its related articles and which of its tags have a page; deriving those from the full list
 * on every page made the render phase grow with the square of the article count.
 */

/** The fields of a KB entry the index reads. */
export interface KbIndexable {
	data: {
		id: string;
		status: 'draft' | 'published' | 'archived';
		tags: readonly string[];
	};
}

export interface KbIndex<E extends KbIndexable> {
	/** Every entry by KB ID. */
	byId: ReadonlyMap<string, E>;
	/** Entries readers should find: published (not archived, not draft), in the given order. */
	live: readonly E[];
	/** Tags that have a page: those of live entries (an archived article's own tags may have none). */
	liveTags: ReadonlySet<string>;
	/** The entries `ids` name, in that order, leaving out IDs with no entry. */
	resolve(ids: readonly string[]): E[];
}

export function indexKb<E extends KbIndexable>(entries: readonly E[]): KbIndex<E> {
	const byId = new Map(entries.map((e) => [e.data.id, e]));
	const live = entries.filter((e) => e.data.status === 'published');
	const liveTags = new Set(live.flatMap((e) => e.data.tags));
	return {
		byId,
		live,
		liveTags,
		resolve: (ids) => ids.flatMap((id) => byId.get(id) ?? []),
	};
}

