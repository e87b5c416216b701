/**
 * Draws the search controller's state: notice, filter chips (behind one "Filters" button, which
 * loads them), live status, the listbox of results, "Show more" and the empty state. Clicks
 * go back to the controller; keys are src/scripts/search-combobox.ts's business.
 */
import type { Change, FilterCounts, SearchController, SearchState } from '../lib/search/controller.ts';
import { safeExcerpt } from '../lib/search/excerpt.ts';
import {
	FILTER_GROUPS,
	filterValueLabel,
	hasFilters,
	sortFilterValues,
} from '../lib/search/filters.ts';
import type { ResultData } from './search-engine.ts';

type Attrs = Record<string, string | boolean | undefined>;

/** Creates an element; `false`/`undefined` attributes are left out, strings become text. */
function h<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Attrs = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (value === true) el.setAttribute(name, '');
		else if (typeof value === 'string') el.setAttribute(name, value);
	}
	el.append(...children);
	return el;
}

const quoted = (query: string) => `“${query}”`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The view's parts the combobox needs. */
export interface SearchView {
	listbox: HTMLUListElement;
	render(state: Readonly<SearchState<ResultData>>, change: Change): void;
}

let mounts = 0;

/** The category names a page wrote as JSON; none (slugs shown as they are) when unreadable. */
function readNames(json: string | undefined): Record<string, string> {
	try {
		const names: unknown = JSON.parse(json ?? '{}');
		return names !== null && typeof names === 'object' ? (names as Record<string, string>) : {};
	} catch {
		return {};
	}
}

