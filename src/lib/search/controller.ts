/**
 * The search UI's state machine, without the DOM: the query as typed, the pressed filter chips,
 * the results shown and the active one, the typing pause before a search and the longer pause
 * after which a query counts as settled for analytics. The view (src/scripts/search-view.ts)
 * draws its state; the combobox (src/scripts/search-combobox.ts) turns keys into its calls.
 * Timers are the global ones, so tests drive it with fake timers.
 */
import {
	RESULT_CLICK_EVENT,
	SEARCH_EVENT,
	type ResultClickDetail,
	type SearchDetail,
} from '../analytics/dom-events.ts';
import { hasFilters, knownSelection, toggleFilter, type FilterSelection } from './filters.ts';

/**
 * Results fetched and shown at a time; "Show more" fetches the next batch. Each shown result
 * loads its page's Pagefind fragment and the block of text its excerpt comes from (about 1.5 KB
 * together; src/lib/search/fragment-text.ts), so five, as Pagefind's own UI shows, keep the
 * first query small on a large site.
 */
export const PAGE_SIZE = 5;
/** Pause after typing before searching: fast enough to feel live, slow enough to skip keystrokes. */
export const TYPING_MS = 120;
/** Pause after which a query counts as settled for analytics (Enter settles at once). */
export const SETTLE_MS = 800;

/** Filter key → value → number of pages. */
export type FilterCounts = Record<string, Record<string, number>>;

/** One ranked result; `data()` loads what the view shows. */
export interface Hit<D> {
	data(): Promise<D>;
}

/** What a search found, as the engine reports it. */
export interface Found<D> {
	/** The query whose results these are: the typed one, or its spelling correction. */
	query: string;
	/** Set when `query` is a correction: the query as typed ("search instead for …"). */
	typed?: string;
	/** Set when the typed query was searched as is although a correction finds results. */
	suggestion?: string;
	/** Words of the query left out as carrying no topic ("why", "my", "on"). */
	ignored: string[];
	/** Content words some results lack: pages holding only some of them are shown too. */
	optional?: string[];
	/** Set when the query is an entry ID and its entry is the first hit: Enter opens it. */
	exactId?: string;
	hits: Hit<D>[];
	/**
	 * Counts under each filter value for this query and the current filters; empty until the
	 * filters are loaded ({@link SearchEngine.loadFilters}).
	 */
	filters: FilterCounts;
}

/** How the controller reaches the index (src/scripts/search-index.ts in the browser). */
export interface SearchEngine<D> {
	/** Loads the index once: what a query needs, without the filters. */
	load(): Promise<void>;
	/**
	 * Loads the filters (every filter value's pages: on a large site more bytes than a query's
	 * own); resolves to the filter totals of the whole index. The controller calls it once, and
	 * again only after a failure.
	 */
	loadFilters(): Promise<FilterCounts>;
	/** Searches a typed query (or, when empty, lists what the filters match). */
	search(typed: string, selection: FilterSelection, options: { literal: boolean }): Promise<Found<D>>;
}

/** Why the state changed, so the view redraws only what moved. */
export type Change =
	| 'loading'
	| 'loaded'
	| 'filters'
	| 'results'
	| 'more'
	| 'active'
	| 'cleared'
	| 'failed';

/** What the view draws. */
export interface SearchState<D> {
	/** The typed query of the results shown (empty before any search). */
	typed: string;
	found?: Found<D>;
	/** The results loaded so far, in rank order. */
	shown: D[];
	/** Index in `shown` of the active option, or -1. */
	active: number;
	selection: FilterSelection;
	/** Filter counts over the whole index; empty until the filters are loaded. */
	totals: FilterCounts;
	/** Whether the filters are loaded (the reader opened them, or chips were pressed). */
	filtersLoaded: boolean;
	/** Set after a failure, until the next search succeeds. */
	error?: unknown;
}

/** The analytics events the controller emits, with their `detail`. */
export interface SearchEvents {
	[SEARCH_EVENT]: SearchDetail;
	[RESULT_CLICK_EVENT]: ResultClickDetail;
}

