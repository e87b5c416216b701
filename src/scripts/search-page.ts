/**
 * The /search/ page: the plain GET form works without JavaScript; with it, the same search UI
 * as the header dialog runs inline for `?q=`, and the URL follows the query and the pressed
 * filter chips (`&type=FAQ&severity=high`) so a search can be shared as it is.
 */
import { selectionFromParams, writeSelection } from '../lib/search/filters.ts';
import { mountSearch } from './search-ui.ts';

const form = document.querySelector<HTMLFormElement>('[data-search-page]');
const input = document.querySelector<HTMLInputElement>('[data-search-page-input]');
const root = document.querySelector<HTMLElement>('[data-search-page-results]');

if (form && input && root) {
	const params = new URLSearchParams(location.search);
	const initial = params.get('q')?.trim() ?? '';
	input.value = initial;
	const ui = mountSearch({
		input,
		root,
		filters: selectionFromParams(params),
		onQuery(query, filters) {
			const url = new URL(location.href);
			if (query) url.searchParams.set('q', query);
			else url.searchParams.delete('q');
			writeSelection(url.searchParams, filters);
			if (url.href !== location.href) history.replaceState(history.state, '', url);
		},
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		ui.submit();
	});
	// Arriving with ?q= (a submitted form, a shared link) is a search the visitor made.
	if (initial) ui.submit();
	else input.focus();
}