/** Builds the UI into `root` and makes `input` the combobox that controls its listbox. */
export function createSearchView(
	input: HTMLInputElement,
	root: HTMLElement,
	controller: () => SearchController<ResultData>,
): SearchView {
	const id = `tz-search-${++mounts}`;
	// Category names come from content/categories.yaml through the page (see Search.astro).
	const categoryNames = readNames(root.dataset.categoryNames);
	const notice = h('p', { class: 'tz-search-notice', hidden: true });
	const ignored = h('p', { class: 'tz-search-ignored', hidden: true });
	const filterToggle = h(
		'button',
		{
			type: 'button',
			class: 'tz-search-filters-toggle',
			'aria-expanded': 'false',
			'aria-controls': `${id}-filters`,
			hidden: true,
		},
		'Filters',
	);
	const filterBox = h('div', { id: `${id}-filters`, class: 'tz-search-filters', hidden: true });
	const status = h('p', { class: 'tz-search-status', role: 'status' });
	const listbox = h('ul', {
		id: `${id}-results`,
		class: 'tz-search-results',
		role: 'listbox',
		'aria-label': 'Search results',
		hidden: true,
	});
	const more = h('button', { type: 'button', class: 'tz-search-more', hidden: true });
	const empty = h('div', { class: 'tz-search-empty', hidden: true });
	root.classList.add('tz-search');
	root.replaceChildren(notice, ignored, filterToggle, filterBox, status, listbox, more, empty);

	input.setAttribute('role', 'combobox');
	input.setAttribute('aria-controls', listbox.id);
	input.setAttribute('aria-expanded', 'false');
	input.setAttribute('aria-autocomplete', 'list');
	input.autocomplete = 'off';

	more.addEventListener('click', () => {
		input.focus();
		void controller().showMore();
	});
	function setFiltersOpen(open: boolean) {
		filterToggle.setAttribute('aria-expanded', String(open));
		filterBox.classList.toggle('tz-search-filters-open', open);
	}
	// The chips sit behind one button: the results get the height on a phone, and the filters
	// (every filter value's pages, more bytes than a query's own on a large site) load only for
	// readers who open them.
	filterToggle.addEventListener('click', () => {
		const open = filterToggle.getAttribute('aria-expanded') !== 'true';
		setFiltersOpen(open);
		if (open && !controller().state.filtersLoaded) {
			status.textContent = 'Loading filters…';
			void controller().openFilters();
		}
	});

	/**
	 * One result. Its accessible name is its text (WCAG 2.5.3: the visible words must be in the
	 * name), so the DOM is in reading order: title, facts, excerpt; spaces keep words apart.
	 */
	function option(data: ResultData, rank: number): HTMLLIElement {
		const type = data.meta.type ?? data.filters.type?.[0];
		const { id: entryId, severity } = data.meta;
		const facts = [
			type && h('span', { class: 'tz-search-badge' }, type),
			entryId && h('span', { class: 'tz-search-id' }, entryId),
			severity &&
				h('span', { class: `tz-search-badge tz-search-sev-${severity}` }, `${severity} severity`),
		].flatMap((fact) => (fact ? [fact, ' '] : []));
		const { landing } = data;
		const excerpt = h('span', { class: 'tz-search-excerpt' });
		// Safe: the excerpt is already HTML (text escaped, matches in <mark>), so htmlText would
		// escape it twice; safeExcerpt keeps only <mark> and escapes every other `<`, `>` and bare `&`.
		excerpt.innerHTML = safeExcerpt(landing.excerpt);
		// The arrow is decoration; the name reads "Title Solution section".
		const section = landing.section
			? [
					' ',
					h(
						'span',
						{ class: 'tz-search-section' },
						h('span', { 'aria-hidden': 'true' }, '› '),
						`${landing.section} section`,
					),
				]
			: [];
		const li = h(
			'li',
			{
				id: `${id}-option-${rank}`,
				role: 'option',
				'aria-selected': 'false',
				class: 'tz-search-result',
			},
			h('span', { class: 'tz-search-title' }, data.meta.title ?? data.url, ...section),
			' ',
			...(facts.length ? [h('span', { class: 'tz-search-facts' }, ...facts), ' '] : []),
			excerpt,
		);
		// The page the result stands for, for scripts that read results (the search benchmark).
		li.dataset.url = data.url;
		li.addEventListener('click', (event) =>
			controller().open(rank, event.ctrlKey || event.metaKey || event.shiftKey),
		);
		return li;
	}

	function buildChips(counts: FilterCounts) {
		const groups = FILTER_GROUPS.filter(({ key }) => Object.keys(counts[key] ?? {}).length > 0);
		filterBox.replaceChildren(
			...groups.map(({ key, label }) => {
				const labelId = `${id}-filter-${key}`;
				const chips = sortFilterValues(key, Object.keys(counts[key] ?? {}), categoryNames).map((value) => {
					const chip = h(
						'button',
						{ type: 'button', class: 'tz-search-chip', 'aria-pressed': 'false' },
						filterValueLabel(key, value, categoryNames),
						' ',
						h('span', { class: 'tz-search-count' }),
					);
					chip.dataset.key = key;
					chip.dataset.value = value;
					chip.addEventListener('click', () => controller().toggleFilter(key, value));
					return chip;
				});
				return h(
					'div',
					{ class: 'tz-search-filter-group', role: 'group', 'aria-labelledby': labelId },
					h('span', { class: 'tz-search-filter-label', id: labelId }, label),
					...chips,
				);
			}),
		);
	}

	/** Chip counts are what each chip would leave: pressing one can only narrow the results. */
	function updateChips(state: Readonly<SearchState<ResultData>>) {
		const counts = state.found?.filters ?? state.totals;
		let pressed = 0;
		for (const chip of filterBox.querySelectorAll<HTMLButtonElement>('.tz-search-chip')) {
			const { key = '', value = '' } = chip.dataset;
			const isPressed = state.selection[key]?.includes(value) ?? false;
			const count = counts[key]?.[value] ?? 0;
			if (isPressed) pressed++;
			chip.setAttribute('aria-pressed', String(isPressed));
			chip.hidden = !isPressed && count === 0;
			chip.lastElementChild!.textContent = String(count);
		}
		for (const group of filterBox.children) {
			(group as HTMLElement).hidden = !group.querySelector('.tz-search-chip:not([hidden])');
		}
		filterBox.hidden = !filterBox.querySelector('.tz-search-filter-group:not([hidden])');
		// Before they load, the button is what loads them; after, it goes when no chip applies.
		filterToggle.hidden = state.filtersLoaded && filterBox.hidden;
		filterToggle.textContent = pressed ? `Filters (${pressed})` : 'Filters';
	}

	function queryLink(text: string, query: string, literal: boolean) {
		const button = h('button', { type: 'button', class: 'tz-search-link' }, text);
		button.addEventListener('click', () => {
			input.value = query;
			input.focus();
			controller().useQuery(query, literal);
		});
		return button;
	}

	function showNotice(state: Readonly<SearchState<ResultData>>) {
		const found = state.found;
		if (found?.typed) {
			notice.replaceChildren(
				'Showing results for ',
				h('strong', {}, found.query),
				' — ',
				queryLink(`search instead for ${found.typed}`, found.typed, true),
			);
		} else if (found?.suggestion) {
			notice.replaceChildren(
				'Did you mean ',
				queryLink(found.suggestion, found.suggestion, false),
				'?',
			);
		}
		notice.hidden = !found?.typed && !found?.suggestion;
		const words = (list: string[]) =>
			list.flatMap((word, i) => [...(i ? [', '] : []), h('strong', {}, word)]);
		const left = found?.hits.length ? found.ignored : [];
		const optional = found?.hits.length ? (found.optional ?? []) : [];
		ignored.replaceChildren(
			...(left.length ? ['Ignored: ', ...words(left), '. '] : []),
			...(optional.length ? ['Not every result has: ', ...words(optional), '.'] : []),
		);
		ignored.hidden = left.length + optional.length === 0;
	}

	function showEmpty(state: Readonly<SearchState<ResultData>>) {
		const children: (Node | string)[] = [
			// The status line above already says there are no results.
			h('p', {}, 'Try fewer or other words, or check the spelling.'),
		];
		if (hasFilters(state.selection)) {
			const clear = h('button', { type: 'button', class: 'tz-search-link' }, 'Clear the filters');
			clear.addEventListener('click', () => controller().clearFilters());
			children.push(h('p', {}, clear));
		}
		children.push(
			h(
				'p',
				{},
				'Still stuck? ',
				h('a', { href: '/support/#contact' }, 'Contact support'),
				' and we will help.',
			),
		);
		empty.replaceChildren(...children);
		empty.hidden = false;
	}

	function showActive(state: Readonly<SearchState<ResultData>>) {
		for (const option of listbox.querySelectorAll('[aria-selected="true"]')) {
			option.setAttribute('aria-selected', 'false');
		}
		const option = listbox.children[state.active];
		if (option) {
			option.setAttribute('aria-selected', 'true');
			input.setAttribute('aria-activedescendant', option.id);
			option.scrollIntoView({ block: 'nearest' });
		} else {
			input.removeAttribute('aria-activedescendant');
		}
	}

	function showMoreButton(state: Readonly<SearchState<ResultData>>) {
		const total = state.found?.hits.length ?? 0;
		more.hidden = state.shown.length >= total;
		more.textContent = `Show more results (${total - state.shown.length} more)`;
	}

	function showResults(state: Readonly<SearchState<ResultData>>) {
		const found = state.found!;
		// Which query the results on screen answer, for scripts that wait for them (the benchmark).
		root.dataset.query = state.typed;
		const total = found.hits.length;
		listbox.replaceChildren(...state.shown.map((data, rank) => option(data, rank)));
		listbox.hidden = state.shown.length === 0;
		input.setAttribute('aria-expanded', String(state.shown.length > 0));
		showActive(state);
		showNotice(state);
		updateChips(state);
		const about = found.query ? ` for ${quoted(found.query)}` : '';
		const filtered = hasFilters(state.selection) ? ' with the selected filters' : '';
		status.textContent = total
			? `${plural(total, 'result', 'results')}${about}${filtered}.`
			: `No results${about}${filtered}.`;
		showMoreButton(state);
		empty.hidden = true;
		if (total === 0) showEmpty(state);
	}

	function showCleared(state: Readonly<SearchState<ResultData>>) {
		listbox.replaceChildren();
		listbox.hidden = true;
		input.setAttribute('aria-expanded', 'false');
		input.removeAttribute('aria-activedescendant');
		notice.hidden = true;
		ignored.hidden = true;
		more.hidden = true;
		empty.hidden = true;
		status.textContent = '';
		updateChips(state);
	}

	function showFailure(state: Readonly<SearchState<ResultData>>) {
		const { error } = state;
		console.error('Search failed:', error, error instanceof Error ? error.cause : undefined);
		showCleared(state);
		status.textContent = 'Search is not available right now.';
		// The dev server serves the index of the last build; before any build there is none.
		if (import.meta.env.DEV) {
			empty.replaceChildren(
				h(
					'p',
					{},
					'In the dev server, search uses the index of the last build, and there is none yet: run ',
					h('code', {}, 'npm run build'),
					' once (in another terminal), then search again.',
				),
			);
			empty.hidden = false;
			return;
		}
		empty.replaceChildren(
			h(
				'p',
				{},
				'Search could not load. Browse the ',
				h('a', { href: '/kb/' }, 'knowledge base'),
				' or the ',
				h('a', { href: '/faq/' }, 'FAQ'),
				', or ',
				h('a', { href: '/support/#contact' }, 'contact support'),
				'.',
			),
		);
		empty.hidden = false;
	}

	return {
		listbox,
		render(state, change) {
			switch (change) {
				case 'loading':
					status.textContent = 'Loading search…';
					return;
				case 'loaded':
					status.textContent = '';
					return updateChips(state);
				case 'filters':
					if (status.textContent === 'Loading filters…') status.textContent = '';
					buildChips(state.totals);
					// Chips pressed from the start (a shared link) are shown pressed.
					if (hasFilters(state.selection)) setFiltersOpen(true);
					return updateChips(state);
				case 'results':
					return showResults(state);
				case 'more': {
					const first = listbox.children.length;
					listbox.append(
						...state.shown.slice(first).map((data, i) => option(data, first + i)),
					);
					showMoreButton(state);
					status.textContent = `Showing ${state.shown.length} of ${plural(state.found?.hits.length ?? 0, 'result', 'results')}.`;
					return;
				}
				case 'active':
					return showActive(state);
				case 'cleared':
					return showCleared(state);
				case 'failed':
					return showFailure(state);
			}
		},
	};
}
