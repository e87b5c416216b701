import { describe, expect, it } from 'vitest';
import { splitStoreLiteral } from '../../../src/lib/data-store-module.ts';

// The module as Astro writes it: the store's JSON text as one string literal.
const storeModule = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;
// What the module's default export evaluates to.
const evaluate = (code: string) => new Function(code.replace(/^export default /, 'return '))() as unknown;

describe('splitStoreLiteral', () => {
	it('gives the same value as literals of at most the part length', () => {
		const text = JSON.stringify([{ title: 'Smart “quotes” and \\ backslashes', html: '<p>a\n"b"</p>', emoji: '🙂🙂🙂' }]);
		const split = splitStoreLiteral(storeModule(text), 5)!;
		expect(evaluate(split)).toEqual(JSON.parse(text));
		const literals = split.slice(split.indexOf('[') + 1, split.lastIndexOf(']')).split(',\n');
		expect(literals.length).toBe(Math.ceil(text.length / 5));
		for (const literal of literals) expect((JSON.parse(literal) as string).length).toBeLessThanOrEqual(5);
	});

	it('cuts a surrogate pair without changing the text', () => {
		const text = JSON.stringify('a🙂b');
		expect(evaluate(splitStoreLiteral(storeModule(text), 2)!)).toBe('a🙂b');
	});

	it('leaves code of any other shape alone', () => {
		expect(splitStoreLiteral('export default new Map()')).toBeNull();
		expect(splitStoreLiteral('export default JSON.parse(42)')).toBeNull();
		expect(splitStoreLiteral('export default JSON.parse("unterminated)')).toBeNull();
		expect(splitStoreLiteral('export default{"kb":[(await import("x"))]}')).toBeNull();
	});
});
