/**
 * The search UI shared by the header dialog and the /search/ page: an ARIA 1.2 combobox (the
 * text field) controlling a listbox of results, filter chips, a live result count, typo
 * correction and the analytics events. Loaded on first use, with the index.
 */
import { searchWithCorrection, type SearchOutcome } from '../lib/search/correct.ts';
import { safeExcerpt } from '../lib/search/excerpt.ts';
import { landingFor } from '../lib/search/landing.ts';
import {
	FILTER_GROUPS,
	filterValueLabel,
	hasFilters,
	knownSelection,
	pagefindFilters,
	sortFilterValues,
	toggleFilter,
	type FilterSelection,
} from '../lib/search/filters.ts';
import {
	isIndexed,
	loadSearchIndex,
	runSearch,
	type FilterCounts,
	type PagefindData,
	type PagefindResponse,
	type SearchIndex,
} from './search-index.ts';

/** Results fetched and shown at a time; "Show more" fetches the next batch. */
const PAGE_SIZE = 10;
/** Pause after typing before searching: fast enough to feel live, slow enough to skip keystrokes. */
const TYPING_MS = 120;
/** Pause after which a query counts as settled for analytics (Enter settles at once). */
const SETTLE_MS = 800;

/** Where to mount the UI. */
export interface SearchUiOptions {
	/** The text field that becomes the combobox. */
	input: HTMLInputElement;
	/** Empty element that receives the filters, status and results. */
	root: HTMLElement;
	/** Chips pressed from the start (the /search/ page reads them from its URL). */
	filters?: FilterSelection;
	/**
	 * Called with the query as typed and the pressed chips whenever they are searched (the
	 * /search/ page syncs its URL).
	 */
	onQuery?(query: string, filters: FilterSelection): void;
}

/** Handle on a mounted UI. */
export interface SearchUi {
	/** Searches the field's current text now and counts it as settled (Enter, form submit). */
	submit(): void;
}

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

let mounts = 0;

/** Mounts the search UI; it loads the index at once and searches any text already in `input`. */
/** The category names a page wrote as JSON; none (slugs shown as they are) when unreadable. */
function readNames(json: string | undefined): Record<string, string> {
	try {
		const names: unknown = JSON.parse(json ?? '{}');
		return names !== null && typeof names === 'object' ? (names as Record<string, string>) : {};
	} catch {
		return {};
	}
}

