/**
 * The search UI shared by the header dialog, the home page's search box and the /search/ page:
 * the controller (src/lib/search/controller.ts) over the Pagefind engine, drawn by the view and
 * driven by the combobox keys. Loaded on first use, with the index.
 */
import { createSearchController } from '../lib/search/controller.ts';
import type { FilterSelection } from '../lib/search/filters.ts';
import { bindComboboxKeys } from './search-combobox.ts';
import { pagefindEngine } from './search-engine.ts';
import { createSearchView } from './search-view.ts';

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

/** Mounts the search UI; it loads the index at once and searches any text already in `input`. */
export function mountSearch({ input, root, filters, onQuery }: SearchUiOptions): SearchUi {
	const view = createSearchView(input, root, () => controller);
	const controller = createSearchController({
		engine: pagefindEngine(),
		readQuery: () => input.value,
		onChange: (state, change) => view.render(state, change),
		emit: (name, detail) => document.dispatchEvent(new CustomEvent(name, { detail })),
		target: (data) => new URL(data.landing.url, location.href),
		navigate(url, newTab) {
			if (newTab) window.open(url.href, '_blank', 'noopener');
			else location.assign(url.href);
		},
		filters,
		onQuery,
	});
	bindComboboxKeys(input, controller);
	input.addEventListener('input', () => controller.typed());
	void controller.start();
	return { submit: () => controller.submit() };
}
