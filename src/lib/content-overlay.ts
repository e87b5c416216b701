/**
 * The content problems as the dev server's error overlay shows them. The overlay renders the
 * message as HTML, and a problem quotes writers' text, so each line is escaped.
 */
import type { ContentProblem } from './content-rules.ts';
import { formatProblems } from './content-rules.ts';
import { htmlText } from './escape.ts';

/** A Vite `error` payload listing every problem, one per line. */
export function overlayError(problems: ContentProblem[], hint: string) {
	const [heading, ...lines] = formatProblems(problems).split('\n');
	return {
		type: 'error' as const,
		err: {
			name: 'Content problems',
			title: heading!.replace(/:$/, ''),
			message: lines.map((l) => htmlText(l.trim())).join('<br>'),
			hint: htmlText(hint),
			stack: '',
			plugin: 'tierzero:content-check',
		},
	};
}
