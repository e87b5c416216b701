import { describe, expect, it } from 'vitest';
import { normalizeFence, splitFences, stripDocfx } from '../../../../scripts/lib/bench/docfx.ts';
import { h2Headings } from '../../../../src/lib/content-rules.ts';
import { mdxError } from './mdx.ts';

const SAMPLE = [
	'Intro with {braces} and a <placeholder> and `code <kept> {x}`.',
	'',
	':::image type="content" source="media/a.png" alt-text="Screenshot of the dialog.":::',
	'',
	'[!INCLUDE [Disclaimer](../../includes/third-party.md)]',
	'',
	'> [!NOTE]',
	'> Restart Outlook after the change.',
	'',
	'<!-- internal comment -->',
	'See [the other article](../other/article.md), [Learn](/exchange/x) and [Docs](https://learn.microsoft.com/a).',
	'',
	'<details><summary><b>Step one</b></summary>',
	'',
	'Do <b>this</b>.<br/>Then that&nbsp;now.',
	'</details>',
	'',
	'```powershell',
	'Get-Mailbox -Identity <user> | Select {$_.Name}',
	'```',
	'',
	'Call https://mail.\\<DomainName>.com/EWS and <https://aka.ms/x>.',
].join('\n');

describe('stripDocfx', () => {
	it('removes DocFX extensions, comments and raw HTML, and escapes what MDX would parse', () => {
		expect(stripDocfx(SAMPLE)).toBe(
			[
				'Intro with \\{braces\\} and a \\<placeholder> and `code <kept> {x}`.',
				'',
				'> Restart Outlook after the change.',
				'',
				'See the other article, Learn and [Docs](https://learn.microsoft.com/a).',
				'',
				'**Step one**',
				'',
				'Do **this**. Then that now.',
				'',
				'```powershell',
				'Get-Mailbox -Identity <user> | Select {$_.Name}',
				'```',
				'',
				'Call `https://mail.<DomainName>.com/EWS` and https://aka.ms/x.',
			].join('\n'),
		);
	});

	it('produces Markdown that MDX compiles, where the source does not', async () => {
		expect(await mdxError(SAMPLE)).not.toBeNull();
		expect(await mdxError(stripDocfx(SAMPLE))).toBeNull();
	});

	it('turns a relative link into its text also with brackets in the label or parentheses in the URL', () => {
		expect(
			stripDocfx(
				'See [vCard [MS-OXVCARD]](/openspecs/ms-oxvcard/bf4e) and ' +
					'[Names [C++]](/previous-versions/ee797784(v=cs.20)) and [Docs (new)](https://learn.microsoft.com/a(b)).',
			),
		).toBe('See vCard [MS-OXVCARD] and Names [C++] and [Docs (new)](https://learn.microsoft.com/a(b)).');
	});

	it('keeps alert text that sits on the marker line, in the blockquote', () => {
		expect(stripDocfx('> [!IMPORTANT] Back up the mailbox first.')).toBe(
			'> Back up the mailbox first.',
		);
		expect(stripDocfx('> [!div class="nextstepaction"]\n> [Next](https://example.com/next)')).toBe(
			'> [Next](https://example.com/next)',
		);
	});

	it('escapes a backtick without a partner on its line instead of guessing a multi-line span', () => {
		expect(stripDocfx('a lone ` backtick {x}')).toBe('a lone \\` backtick \\{x\\}');
	});

	it('keeps existing escapes and does not double them', () => {
		expect(stripDocfx('mail.\\<DomainName>.com and \\{id\\}')).toBe(
			'mail.\\<DomainName>.com and \\{id\\}',
		);
	});

	it('rewrites a line starting with import/export, which MDX would run as JavaScript', () => {
		expect(stripDocfx('export the mailbox to PST')).toBe('Export the mailbox to PST');
	});
});

describe('code fences', () => {
	it('splits prose from fenced code, fences inside lists and blockquotes included', () => {
		const blocks = splitFences('text\n  ```bash\n  ls\n  ```\n> ~~~\n> x\n> ~~~\nmore');
		expect(blocks.map((b) => b.code)).toEqual([false, true, true, false]);
	});

	it('closes an unclosed fence so the sections after it are not swallowed', () => {
		expect(normalizeFence('   ```\n   code\n')).toBe('   ```\n   code\n   ```');
	});

	it('lengthens a fence that holds fence-like lines, so line-based checks agree with MDX', () => {
		const body = stripDocfx('```bash\necho 1\n```powershell\nx\n```\n\n## Next');
		expect(body).toBe('````bash\necho 1\n```powershell\nx\n````\n\n## Next');
		expect(h2Headings(body)).toEqual(['Next']);
	});

	it('turns a triple-backtick inline span at the start of a line into a single-backtick one', () => {
		expect(stripDocfx('```text``` and more')).toBe('`text` and more');
	});
});
