/**
 * A page as a browser parses it (parse5 implements the HTML standard's parser), for tests that
 * check outside text added no element or attribute to it and that a script holds what it should.
 */
import { parse } from 'parse5';

interface Node {
	tagName?: string;
	value?: string;
	attrs?: { name: string; value: string }[];
	childNodes?: Node[];
	content?: Node;
}

/** One element: its tag name, its attributes and the text of its direct text children. */
export interface Element {
	tag: string;
	attributes: Record<string, string>;
	text: string;
}

/** Every element of the page, in document order. */
export function elementsOf(html: string): Element[] {
	const out: Element[] = [];
	const walk = (node: Node) => {
		if (node.tagName)
			out.push({
				tag: node.tagName,
				attributes: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])),
				text: (node.childNodes ?? []).map((c) => c.value ?? '').join(''),
			});
		for (const child of node.childNodes ?? []) walk(child);
		if (node.content) walk(node.content);
	};
	walk(parse(html) as unknown as Node);
	return out;
}

/** Elements that load, run or link something; a self-contained report has none. */
export const ACTIVE_ELEMENTS = ['script', 'img', 'iframe', 'object', 'embed', 'link', 'a', 'form', 'image', 'use', 'foreignobject', 'base'];
