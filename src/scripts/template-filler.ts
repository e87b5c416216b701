import { fillPlaceholders, splitPlaceholders } from '../lib/placeholders.ts';
import { replyText } from '../lib/reply-text.ts';
import { copyText, enableCopyButtons } from './copy.ts';

function renderInto(target: Element, text: string): void {
	target.replaceChildren(
		...splitPlaceholders(text).map((part) => {
			if (!part.placeholder) return document.createTextNode(part.text);
			const mark = document.createElement('mark');
			mark.textContent = `[${part.text}]`;
			return mark;
		}),
	);
}

/** The article a KB picker's value names (`KB-0026 Title`), from its datalist. */
function pickedArticle(input: HTMLInputElement): { url: string; title: string } | undefined {
	const option = [...(input.list?.options ?? [])].find((o) => o.value === input.value.trim());
	return option?.dataset.url ? { url: option.dataset.url, title: option.dataset.title ?? option.value } : undefined;
}

/** What fills one placeholder slot: text, a link to a picked KB article, or the marked name. */
function slotContent(name: string, input: HTMLInputElement | undefined): Node {
	const value = input?.value.trim() ?? '';
	if (!input || value === '') {
		const mark = document.createElement('mark');
		mark.textContent = `[${name}]`;
		return mark;
	}
	const article = input.hasAttribute('data-kb-picker') ? pickedArticle(input) : undefined;
	if (!article) return document.createTextNode(value);
	const link = document.createElement('a');
	link.href = article.url;
	link.textContent = article.title;
	return link;
}

/** The reply as clipboard HTML: slots unwrapped, unfilled ones as plain `[Name]`. */
function replyHtml(preview: Element): string {
	const copy = preview.cloneNode(true) as Element;
	for (const slot of copy.querySelectorAll('[data-placeholder]')) slot.replaceWith(...slot.childNodes);
	for (const mark of copy.querySelectorAll('mark')) mark.replaceWith(mark.textContent ?? '');
	return copy.innerHTML.trim();
}

/** Puts HTML and its plain-text twin on the clipboard; plain text alone where HTML cannot go. */
async function copyReply(html: string, text: string): Promise<void> {
	if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
		try {
			await navigator.clipboard.write([
				new ClipboardItem({
					'text/html': new Blob([html], { type: 'text/html' }),
					'text/plain': new Blob([text], { type: 'text/plain' }),
				}),
			]);
			return;
		} catch {
			// Some browsers refuse text/html or ask for a permission the page lacks: plain text still helps.
		}
	}
	await copyText(text);
}

/** Wire every `.template-filler` below root: inputs fill the preview and the copied reply. */
export function enableTemplateFillers(root: ParentNode): void {
	for (const filler of root.querySelectorAll<HTMLElement>('.template-filler')) {
		const form = filler.querySelector<HTMLFormElement>('.template-form');
		const subjectOut = filler.querySelector('.template-subject');
		const preview = filler.querySelector('.template-text');
		const remaining = filler.querySelector('.template-remaining');
		const copyButton = filler.querySelector<HTMLButtonElement>('.copy-reply');
		const copySubject = filler.querySelector<HTMLButtonElement>('.copy-button');
		const status = filler.querySelector<HTMLElement>('.copy-status');
		if (!form || !subjectOut || !preview || !copyButton || !copySubject) continue;
		const subject = filler.dataset.subject ?? '';
		const inputs = new Map([...form.querySelectorAll<HTMLInputElement>('input')].map((i) => [i.name, i]));
		const unfilled = () => [...inputs].filter(([, i]) => i.value.trim() === '').map(([name]) => name);
		const update = () => {
			const values = Object.fromEntries([...inputs].map(([name, i]) => [name, pickedArticle(i)?.title ?? i.value]));
			const filledSubject = fillPlaceholders(subject, values);
			renderInto(subjectOut, filledSubject);
			copySubject.dataset.copy = filledSubject;
			for (const slot of preview.querySelectorAll<HTMLElement>('[data-placeholder]')) {
				const name = slot.dataset.placeholder ?? '';
				slot.replaceChildren(slotContent(name, inputs.get(name)));
			}
			const left = unfilled().length;
			if (remaining) remaining.textContent = left === 0 ? 'All placeholders filled.' : `${left} placeholder${left === 1 ? '' : 's'} left to fill.`;
		};
		form.hidden = false;
		form.addEventListener('input', update);
		form.addEventListener('submit', (e) => e.preventDefault());
		update();
		copyButton.hidden = false;
		copyButton.addEventListener('click', async () => {
			const left = unfilled();
			// A reply sent with "[Customer Name]" in it is worse than a moment's pause.
			if (left.length > 0 && !window.confirm(`Not filled in yet: ${left.map((n) => `[${n}]`).join(', ')}. Copy the reply anyway?`)) {
				if (status) status.textContent = 'Not copied: fill in the placeholders first';
				return;
			}
			try {
				await copyReply(replyHtml(preview), replyText(preview));
				copyButton.textContent = 'Copied';
				if (status) status.textContent = 'Reply copied to clipboard';
			} catch (error) {
				copyButton.textContent = 'Copy failed — select the text';
				if (status) status.textContent = 'Copy failed; select the text and copy it by hand';
				console.warn('copy failed', error);
			}
			setTimeout(() => (copyButton.textContent = 'Copy reply'), 2000);
		});
		enableCopyButtons(filler);
	}
}
