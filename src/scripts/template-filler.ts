import { fillPlaceholders, splitPlaceholders } from '../lib/placeholders.ts';
import { enableCopyButtons } from './copy.ts';

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

/** Wire every `.template-filler` below root: inputs fill the preview and the copied text. */
export function enableTemplateFillers(root: ParentNode): void {
	for (const filler of root.querySelectorAll<HTMLElement>('.template-filler')) {
		const form = filler.querySelector<HTMLFormElement>('.template-form');
		const subjectOut = filler.querySelector('.template-subject');
		const bodyOut = filler.querySelector('.template-text');
		const remaining = filler.querySelector('.template-remaining');
		const [copyBody, copySubject] = filler.querySelectorAll<HTMLButtonElement>('.copy-button');
		if (!form || !subjectOut || !bodyOut || !copyBody || !copySubject) continue;
		const subject = filler.dataset.subject ?? '';
		const body = filler.dataset.body ?? '';
		const update = () => {
			const values = Object.fromEntries(
				[...form.querySelectorAll<HTMLInputElement>('input')].map((i) => [i.name, i.value]),
			);
			const filledSubject = fillPlaceholders(subject, values);
			const filledBody = fillPlaceholders(body, values);
			renderInto(subjectOut, filledSubject);
			renderInto(bodyOut, filledBody);
			copyBody.dataset.copy = filledBody;
			copySubject.dataset.copy = filledSubject;
			const left = [...form.querySelectorAll<HTMLInputElement>('input')].filter((i) => i.value.trim() === '').length;
			if (remaining) remaining.textContent = left === 0 ? 'All placeholders filled.' : `${left} placeholder${left === 1 ? '' : 's'} left to fill.`;
		};
		form.hidden = false;
		form.addEventListener('input', update);
		form.addEventListener('submit', (e) => e.preventDefault());
		update();
		enableCopyButtons(filler);
	}
}