/** What the controller needs from its surroundings. */
export interface ControllerOptions<D> {
	engine: SearchEngine<D>;
	/** The text field's current value. */
	readQuery(): string;
	/** Called after every change of state. */
	onChange(state: Readonly<SearchState<D>>, change: Change): void;
	/** Dispatches an analytics event (a CustomEvent on `document` in the browser). */
	emit<N extends keyof SearchEvents>(name: N, detail: SearchEvents[N]): void;
	/** Where a result leads (a page, or the section of it that holds the query). */
	target(data: D): URL;
	/** Goes to a result's page. */
	navigate(url: URL, newTab: boolean): void;
	/** Chips pressed from the start. */
	filters?: FilterSelection;
	/** Called with the query as typed and the chips whenever they are searched. */
	onQuery?(query: string, filters: FilterSelection): void;
}

/** The controller's calls; every one of them leads to `onChange`. */
export interface SearchController<D> {
	readonly state: Readonly<SearchState<D>>;
	/** Loads the index, then searches whatever the field and chips already hold. */
	start(): Promise<void>;
	/** The field changed: search after the typing pause, and restart the settle pause. */
	typed(): void;
	/** Searches the field's text now and counts it as settled (Enter, form submit). */
	submit(): void;
	/** Enter in the field: opens the active result, or the entry an ID query named, or submits. */
	enter(newTab: boolean): void;
	/** Replaces the query (the notice's links); `literal` searches it without correction. */
	useQuery(query: string, literal: boolean): void;
	/**
	 * The reader opened the filters: loads them (once), then searches again so the chips count
	 * the results shown.
	 */
	openFilters(): Promise<void>;
	toggleFilter(key: string, value: string): void;
	clearFilters(): void;
	/** Moves the active option; `-1` leaves the results. Out-of-range values wrap. */
	setActive(index: number): void;
	/** Opens the result at `index` of `shown`. */
	open(index: number, newTab: boolean): void;
	showMore(): Promise<void>;
}

