import { describe, expect, it } from 'vitest';
import { lineOfField, splitFrontmatter } from '../../../src/lib/frontmatter.ts';

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
