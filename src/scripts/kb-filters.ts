// The KB index filters with CSS alone (radio chips and :has()); this script only keeps the
// chosen filters in the address bar, so a filtered list can be shared, and checks the chips a
// shared link names when it is opened.
import { queryFromSelection, selectionFromQuery, type FilterSelection } from '../lib/kb-filters.ts';

export function syncFiltersWithUrl(form: HTMLFormElement): void {
	const radios = [...form.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
	const offered: Record<string, string[]> = {};
	for (const r of radios) (offered[r.name] ??= []).push(r.value);
	const order = Object.keys(offered);

	const wanted = selectionFromQuery(location.search, offered);
	for (const r of radios) if (wanted[r.name] === r.value) r.checked = true;

	const write = () => {
		const selection: FilterSelection = {};
		for (const r of radios) if (r.checked && r.value) selection[r.name] = r.value;
		history.replaceState(history.state, '', location.pathname + queryFromSelection(selection, order) + location.hash);
	};
	// The URL follows every press, so the no-JavaScript "Link to these filters" is not needed.
	const link = form.querySelector<HTMLElement>('[data-kb-filters-link]');
	if (link) link.hidden = true;
	form.addEventListener('change', write);
	// "Clear filters" resets the radios after its event has run; write once it has.
	form.addEventListener('reset', () => setTimeout(write));
	write();
}

const form = document.querySelector<HTMLFormElement>('form[data-kb-filters]');
if (form) syncFiltersWithUrl(form);
