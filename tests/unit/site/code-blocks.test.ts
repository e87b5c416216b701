import { describe, expect, it } from 'vitest';
import { hasCodeBlock } from '../../../src/lib/code-blocks.ts';

describe('hasCodeBlock', () => {
	it('finds backtick and tilde fences, also indented up to three spaces', () => {
		expect(hasCodeBlock('Run:\n\n```sh\ncaro --version\n```\n')).toBe(true);
		expect(hasCodeBlock('1. Step\n   ~~~\n   x\n   ~~~')).toBe(true);
	});

	it('ignores inline code and a missing body', () => {
		expect(hasCodeBlock('Use `caro --version` or ``a`b``.')).toBe(false);
		expect(hasCodeBlock('    ```indented four: a code line, not a fence')).toBe(false);
		expect(hasCodeBlock(undefined)).toBe(false);
	});
});
