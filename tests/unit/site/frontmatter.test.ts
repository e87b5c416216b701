import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineOfField, splitEntryFrontmatter, splitFrontmatter } from '../../../src/lib/frontmatter.ts';

describe('splitFrontmatter', () => {
	it('parses the YAML and returns the body with the line it starts on', () => {
		const source = '---\nid: KB-0001\ntags: [cli, path]\nupdated: 2026-03-02\n---\n## Symptoms\n';
		expect(splitFrontmatter(source)).toEqual({
			data: { id: 'KB-0001', tags: ['cli', 'path'], updated: '2026-03-02' },
			body: '## Symptoms\n',
			bodyLine: 6,
		});
	});

	it('reads files saved with Windows line endings', () => {
		const { data, body } = splitFrontmatter('---\r\nid: KB-0001\r\n---\r\nBody\r\n');
		expect(data).toEqual({ id: 'KB-0001' });
		expect(body).toBe('Body\r\n');
	});

	it('gives no data and the whole text as body without frontmatter', () => {
		expect(splitFrontmatter('## Symptoms\n')).toEqual({
			data: {},
			body: '## Symptoms\n',
			bodyLine: 1,
		});
	});

	it('gives no data for frontmatter holding only a comment', () => {
		expect(splitFrontmatter('---\n# nothing yet\n---\nBody')).toEqual({
			data: {},
			body: 'Body',
			bodyLine: 4,
		});
	});

	it('throws on invalid YAML so the caller can name the file', () => {
		expect(() => splitFrontmatter('---\ntitle: [unclosed\n---\nBody')).toThrow();
	});
});

describe('lineOfField', () => {
	const source = '---\nid: KB-0001\nseverity: high\nrelated:\n  - KB-0002\n---\n\n## Symptoms\n';
	it('finds the line of a top-level key, also for indexed fields', () => {
		expect(lineOfField(source, 'severity')).toBe(3);
		expect(lineOfField(source, 'related[0]')).toBe(4);
		expect(lineOfField(source, 'affectedVersions.0')).toBeUndefined();
	});
	it('points body problems at the first line after the frontmatter', () => {
		expect(lineOfField(source, 'body')).toBe(7);
	});
});

describe('splitEntryFrontmatter', () => {
	const entry = (front: string) => `---\n${front}\n---\nBody\n`;

	it('gives the frontmatter Astro’s content layer gives, for any frontmatter it can read', async () => {
		// Astro's own frontmatter parser, which the content layer runs on every entry.
		const { parseFrontmatter } = await import('@astrojs/internal-helpers/frontmatter');
		const scalar = fc.oneof(
			fc.string(),
			fc.integer(),
			fc.boolean(),
			fc.constantFrom('2026-01-22', '2026-01-22 10:00:00', 'yes', '~', '0o17', '1.10', 'KB-0042'),
		);
		const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }));
		const key = fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,12}$/);
		// Written as a writer would: `key: value`, scalars unquoted where YAML allows, lists in [ ].
		const line = fc.tuple(key, value).map(([k, v]) => {
			const text = (x: unknown) => (typeof x === 'string' && /^[\w .:-]*$/.test(x) && x.trim() === x && x !== '' ? x : JSON.stringify(x));
			return `${k}: ${Array.isArray(v) ? `[${v.map(text).join(', ')}]` : text(v)}`;
		});
		fc.assert(
			fc.property(fc.uniqueArray(line, { selector: (l) => l.split(':')[0], maxLength: 8 }), (lines) => {
				const source = entry(lines.join('\n'));
				let astro: unknown;
				try {
					astro = parseFrontmatter(source).frontmatter;
				} catch {
					expect(() => splitEntryFrontmatter(source)).toThrow();
					return;
				}
				expect(splitEntryFrontmatter(source).data).toEqual(astro);
			}),
		);
	});

	it('reads an unquoted date as a Date, as the build does', () => {
		expect(splitEntryFrontmatter(entry('updated: 2026-03-02')).data).toEqual({ updated: new Date('2026-03-02T00:00:00Z') });
	});

	it('throws the `yaml` package’s error, with its line and code, for YAML neither parser reads', () => {
		let error: { code?: string; linePos?: { line: number }[] } | undefined;
		try {
			splitEntryFrontmatter(entry('id: KB-0001\ntitle: Webhooks: retries fail'));
		} catch (e) {
			error = e as typeof error;
		}
		expect(error?.code).toBe('BLOCK_AS_IMPLICIT_KEY');
		expect(error?.linePos?.[0]?.line).toBe(2);
	});

	it('throws js-yaml’s error, with its line, for YAML only the build’s parser refuses', () => {
		// An unknown tag: the `yaml` package warns and reads on; Astro's build would stop.
		let error: { message: string; linePos?: { line: number }[] } | undefined;
		try {
			splitEntryFrontmatter(entry('id: KB-0001\ntitle: !foo x'));
		} catch (e) {
			error = e as typeof error;
		}
		expect(error?.message).toMatch(/unknown tag/);
		expect(error?.linePos?.[0]?.line).toBe(2);
	});
});
