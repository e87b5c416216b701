/**
 * The ARIA 1.2 combobox keys of the search field: arrows, Home/End, Enter and Escape move
 * through or open the results the controller holds. Focus stays in the field throughout.
 */
import type { SearchController } from '../lib/search/controller.ts';

/** Wires the keys of `input` to `controller`. */
export function bindComboboxKeys<D>(input: HTMLInputElement, controller: SearchController<D>): void {
	input.addEventListener('keydown', (event) => {
		if (event.isComposing) return;
		const { active, shown } = controller.state;
		const count = shown.length;
		const newTab = event.ctrlKey || event.metaKey || event.shiftKey;
		switch (event.key) {
			case 'ArrowDown':
			case 'ArrowUp':
				if (!count) return;
				event.preventDefault();
				// Down from the last result wraps to the first, up from the first to the last.
				if (event.key === 'ArrowDown') controller.setActive(active < count - 1 ? active + 1 : 0);
				else controller.setActive(active > 0 ? active - 1 : count - 1);
				return;
			case 'Home':
			case 'End':
				// Only while a result is active; otherwise they move the caret as usual.
				if (active < 0 || !count) return;
				event.preventDefault();
				controller.setActive(event.key === 'Home' ? 0 : count - 1);
				return;
			case 'Enter':
				event.preventDefault();
				controller.enter(newTab);
				return;
			case 'Escape':
				// Inline, Escape first leaves the results; in the dialog it closes the dialog.
				if (active >= 0 && !input.closest('dialog')) {
					event.preventDefault();
					controller.setActive(-1);
				}
		}
	});
}
