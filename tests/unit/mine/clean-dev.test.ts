import { describe, expect, it } from 'vitest';
import { markdownToText } from '../../../src/lib/mine/adapters/github.ts';
import { cleanMessage } from '../../../src/lib/mine/clean.ts';
import { cutDeveloperNoise, isErrorMessage } from '../../../src/lib/mine/clean-dev.ts';
import { tokenize, words } from '../../../src/lib/mine/text.ts';

/** A GitHub issue as an issue template makes people write it. */
const ISSUE = `<!-- Please fill in the template below.
Thanks for contributing! -->
**Describe the bug**
Calling \`load_dataset\` with **num_proc** > 1 hangs.

**To Reproduce**
Steps to reproduce the behavior:
\`\`\`python
from datasets import load_dataset
ds = load_dataset("squad", num_proc=4)
Traceback (most recent call last):
  File "x.py", line 2, in <module>
    ds = load_dataset("squad", num_proc=4)
ValueError: num_proc must be <= 2
\`\`\`

**Expected behavior**
A clear and concise description of what you expected to happen.

## Environment info
- \`datasets\` version: 2.1.0
- Platform: Linux-5.15.0-1019-aws-x86_64-with-glibc2.31
- Python version: 3.8.10

- [x] I have searched existing issues
`;

const clean = (text: string): string => cleanMessage(markdownToText(text)).text;

describe('cleaning developer tickets', () => {
	it('keeps the question and the error line of a trace, and nothing the template wrote', () => {
		expect(clean(ISSUE)).toBe(
			'Calling load_dataset with num_proc > 1 hangs. ValueError: num_proc must be <= 2',
		);
	});

	it('cuts Node, Java, Go and .NET traces, log lines and version dumps, keeping the error', () => {
		const lines = [
			'The worker dies on start.',
			'2024-01-02 10:00:01 INFO starting worker',
			'2024-01-02 10:00:02 ERROR ConnectionError: timed out',
			'TypeError: Cannot read properties of undefined (reading "map")',
			'    at Object.<anonymous> (/app/index.js:10:5)',
			'    at Module._compile (node:internal/modules/cjs/loader:1256:14)',
			'Exception in thread "main" java.lang.NullPointerException: boom',
			'\tat com.example.App.main(App.java:5)',
			'\t... 3 more',
			'panic: runtime error: index out of range [3] with length 3',
			'goroutine 1 [running]:',
			'main.main()',
			'\t/tmp/x.go:12 +0x1d',
			'exit status 2',
			'System.InvalidOperationException: Sequence contains no elements',
			'   at System.Linq.Enumerable.First[TSource](IEnumerable`1 source)',
			'--- End of stack trace from previous location ---',
			'numpy==1.24.2',
			'react: ^18.2.0',
		];
		expect(cutDeveloperNoise(lines)).toEqual([
			'The worker dies on start.',
			'ConnectionError: timed out',
			'TypeError: Cannot read properties of undefined (reading "map")',
			'Exception in thread "main" java.lang.NullPointerException: boom',
			'panic: runtime error: index out of range [3] with length 3',
			'System.InvalidOperationException: Sequence contains no elements',
		]);
	});

	it('leaves ordinary support text alone', () => {
		const text =
			'Hi, my invoice shows the wrong VAT number.\nDescription of the problem: it says DE123.\nThanks';
		expect(cleanMessage(text).text).toBe(
			'my invoice shows the wrong VAT number. Description of the problem: it says DE123.',
		);
	});

	it('tells an error message from a frame', () => {
		expect(isErrorMessage('KeyError: "train"')).toBe(true);
		expect(isErrorMessage('error[E0382]: borrow of moved value')).toBe(true);
		expect(isErrorMessage('  at Object.<anonymous> (/app/index.js:10:5)')).toBe(false);
		expect(isErrorMessage('The error is that it hangs')).toBe(false);
	});
});

describe('identifiers stay whole', () => {
	it('keeps snake_case names and ids as one word, and emphasis never joins words', () => {
		expect(words('load_dataset num_proc KB-0042 ERR_SSL_PROTOCOL')).toEqual([
			'load_dataset',
			'num_proc',
			'kb-0042',
			'err_ssl_protocol',
		]);
		expect(tokenize('load_datasets')).toEqual(['load_datasets']);
		expect(markdownToText('Use `load_dataset(num_proc=2)` and **bold** or _this_ here')).toBe(
			'Use load_dataset(num_proc=2) and bold or this here',
		);
	});
});
