/**
 * Pagefind excerpts are HTML: page text with `<`, `>` and `&` escaped and the matched words
 * wrapped in `<mark>`. Before they reach `innerHTML` this keeps exactly that and nothing else, so
 * a page that slipped raw markup into the index cannot inject it into the search UI.
 */

/** A character reference as Pagefind writes it (`&lt;`, `&amp;`, `&#39;`, `&#x27;`). */
const ENTITY = /^&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i;

/** Escapes `<`, `>` and every `&` that does not already start a character reference. */
function escapeText(text: string): string {
	return text.replace(/[<>]|&/g, (ch, offset: number) => {
		if (ch === '<') return '&lt;';
		if (ch === '>') return '&gt;';
		return ENTITY.test(text.slice(offset)) ? '&' : '&amp;';
	});
}

/**
 * The excerpt with its `<mark>` highlights kept and anything else that looks like markup escaped;
 * safe to assign to `innerHTML`. Unbalanced marks are closed so one cannot swallow the rest.
 */
export function safeExcerpt(html: string): string {
	let open = false;
	const out = html
		.split(/(<\/?mark>)/i)
		.map((part) => {
			const tag = part.toLowerCase();
			if (tag === '<mark>' && !open) {
				open = true;
				return '<mark>';
			}
			if (tag === '</mark>' && open) {
				open = false;
				return '</mark>';
			}
			return tag === '<mark>' || tag === '</mark>' ? '' : escapeText(part);
		})
		.join('');
	return open ? `${out}</mark>` : out;
}
