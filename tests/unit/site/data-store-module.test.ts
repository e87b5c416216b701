import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitStoreLiteral, storeFromFile } from '../../../src/lib/data-store-module.ts';

// The module as Astro writes it: the store's JSON text as one string literal.
const storeModule = (text: string) => `export default JSON.parse(${JSON.stringify(text)})`;
// What the module's default export evaluates to.
const evaluate = (code: string) => new Function(code.replace(/^export default /, 'return '))() as unknown;
// The text handed to JSON.parse, whatever it is.
const parsedText = (code: string) => new Function(`return ${code.slice('export default JSON.parse('.length, -1)}`)() as string;
// The literals of a split module, as written.
const literalsOf = (split: string) => split.slice(split.indexOf('[') + 1, split.lastIndexOf(']')).split(',\n');

describe('splitStoreLiteral', () => {
	it('gives the same value as literals of at most the part length', () => {
		const text = JSON.stringify([{ title: 'Smart “quotes” and \\ backslashes', html: '<p>a\n"b"</p>', emoji: '🙂🙂🙂' }]);
		const split = splitStoreLiteral(storeModule(text), 8)!;
		expect(evaluate(split)).toEqual(JSON.parse(text));
		const literals = literalsOf(split);
		expect(literals.length).toBeGreaterThanOrEqual(Math.ceil(JSON.stringify(text).length / 8));
		for (const literal of literals) expect(literal.length - 2).toBeLessThanOrEqual(8);
	});

	it('never cuts an escape or a surrogate pair, for any text and part length', () => {
		const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', '\n', '\u0001', 'u', '0', '🙂', '\u2028'), fc.string({ unit: 'binary', maxLength: 1 })) });
		fc.assert(
			fc.property(text, fc.integer({ min: 6, max: 20 }), (value, partLength) => {
				const split = splitStoreLiteral(`export default JSON.parse(${JSON.stringify(value)})`, partLength)!;
				expect(parsedText(split)).toBe(value);
				for (const literal of literalsOf(split)) {
					expect(literal.length - 2).toBeLessThanOrEqual(partLength);
					// Each part is a well-formed literal of its own: no lone half of a pair that was whole.
					expect(typeof JSON.parse(literal)).toBe('string');
				}
			}),
			{ numRuns: 500 },
		);
	});

	it('cuts before a surrogate pair rather than between its halves', () => {
		// The literal is "\"abcd🙂\"": a cut after 7 characters would fall inside the emoji.
		const split = splitStoreLiteral(storeModule(JSON.stringify('abcd🙂')), 7)!;
		expect(evaluate(split)).toBe('abcd🙂');
		expect(literalsOf(split)[0]).toBe('"\\"abcd"');
		expect(literalsOf(split).every((l) => !/[\uD800-\uDBFF]"$/.test(l))).toBe(true);
	});

	it('leaves code of any other shape alone', () => {
		expect(splitStoreLiteral('export default new Map()')).toBeNull();
		expect(splitStoreLiteral('export default JSON.parse(42)')).toBeNull();
		expect(splitStoreLiteral('export default JSON.parse("unterminated)')).toBeNull();
		expect(splitStoreLiteral('export default JSON.parse("a" + "b")')).toBeNull();
		expect(splitStoreLiteral('export default{"kb":[(await import("x"))]}')).toBeNull();
	});
});

describe('storeFromFile', () => {
	const NODE = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'tierzero-store-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	const runModule = (store: string) => {
		const module = join(dir, 'store.mjs');
		writeFileSync(module, `${storeFromFile(store)}\nconsole.log(JSON.stringify(store));`);
		return spawnSync(NODE, [module], { encoding: 'utf8' });
	};

	it('gives the value of the store file, as Astro’s module of its text would', () => {
		const value = [['kb', { title: 'Smart “quotes”, \\ and 🙂', html: '<p>"a"</p>' }]];
		writeFileSync(join(dir, 'data-store.json'), JSON.stringify(value));
		const run = runModule(join(dir, 'data-store.json'));
		expect(run.status, run.stderr).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual(evaluate(`export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`));
	});

	it('stops the build, naming the file, when the store cannot be read or parsed, instead of giving Astro no content', () => {
		const missing = runModule(join(dir, 'no-such-store.json'));
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain(`the content store ${join(dir, 'no-such-store.json')} could not be read`);
		writeFileSync(join(dir, 'broken.json'), '[["kb"');
		const broken = runModule(join(dir, 'broken.json'));
		expect(broken.status).toBe(1);
		expect(broken.stderr).toContain('could not be read');
	});
});