export function mountSearch({ input, root, filters, onQuery }: SearchUiOptions): SearchUi {
	const id = `tz-search-${++mounts}`;
	// Category names come from content/categories.yaml through the page (see Search.astro).
	const categoryNames = readNames(root.dataset.categoryNames);
	const notice = h('p', { class: 'tz-search-notice', hidden: true });
	const filterBox = h('div', { class: 'tz-search-filters', hidden: true });
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
	root.replaceChildren(notice, filterBox, status, listbox, more, empty);

	input.setAttribute('role', 'combobox');
	input.setAttribute('aria-controls', listbox.id);
	input.setAttribute('aria-expanded', 'false');
	input.setAttribute('aria-autocomplete', 'list');
	input.autocomplete = 'off';

	let loadingIndex: Promise<SearchIndex | undefined> | undefined;
	let selection: FilterSelection = filters ?? {};
	let totals: FilterCounts = {};
	/** The query for which the reader chose "search instead for …". */
	let literal: string | null = null;
	/** Bumped on every search so a slow, superseded one never renders. */
	let generation = 0;
	let current:
		{ typed: string; outcome: SearchOutcome<PagefindResponse>; shown: PagefindData[] } | undefined;
	let active = -1;
	let typingTimer: ReturnType<typeof setTimeout> | undefined;
	let settleTimer: ReturnType<typeof setTimeout> | undefined;
	/** The typed query already reported as settled, so Enter after a pause does not repeat it. */
	let settled = '';
	let settleWhenShown = false;

	const typedQuery = () => input.value.trim();

	function settle() {
		clearTimeout(settleTimer);
		const typed = typedQuery();
		if (!typed || settled === typed) return;
		if (current?.typed !== typed) {
			settleWhenShown = true;
			return;
		}
		settled = typed;
		settleWhenShown = false;
		const results = current.outcome.response.results.length;
		document.dispatchEvent(
			new CustomEvent('tierzero:search', { detail: { query: typed, results } }),
		);
	}

	function restartSettle() {
		settled = '';
		settleWhenShown = false;
		clearTimeout(settleTimer);
		settleTimer = setTimeout(settle, SETTLE_MS);
	}

	function setActive(next: number) {
		const options = listbox.children;
		options[active]?.setAttribute('aria-selected', 'false');
		active = next;
		const option = options[active];
		if (option) {
			option.setAttribute('aria-selected', 'true');
			input.setAttribute('aria-activedescendant', option.id);
			option.scrollIntoView({ block: 'nearest' });
		} else {
			input.removeAttribute('aria-activedescendant');
		}
	}

	function openResult(rank: number, newTab: boolean) {
		const data = current?.shown[rank];
		if (!current || !data) return;
		settle();
		const target = new URL(landingFor(data, current.outcome.query).url, location.href);
		document.dispatchEvent(
			new CustomEvent('tierzero:result-click', {
				// The page, not the section: reports count clicks per article.
				detail: { query: current.typed, rank: rank + 1, target: target.pathname },
			}),
		);
		if (newTab) window.open(target.href, '_blank', 'noopener');
		else location.assign(target.href);
	}

	/**
	 * One result. Its accessible name is its text (WCAG 2.5.3: the visible words must be in the
	 * name), so the DOM is in reading order: title, facts, excerpt; spaces keep words apart.
	 */
	function option(data: PagefindData, rank: number): HTMLLIElement {
		const type = data.meta.type ?? data.filters.type?.[0];
		const { id: entryId, severity } = data.meta;
		const facts = [
			type && h('span', { class: 'tz-search-badge' }, type),
			entryId && h('span', { class: 'tz-search-id' }, entryId),
			severity &&
				h('span', { class: `tz-search-badge tz-search-sev-${severity}` }, `${severity} severity`),
		].flatMap((fact) => (fact ? [fact, ' '] : []));
		const landing = landingFor(data, current?.outcome.query ?? '');
		const excerpt = h('span', { class: 'tz-search-excerpt' });
		// Safe: Pagefind's excerpt is already HTML (text escaped, matches in <mark>), so htmlText would
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
		li.addEventListener('click', (event) =>
			openResult(rank, event.ctrlKey || event.metaKey || event.shiftKey),
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
					chip.addEventListener('click', () => {
						selection = toggleFilter(selection, key, value);
						restartSettle();
						void update();
					});
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
		filterBox.hidden = groups.length === 0;
	}

	/** Chip counts are what each chip would leave: pressing one can only narrow the results. */
	function updateChips(counts: FilterCounts) {
		for (const chip of filterBox.querySelectorAll<HTMLButtonElement>('.tz-search-chip')) {
			const { key = '', value = '' } = chip.dataset;
			const pressed = selection[key]?.includes(value) ?? false;
			const count = counts[key]?.[value] ?? 0;
			chip.setAttribute('aria-pressed', String(pressed));
			chip.hidden = !pressed && count === 0;
			chip.lastElementChild!.textContent = String(count);
		}
		for (const group of filterBox.children) {
			(group as HTMLElement).hidden = !group.querySelector('.tz-search-chip:not([hidden])');
		}
		filterBox.hidden = !filterBox.querySelector('.tz-search-filter-group:not([hidden])');
	}

	function showNotice(outcome: SearchOutcome<PagefindResponse> | undefined) {
		const link = (text: string, query: string, isLiteral: boolean) => {
			const button = h('button', { type: 'button', class: 'tz-search-link' }, text);
			button.addEventListener('click', () => {
				input.value = query;
				literal = isLiteral ? query : null;
				input.focus();
				restartSettle();
				void update();
			});
			return button;
		};
		if (outcome?.typed) {
			notice.replaceChildren(
				'Showing results for ',
				h('strong', {}, outcome.query),
				' — ',
				link(`search instead for ${outcome.typed}`, outcome.typed, true),
			);
		} else if (outcome?.suggestion) {
			notice.replaceChildren(
				'Did you mean ',
				link(outcome.suggestion, outcome.suggestion, false),
				'?',
			);
		}
		notice.hidden = !outcome?.typed && !outcome?.suggestion;
	}

	function showEmpty() {
		const children: (Node | string)[] = [
			// The status line above already says there are no results.
			h('p', {}, 'Try fewer or other words, or check the spelling.'),
		];
		if (hasFilters(selection)) {
			const clear = h('button', { type: 'button', class: 'tz-search-link' }, 'Clear the filters');
			clear.addEventListener('click', () => {
				selection = {};
				restartSettle();
				void update();
			});
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

	function render(typed: string, outcome: SearchOutcome<PagefindResponse>, shown: PagefindData[]) {
		current = { typed, outcome, shown };
		const total = outcome.response.results.length;
		listbox.replaceChildren(...shown.map(option));
		listbox.hidden = shown.length === 0;
		input.setAttribute('aria-expanded', String(shown.length > 0));
		active = -1;
		input.removeAttribute('aria-activedescendant');
		showNotice(outcome);
		updateChips(outcome.response.filters);
		const about = outcome.query ? ` for ${quoted(outcome.query)}` : '';
		const filtered = hasFilters(selection) ? ' with the selected filters' : '';
		status.textContent = total
			? `${plural(total, 'result', 'results')}${about}${filtered}.`
			: `No results${about}${filtered}.`;
		more.hidden = shown.length >= total;
		more.textContent = `Show more results (${total - shown.length} more)`;
		empty.hidden = true;
		if (total === 0) showEmpty();
		if (settleWhenShown) settle();
	}

	function clear() {
		current = undefined;
		listbox.replaceChildren();
		listbox.hidden = true;
		input.setAttribute('aria-expanded', 'false');
		input.removeAttribute('aria-activedescendant');
		active = -1;
		notice.hidden = true;
		more.hidden = true;
		empty.hidden = true;
		status.textContent = '';
		updateChips(totals);
	}

	function fail(error: unknown) {
		console.error('Search failed:', error, error instanceof Error ? error.cause : undefined);
		clear();
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

	async function update() {
		const run = ++generation;
		const typed = typedQuery();
		onQuery?.(typed, selection);
		if (typed !== literal) literal = null;
		try {
			const loaded = await ensureIndex();
			if (!loaded || run !== generation) return;
			if (!typed && !hasFilters(selection)) return clear();
			const filters = pagefindFilters(selection);
			const { pagefind } = loaded;
			const outcome: SearchOutcome<PagefindResponse> = typed
				? await searchWithCorrection(
						typed,
						{
							search: (query) => runSearch(pagefind, query, filters),
							isIndexed: (word) => isIndexed(pagefind, word),
						},
						loaded.speller,
						{ literal: literal === typed },
					)
				: // Filters alone list every page they match: browsing by chip.
					{ query: '', response: await runSearch(pagefind, null, filters) };
			const shown = await Promise.all(
				outcome.response.results.slice(0, PAGE_SIZE).map((result) => result.data()),
			);
			if (run === generation) render(typed, outcome, shown);
		} catch (error) {
			if (run === generation) fail(error);
		}
	}

	async function showMore() {
		if (!current) return;
		const { typed, outcome, shown } = current;
		const run = generation;
		try {
			const next = await Promise.all(
				outcome.response.results
					.slice(shown.length, shown.length + PAGE_SIZE)
					.map((result) => result.data()),
			);
			if (run !== generation) return;
			const first = shown.length;
			current = { typed, outcome, shown: [...shown, ...next] };
			listbox.append(...next.map((data, i) => option(data, first + i)));
			more.hidden = current.shown.length >= outcome.response.results.length;
			more.textContent = `Show more results (${outcome.response.results.length - current.shown.length} more)`;
			status.textContent = `Showing ${current.shown.length} of ${plural(outcome.response.results.length, 'result', 'results')}.`;
			input.focus();
			setActive(first);
		} catch (error) {
			fail(error);
		}
	}

	input.addEventListener('input', () => {
		clearTimeout(typingTimer);
		typingTimer = setTimeout(() => {
			typingTimer = undefined;
			void update();
		}, TYPING_MS);
		restartSettle();
	});

	input.addEventListener('keydown', (event) => {
		const count = listbox.children.length;
		if (event.isComposing) return;
		switch (event.key) {
			case 'ArrowDown':
			case 'ArrowUp':
				if (!count) return;
				event.preventDefault();
				if (event.key === 'ArrowDown') setActive(active < count - 1 ? active + 1 : 0);
				else setActive(active > 0 ? active - 1 : count - 1);
				return;
			case 'Home':
			case 'End':
				// Only while a result is active; otherwise they move the caret as usual.
				if (active < 0 || !count) return;
				event.preventDefault();
				setActive(event.key === 'Home' ? 0 : count - 1);
				return;
			case 'Enter':
				event.preventDefault();
				if (active >= 0) openResult(active, event.ctrlKey || event.metaKey || event.shiftKey);
				else ui.submit();
				return;
			case 'Escape':
				// Inline, Escape first leaves the results; in the dialog it closes the dialog.
				if (active >= 0 && !input.closest('dialog')) {
					event.preventDefault();
					setActive(-1);
				}
		}
	});

	more.addEventListener('click', () => void showMore());

	const ui: SearchUi = {
		submit() {
			// A submit while the last keystroke's search is still waiting runs it now.
			const pending = typingTimer !== undefined;
			clearTimeout(typingTimer);
			typingTimer = undefined;
			settle();
			if (pending || current?.typed !== typedQuery()) void update();
		},
	};

	/** Loads the index once; after a failure (shown by `fail`) the next search tries again. */
	function ensureIndex(): Promise<SearchIndex | undefined> {
		loadingIndex ??= (async () => {
			status.textContent = 'Loading search…';
			try {
				const loaded = await loadSearchIndex();
				totals = await loaded.pagefind.filters();
				selection = knownSelection(selection, totals);
				buildChips(totals);
				status.textContent = '';
				return loaded;
			} catch (error) {
				fail(error);
				loadingIndex = undefined;
				return undefined;
			}
		})();
		return loadingIndex;
	}

	void ensureIndex().then((loaded) => {
		if (loaded && (typedQuery() || hasFilters(selection))) void update();
	});

	return ui;
}
