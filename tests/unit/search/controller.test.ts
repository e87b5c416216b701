import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RESULT_CLICK_EVENT, SEARCH_EVENT } from '../../../src/lib/analytics/dom-events.ts';
import {
	PAGE_SIZE,
	SETTLE_MS,
	TYPING_MS,
	createSearchController,
	type Change,
	type Found,
	type SearchEngine,
} from '../../../src/lib/search/controller.ts';
import type { FilterSelection } from '../../../src/lib/search/filters.ts';

interface Page {
	url: string;
}

/** An engine over a list of page URLs: a page matches when its URL holds every query word. */
function fakeEngine(urls: string[], extra: Partial<Found<Page>> = {}) {
	const searches: { typed: string; selection: FilterSelection; literal: boolean }[] = [];
	const engine: SearchEngine<Page> = {
		load: vi.fn(async () => {}),
		loadFilters: vi.fn(async () => ({ type: { FAQ: 3, 'KB article': 2 } })),
		async search(typed, selection, { literal }) {
			searches.push({ typed, selection, literal });
			const words = typed.toLowerCase().split(/\s+/).filter(Boolean);
			const hits = urls
				.filter((url) => words.every((word) => url.includes(word)))
				.map((url) => ({ data: async () => ({ url }) }));
			return { query: typed, ignored: [], hits, filters: {}, ...extra };
		},
	};
	return { engine, searches };
}

