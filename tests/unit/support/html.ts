/**
 * A report page as a browser parses it (parse5 implements the HTML standard's parser), for tests
 * that check outside text added no element or attribute to it.
 */
import { parse } from 'parse5';

interface Node {
	tagName?: string;
	attrs?: { name: string; value: string }[];
	childNodes?: Node[];
	content?: Node;
}

/** Every element of the page: its tag name and attribute names, in document order. */
export function elementsOf(html: string): { tag: string; attributes: string[] }[] {
	const out: { tag: string; attributes: string[] }[] = [];
	const walk = (node: Node) => {
		if (node.tagName) out.push({ tag: node.tagName, attributes: (node.attrs ?? []).map((a) => a.name) });
		for (const child of node.childNodes ?? []) walk(child);
		if (node.content) walk(node.content);
	};
	walk(parse(html) as unknown as Node);
	return out;
}

/** Elements that load, run or link something; a self-contained report has none. */
export const ACTIVE_ELEMENTS = ['script', 'img', 'iframe', 'object', 'embed', 'link', 'a', 'form', 'image', 'use', 'foreignobject', 'base'];
