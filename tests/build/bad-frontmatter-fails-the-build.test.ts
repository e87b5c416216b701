import { afterEach, expect, it } from 'vitest';
import { BUILD_TIMEOUT, baseTree, build, type Tree } from './support/build.ts';

let tree: Tree | undefined;
afterEach(() => tree?.remove());

it(
	'a KB article with an unknown severity fails the build, naming the file, the field and the allowed values',
	async () => {
		tree = baseTree();
		tree.edit('kb/cli/command-not-found.mdx', 'severity: high', 'severity: urgent');
		const result = await build(tree);
		console.info(`severity build: ${result.seconds} s`);
		expect(result.status, result.output).toBe(1);
		expect(result.output).toContain(
			[
				'[InvalidContentEntryDataError] kb → cli/command-not-found data does not match collection schema.',
				'',
				'  severity: severity must be one of: low, medium, high, critical',
			].join('\n'),
		);
		expect(result.output).toContain(
			`  Location:\n    ${tree.content}/kb/cli/command-not-found.mdx`,
		);
	},
	BUILD_TIMEOUT,
);

it(
	'a priorities policy without P2 fails the build, naming the file and what is missing',
	async () => {
		tree = baseTree();
		tree.edit('policy/priorities.yaml', /  - id: P2\n(    .*\n)+/, '');
		expect(tree.read('policy/priorities.yaml')).not.toContain('P2');
		const result = await build(tree);
		console.info(`policy build: ${result.seconds} s`);
		expect(result.status, result.output).toBe(1);
		expect(result.output).toContain(
			[
				'[InvalidContentEntryDataError] policy → priorities data does not match collection schema.',
				'',
				'  levels: levels must define each of P0, P1, P2, P3 exactly once',
			].join('\n'),
		);
		expect(result.output).toContain(`  Location:\n    ${tree.content}/policy/priorities.yaml`);
	},
	BUILD_TIMEOUT,
);