function setup(urls: string[], extra: Partial<Found<Page>> = {}, filters: FilterSelection = {}) {
	const { engine, searches } = fakeEngine(urls, extra);
	let text = '';
	const changes: Change[] = [];
	const events: [string, unknown][] = [];
	const visits: [string, boolean][] = [];
	const queries: string[] = [];
	const controller = createSearchController<Page>({
		engine,
		readQuery: () => text,
		onChange: (_, change) => changes.push(change),
		emit: (name, detail) => events.push([name, detail]),
		target: (data) => new URL(data.url, 'https://help.example/'),
		navigate: (url, newTab) => visits.push([url.pathname, newTab]),
		filters,
		onQuery: (query) => queries.push(query),
	});
	const type = (value: string) => {
		text = value;
		controller.typed();
	};
	const setText = (value: string) => {
		text = value;
	};
	return { controller, engine, searches, changes, events, visits, queries, type, setText };
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('search controller', () => {
	it('searches once after the typing pause, not on every keystroke', async () => {
		const { controller, type, searches } = setup(['/kb/webhook-retries/']);
		await controller.start();
		type('w');
		type('we');
		type('webhook');
		await vi.advanceTimersByTimeAsync(TYPING_MS - 1);
		expect(searches).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(searches.map((s) => s.typed)).toEqual(['webhook']);
		expect(controller.state.shown).toEqual([{ url: '/kb/webhook-retries/' }]);
	});

	it('reports a query as settled once, after the settle pause', async () => {
		const { controller, type, events } = setup(['/kb/webhook-retries/', '/faq/webhook/']);
		await controller.start();
		type('webhook');
		await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
		expect(events).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(events).toEqual([[SEARCH_EVENT, { query: 'webhook', results: 2 }]]);
		// Enter after the pause does not count the same search again.
		controller.enter(false);
		await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
		expect(events).toHaveLength(1);
	});

	it('settles at once on submit, when the results arrive', async () => {
		const { controller, type, events } = setup(['/kb/webhook-retries/']);
		await controller.start();
		type('retries');
		controller.submit();
		expect(events).toEqual([]);
		await vi.advanceTimersByTimeAsync(0);
		expect(events).toEqual([[SEARCH_EVENT, { query: 'retries', results: 1 }]]);
		await vi.advanceTimersByTimeAsync(SETTLE_MS * 2);
		expect(events).toHaveLength(1);
	});

	it('moves the active result with wrapping and opens it with a click event', async () => {
		const urls = ['/a/x/', '/b/x/', '/c/x/'];
		const { controller, type, events, visits } = setup(urls);
		await controller.start();
		type('x');
		await vi.advanceTimersByTimeAsync(TYPING_MS);
		controller.setActive(3);
		expect(controller.state.active).toBe(0);
		controller.setActive(-1);
		expect(controller.state.active).toBe(-1);
		controller.setActive(2);
		controller.enter(true);
		expect(visits).toEqual([['/c/x/', true]]);
		expect(events).toEqual([
			[SEARCH_EVENT, { query: 'x', results: 3 }],
			[RESULT_CLICK_EVENT, { query: 'x', rank: 3, target: '/c/x/' }],
		]);
	});

	it('opens the entry an ID query names on Enter, but only once its results are shown', async () => {
		const { controller, type, visits, searches } = setup(['/kb/kb-0026/'], { exactId: 'KB-0026' });
		await controller.start();
		type('kb-0026');
		// Enter before the typing pause ran searches instead of opening stale results.
		controller.enter(false);
		expect(visits).toEqual([]);
		await vi.advanceTimersByTimeAsync(0);
		expect(searches).toHaveLength(1);
		controller.enter(false);
		expect(visits).toEqual([['/kb/kb-0026/', false]]);
	});

	it('never shows a superseded search', async () => {
		const { controller, type, searches } = setup(['/slow/', '/fast/']);
		await controller.start();
		type('slow');
		await vi.advanceTimersByTimeAsync(TYPING_MS);
		type('fast');
		await vi.advanceTimersByTimeAsync(TYPING_MS);
		expect(searches.map((s) => s.typed)).toEqual(['slow', 'fast']);
		expect(controller.state.typed).toBe('fast');
	});

	it('narrows by chips, drops chips the index lacks, and clears them', async () => {
		const { controller, engine, searches, queries } = setup(['/a/'], {}, { type: ['FAQ', 'Gone'] });
		await controller.start();
		// Chips pressed from the start load the filters; a value from an old link is dropped, and
		// filters alone list what they match.
		expect(engine.loadFilters).toHaveBeenCalledTimes(1);
		expect(searches.at(-1)?.selection).toEqual({ type: ['FAQ'] });
		controller.toggleFilter('type', 'KB article');
		await vi.advanceTimersByTimeAsync(0);
		expect(searches.at(-1)?.selection).toEqual({ type: ['FAQ', 'KB article'] });
		controller.clearFilters();
		await vi.advanceTimersByTimeAsync(0);
		expect(controller.state.found).toBeUndefined();
		expect(queries).toEqual(['', '', '']);
	});

	it('loads the filters only when the reader opens them, then counts the results shown', async () => {
		const { controller, engine, type, searches, changes } = setup(['/webhook/']);
		await controller.start();
		type('webhook');
		await vi.advanceTimersByTimeAsync(TYPING_MS);
		expect(engine.loadFilters).not.toHaveBeenCalled();
		expect(controller.state.filtersLoaded).toBe(false);
		expect(controller.state.totals).toEqual({});

		await controller.openFilters();
		expect(controller.state.totals).toEqual({ type: { FAQ: 3, 'KB article': 2 } });
		expect(controller.state.filtersLoaded).toBe(true);
		// The query is searched again so the chips count its results, not the whole index.
		expect(searches.map((s) => s.typed)).toEqual(['webhook', 'webhook']);
		expect(changes.slice(-2)).toEqual(['filters', 'results']);
		// Once loaded, they stay: opening again fetches and searches nothing more.
		await controller.openFilters();
		expect(engine.loadFilters).toHaveBeenCalledTimes(1);
		expect(searches).toHaveLength(2);
	});

	it('retries the filters after they failed to load', async () => {
		const { controller, engine, changes } = setup(['/a/']);
		await controller.start();
		vi.mocked(engine.loadFilters).mockRejectedValueOnce(new Error('offline'));
		await controller.openFilters();
		expect(changes.at(-1)).toBe('failed');
		expect(controller.state.filtersLoaded).toBe(false);
		await controller.openFilters();
		expect(controller.state.filtersLoaded).toBe(true);
		expect(changes.at(-1)).toBe('filters');
	});

	it('pages through results and activates the first new one', async () => {
		const urls = Array.from({ length: PAGE_SIZE + 3 }, (_, i) => `/p${i}/`);
		const { controller, type, changes } = setup(urls);
		await controller.start();
		type('p');
		await vi.advanceTimersByTimeAsync(TYPING_MS);
		expect(controller.state.shown).toHaveLength(PAGE_SIZE);
		await controller.showMore();
		expect(controller.state.shown).toHaveLength(PAGE_SIZE + 3);
		expect(controller.state.active).toBe(PAGE_SIZE);
		expect(changes.slice(-2)).toEqual(['more', 'active']);
	});

	it('searches the typed words literally after "search instead for"', async () => {
		const { controller, searches, setText } = setup(['/a/']);
		await controller.start();
		// The view puts the chosen query into the field first.
		setText('webhok');
		controller.useQuery('webhok', true);
		await vi.advanceTimersByTimeAsync(0);
		expect(searches.at(-1)).toEqual({ typed: 'webhok', selection: {}, literal: true });
		setText('webhook');
		controller.useQuery('webhook', false);
		await vi.advanceTimersByTimeAsync(0);
		expect(searches.at(-1)).toEqual({ typed: 'webhook', selection: {}, literal: false });
	});

	it('says so when the index cannot load, and tries again on the next search', async () => {
		const { controller, engine, type, changes } = setup(['/a/']);
		vi.mocked(engine.load).mockRejectedValueOnce(new Error('offline'));
		await controller.start();
		expect(changes).toEqual(['loading', 'failed']);
		expect(controller.state.error).toBeInstanceOf(Error);
		type('a');
		await vi.advanceTimersByTimeAsync(TYPING_MS);
		expect(changes.slice(-3)).toEqual(['loading', 'loaded', 'results']);
		expect(controller.state.error).toBeUndefined();
	});
});
