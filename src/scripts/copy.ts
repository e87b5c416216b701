/** Copy `text` to the clipboard, with a fallback for browsers that deny the async API. */
export async function copyText(text: string): Promise<void> {
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		const area = document.createElement('textarea');
		area.value = text;
		area.setAttribute('readonly', '');
		area.style.position = 'fixed';
		area.style.opacity = '0';
		document.body.append(area);
		area.select();
		const ok = document.execCommand('copy');
		area.remove();
		if (!ok) throw new Error('Copying was blocked by the browser');
	}
}

/** Reveal and wire every `.copy-button[data-copy]` below root. */
export function enableCopyButtons(root: ParentNode): void {
	for (const button of root.querySelectorAll<HTMLButtonElement>('.copy-button[data-copy]')) {
		if (button.dataset.ready) continue;
		button.dataset.ready = '1';
		button.hidden = false;
		const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
		const label = button.textContent ?? 'Copy';
		button.addEventListener('click', async () => {
			try {
				await copyText(button.dataset.copy ?? '');
				button.textContent = 'Copied';
				if (status) status.textContent = 'Copied to clipboard';
			} catch (error) {
				button.textContent = 'Copy failed — select the text';
				if (status) status.textContent = 'Copy failed; select the text and copy it by hand';
				console.warn('copy failed', error);
			}
			setTimeout(() => {
				button.textContent = label;
			}, 2000);
		});
	}
}
