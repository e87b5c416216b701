// Adds a "Copy" button to each code block of the page. Without JavaScript there is no button
// and the code stays selectable.
import { copyText } from './copy.ts';

export function addCodeCopyButtons(root: ParentNode): void {
	for (const pre of root.querySelectorAll<HTMLPreElement>('main pre')) {
		if (pre.parentElement?.classList.contains('code-block')) continue;
		const wrap = document.createElement('div');
		wrap.className = 'code-block';
		pre.replaceWith(wrap);
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'button secondary code-copy';
		button.textContent = 'Copy';
		button.setAttribute('aria-label', 'Copy code');
		const status = document.createElement('span');
		status.className = 'visually-hidden';
		status.setAttribute('role', 'status');
		wrap.append(pre, button, status);
		button.addEventListener('click', async () => {
			try {
				await copyText(pre.innerText.replace(/\n$/, ''));
				button.textContent = 'Copied';
				status.textContent = 'Code copied to clipboard';
			} catch (error) {
				button.textContent = 'Copy failed';
				status.textContent = 'Copy failed; select the code and copy it by hand';
				console.warn('copy failed', error);
			}
			setTimeout(() => (button.textContent = 'Copy'), 2000);
		});
	}
}

addCodeCopyButtons(document);
