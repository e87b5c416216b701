/**
 * One write of Astro's content store per content sync. The store (data-store.json, the whole
 * knowledge base: 34 MB at 5,000 articles) is saved 500 ms after the last change to it
 * (astro/dist/content/mutable-data-store.js: SAVE_DEBOUNCE_MS). A sync starts by changing the
 * store's meta entries; a rebuild's KB loader then goes over every file for two seconds or more
 * while changing almost nothing, so the save fires in the middle of the sync, serializes the
 * whole store (devalue, about 0.75 s of CPU at 5,000 articles, then a compare and a write), and
 * the sync's end saves it all again. A cold build changes the store every few milliseconds and
 * saves once.
 *
 * `deferStoreSave` wraps a collection's loader so that while it loads, the store sees a change
 * every {@link TOUCH_EVERY_MS}: the same value under one meta key of the collection. The save
 * never comes due before the loaders are done, and the sync's end writes the store once, with
 * everything in it. Nothing else changes: the loader, its name (Astro syncs loaders by name) and
 * what it stores.
 */

/** The parts of Astro's loader and its context this wrapper uses (astro/loaders: Loader, LoaderContext). */
export interface MetaStore {
	set(key: string, value: string): void;
}
export interface DeferrableLoader {
	name: string;
	// Method syntax: Astro's loaders take a wider context, which this one is part of.
	load(context: { meta: MetaStore }): Promise<void>;
}

/** Well under the store's 500 ms: a touch comes due first even when a long task held the event loop. */
export const TOUCH_EVERY_MS = 100;
/** The meta key the touches set, in the collection's meta entries of the store. */
export const TOUCH_KEY = 'tierzero:save-after-sync';
const TOUCH_VALUE = 'yes';

export function deferStoreSave<L extends DeferrableLoader>(loader: L): L {
	return {
		...loader,
		load: async (context: { meta: MetaStore }) => {
			const touch = () => context.meta.set(TOUCH_KEY, TOUCH_VALUE);
			touch();
			const timer = setInterval(touch, TOUCH_EVERY_MS);
			try {
				await loader.load(context);
			} finally {
				clearInterval(timer);
			}
		},
	};
}