/** Creates the controller; nothing happens until `start()`. */
export function createSearchController<D>(options: ControllerOptions<D>): SearchController<D> {
	const { engine, readQuery, onChange, emit } = options;
	const state: SearchState<D> = {
		typed: '',
		shown: [],
		active: -1,
		selection: options.filters ?? {},
		totals: {},
		filtersLoaded: false,
	};
	/** The query for which the reader chose "search instead for …". */
	let literal: string | null = null;
	/** Bumped on every search so a slow, superseded one never renders. */
	let generation = 0;
	/** Whether `state` holds results for `state.typed` (not a cleared or failed search). */
	let hasResults = false;
	let typingTimer: ReturnType<typeof setTimeout> | undefined;
	let settleTimer: ReturnType<typeof setTimeout> | undefined;
	/** The typed query already reported as settled, so Enter after a pause does not repeat it. */
	let settled = '';
	let settleWhenShown = false;

	const current = () => readQuery().trim();
	const changed = (change: Change) => onChange(state, change);

	function settle() {
		clearTimeout(settleTimer);
		const typed = current();
		if (!typed || settled === typed) return;
		if (!hasResults || state.typed !== typed) {
			settleWhenShown = true;
			return;
		}
		settled = typed;
		settleWhenShown = false;
		emit(SEARCH_EVENT, { query: typed, results: state.found?.hits.length ?? 0 });
	}

	function restartSettle() {
		settled = '';
		settleWhenShown = false;
		clearTimeout(settleTimer);
		settleTimer = setTimeout(settle, SETTLE_MS);
	}

	/**
	 * Runs `load` once and resolves to whether it worked. A failure is shown; after a failure, or
	 * when `load` resolves false (it could not start), the next call tries again.
	 */
	function once(load: () => Promise<boolean>): () => Promise<boolean> {
		let loading: Promise<boolean> | undefined;
		const forget = (ok: boolean) => {
			if (!ok) loading = undefined;
			return ok;
		};
		return () =>
			(loading ??= load().then(forget, (error: unknown) => {
				fail(error);
				return forget(false);
			}));
	}

	/** Loads the index. */
	const ensureLoaded = once(async () => {
		changed('loading');
		await engine.load();
		changed('loaded');
		return true;
	});

	/** Loads the filters, after the index (whose failure is shown already). */
	const ensureFilters = once(async () => {
		if (!(await ensureLoaded())) return false;
		state.totals = await engine.loadFilters();
		state.selection = knownSelection(state.selection, state.totals);
		state.filtersLoaded = true;
		changed('filters');
		return true;
	});

	function fail(error: unknown) {
		hasResults = false;
		state.error = error;
		state.found = undefined;
		state.shown = [];
		state.active = -1;
		changed('failed');
	}

	async function update() {
		const run = ++generation;
		const typed = current();
		options.onQuery?.(typed, state.selection);
		if (typed !== literal) literal = null;
		try {
			// Pressed chips need the filters: a shared link's, or ones pressed before a failure.
			const ready = hasFilters(state.selection) ? ensureFilters() : ensureLoaded();
			if (!(await ready) || run !== generation) return;
			if (!typed && !hasFilters(state.selection)) {
				hasResults = false;
				Object.assign(state, { typed: '', found: undefined, shown: [], active: -1, error: undefined });
				return changed('cleared');
			}
			const found = await engine.search(typed, state.selection, { literal: literal === typed });
			const shown = await Promise.all(found.hits.slice(0, PAGE_SIZE).map((hit) => hit.data()));
			if (run !== generation) return;
			hasResults = true;
			Object.assign(state, { typed, found, shown, active: -1, error: undefined });
			changed('results');
			if (settleWhenShown) settle();
		} catch (error) {
			if (run === generation) fail(error);
		}
	}

	const controller: SearchController<D> = {
		state,
		async start() {
			// Chips pressed from the start (a shared link) are checked against the index first.
			const ready = hasFilters(state.selection) ? ensureFilters() : ensureLoaded();
			if ((await ready) && (current() || hasFilters(state.selection))) await update();
		},
		async openFilters() {
			const wasLoaded = state.filtersLoaded;
			// The counts of the results shown come with a search; the whole index's with the load.
			if ((await ensureFilters()) && !wasLoaded && hasResults) await update();
		},
		typed() {
			clearTimeout(typingTimer);
			typingTimer = setTimeout(() => {
				typingTimer = undefined;
				void update();
			}, TYPING_MS);
			restartSettle();
		},
		submit() {
			// A submit while the last keystroke's search is still waiting runs it now.
			const pending = typingTimer !== undefined;
			clearTimeout(typingTimer);
			typingTimer = undefined;
			settle();
			if (pending || !hasResults || state.typed !== current()) void update();
		},
		enter(newTab) {
			if (state.active >= 0) return controller.open(state.active, newTab);
			const fresh = hasResults && typingTimer === undefined && state.typed === current();
			if (fresh && state.found?.exactId && state.shown.length > 0) return controller.open(0, newTab);
			controller.submit();
		},
		useQuery(query, isLiteral) {
			literal = isLiteral ? query : null;
			restartSettle();
			void update();
		},
		toggleFilter(key, value) {
			state.selection = toggleFilter(state.selection, key, value);
			restartSettle();
			void update();
		},
		clearFilters() {
			state.selection = {};
			restartSettle();
			void update();
		},
		setActive(index) {
			const count = state.shown.length;
			state.active = index < 0 || count === 0 ? -1 : ((index % count) + count) % count;
			changed('active');
		},
		open(index, newTab) {
			const data = state.shown[index];
			if (!data || !state.found) return;
			settle();
			const url = options.target(data);
			// The page, not the section: reports count clicks per article.
			emit(RESULT_CLICK_EVENT, { query: state.typed, rank: index + 1, target: url.pathname });
			options.navigate(url, newTab);
		},
		async showMore() {
			const { found, shown } = state;
			if (!found) return;
			const run = generation;
			try {
				const next = await Promise.all(
					found.hits.slice(shown.length, shown.length + PAGE_SIZE).map((hit) => hit.data()),
				);
				if (run !== generation) return;
				state.shown = [...shown, ...next];
				changed('more');
				controller.setActive(shown.length);
			} catch (error) {
				fail(error);
			}
		},
	};
	return controller;
}
