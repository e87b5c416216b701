import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../../src/lib/plain-text.ts';

describe('markdownToText', () => {
	it('keeps link and image text and drops their targets', () => {
		expect(markdownToText('See [webhook retries](/kb/KB-0031/) and ![the diagram](/d.png).')).toBe(
			'See webhook retries and the diagram.',
		);
	});

	it('drops imports, exports, JSX comments and tags but keeps the text inside components', () => {
		const md = [
			"import Callout from '../../src/components/mdx/Callout.astro';",
			'export const tags = [];',
			'{/* note for writers */}',
			'<Callout type="warning">Rotate the signing secret first.</Callout>',
		].join('\n');
		expect(markdownToText(md)).toBe('Rotate the signing secret first.');
	});

	it('drops heading marks, quote marks and emphasis', () => {
		expect(
			markdownToText('## Solution\n> Use **bold**, __strong__, *stars* and _underscores_.'),
		).toBe('Solution\nUse bold, strong, stars and underscores.');
	});

	it('keeps inline code text, and underscores inside words', () => {
		expect(markdownToText('Set `CARO_API_KEY` in snake_case_files.')).toBe(
			'Set CARO_API_KEY in snake_case_files.',
		);
	});

	it('removes fence lines but keeps the code', () => {
		expect(markdownToText('Run:\n\n```bash\ncaro --version\n```')).toBe('Run:\n\ncaro --version');
	});

	it('writes every bullet as "- " and collapses runs of blank lines', () => {
		expect(markdownToText('* one\n+ two\n\n\n\n\nEnd')).toBe('- one\n- two\n\nEnd');
	});
});

describe('markdownToText keeps code as written', () => {
	it('leaves fenced and inline code untouched and keeps blank lines before quotes and lists', () => {
		const md = 'Intro **bold**.\n\n> quote\n\n- item\n\n```bash\n# install\nnpm i **x**\n```\n\nUse `a*b*c`.';
		expect(markdownToText(md)).toBe('Intro bold.\n\nquote\n\n- item\n\n# install\nnpm i **x**\n\nUse a*b*c.');
	});
});
