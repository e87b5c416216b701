/**
 * Header search, on every page: turns the "Search" link (which works without JavaScript by
 * going to /search/) into a button that opens the search dialog, and adds the `/` and
 * Ctrl+K / Cmd+K shortcuts. The UI and the index load on first open, so pages pay almost nothing.
 */

/** Whether a key press is text input for the focused element rather than a shortcut. */
function isEditable(target: EventTarget | null): boolean {
	if (!(target instanceof HTMLElement)) return false;
	if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
	if (target instanceof HTMLSelectElement) return true;
	return (
		target instanceof HTMLInputElement &&
		!['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(
			target.type,
		)
	);
}

function enhance(trigger: HTMLElement, dialog: HTMLDialogElement) {
	const input = dialog.querySelector<HTMLInputElement>('[data-search-input]');
	const root = dialog.querySelector<HTMLElement>('[data-search-root]');
	if (!input || !root) return;
	let returnFocus: HTMLElement | null = null;
	let mounting: Promise<unknown> | undefined;

	const open = () => {
		if (!dialog.open) {
			const focused = document.activeElement;
			returnFocus = focused instanceof HTMLElement && focused !== document.body ? focused : trigger;
			dialog.showModal();
		}
		input.focus();
		input.select();
		mounting ??= import('./search-ui.ts')
			.then(({ mountSearch }) => mountSearch({ input, root }))
			.catch((error: unknown) => {
				// The UI chunk itself failed (offline, new deploy): say so, and retry on next open.
				mounting = undefined;
				console.error('Search failed to load:', error);
				root.textContent = 'Search could not load. Check your connection and try again.';
			});
	};

	trigger.setAttribute('role', 'button');
	trigger.setAttribute('aria-haspopup', 'dialog');
	trigger.addEventListener('click', (event) => {
		// A modified click still opens /search/ in a new tab, as the link would.
		if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
		event.preventDefault();
		open();
	});
	trigger.addEventListener('keydown', (event) => {
		// Links activate on Enter only; a button also activates on Space.
		if (event.key === ' ') {
			event.preventDefault();
			open();
		}
	});
	dialog.addEventListener('close', () => returnFocus?.focus());
	// In a filled search field Chrome spends the first Escape on clearing it; close at once instead.
	input.addEventListener('keydown', (event) => {
		if (event.key === 'Escape' && !event.isComposing) {
			event.preventDefault();
			dialog.close();
		}
	});
	// A click on the backdrop lands on the <dialog> itself; the panel covers its whole box.
	dialog.addEventListener('click', (event) => {
		if (event.target === dialog) dialog.close();
	});
	dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());

	document.addEventListener('keydown', (event) => {
		if (event.defaultPrevented || event.isComposing || event.altKey) return;
		const modifier = event.ctrlKey || event.metaKey;
		const isShortcut =
			(modifier && !event.shiftKey && event.key.toLowerCase() === 'k') ||
			(!modifier && event.key === '/' && !isEditable(event.target));
		if (!isShortcut) return;
		event.preventDefault();
		// The /search/ page and the home page have their own field: the shortcut goes there
		// instead of a dialog on top.
		const pageInput = document.querySelector<HTMLInputElement>(
			'[data-search-page-input], [data-search-inline] input',
		);
		if (pageInput && !dialog.open) {
			pageInput.focus();
			pageInput.select();
		} else {
			open();
		}
	});
}

/**
 * A search form with instant results below it (the home page): the same UI as the dialog, loaded
 * when the field is first focused; without JavaScript the form goes to /search/.
 */
function enhanceInline(form: HTMLFormElement) {
	const input = form.querySelector<HTMLInputElement>('input[type="search"]');
	const root = document.querySelector<HTMLElement>('[data-search-inline-results]');
	if (!input || !root) return;
	let mounting: Promise<unknown> | undefined;
	const mount = () => {
		mounting ??= import('./search-ui.ts')
			.then(({ mountSearch }) => mountSearch({ input, root }))
			.catch((error: unknown) => {
				mounting = undefined;
				console.error('Search failed to load:', error);
			});
	};
	input.addEventListener('focus', mount);
	input.addEventListener('input', mount);
}

const inline = document.querySelector<HTMLFormElement>('[data-search-inline]');
if (inline) enhanceInline(inline);

const trigger = document.querySelector<HTMLElement>('[data-search-trigger]');
const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');
if (trigger && dialog) enhance(trigger, dialog);
