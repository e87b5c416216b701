import { describe, expect, it } from 'vitest';
import { overlayError } from '../../../src/lib/content-overlay.ts';

describe('overlayError', () => {
	it('lists every problem on its own line in the dev overlay, with writers\' text escaped', () => {
		const payload = overlayError(
			[
				{ file: 'content/kb/a.mdx', line: 5, field: 'severity', message: 'severity must be one of: low, medium' },
				{ file: 'content/kb/b.mdx', line: 12, field: 'body', message: 'links to /kb/<script>/, which is not a page' },
			],
			'Fix each file at the line shown.',
		);
		expect(payload.type).toBe('error');
		expect(payload.err.title).toBe('2 content problems');
		expect(payload.err.message).toBe(
			'content/kb/a.mdx:5: severity: severity must be one of: low, medium<br>content/kb/b.mdx:12: body: links to /kb/&lt;script&gt;/, which is not a page',
		);
		expect(payload.err.hint).toBe('Fix each file at the line shown.');
		expect(payload.err.stack).toBe('');
	});
});
