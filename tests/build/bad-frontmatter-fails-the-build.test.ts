import { rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { BUILD_TIMEOUT, baseTree, build, type Tree } from './support/build.ts';

let tree: Tree | undefined;
afterEach(() => tree?.remove());

it(
	'bad frontmatter fails the build before any page is rendered, listing every file with its line, field and the allowed values',
	async () => {
		tree = baseTree();
		tree.edit('kb/cli/command-not-found.mdx', 'severity: high', 'severity: urgent');
		tree.edit('kb/cli/old-config-format.mdx', 'updated: 2026-01-05', 'updated: 5 January 2026');
		const result = await build(tree);
		console.info(`severity build: ${result.seconds} s`);
		expect(result.status, result.output).toBe(1);
		const c = tree.shown;
		expect(result.output).toContain(
			[
				'2 content problems:',
				`  ${c}/kb/cli/command-not-found.mdx:5: severity: severity must be one of: low, medium, high, critical`,
				`  ${c}/kb/cli/old-config-format.mdx:9: updated: must be a date written as YYYY-MM-DD, e.g. 2026-01-24`,
			].join('\n'),
		);
		expect(result.output).toContain('`npm run check:content` checks again');
		// The list is the whole message: no "unhandled error", no stack trace after it.
		expect(result.output).not.toMatch(/AstroUserError|unhandled error|\n\s+at /i);
		// Nothing was built: the check runs before Astro renders a page.
		expect(result.output).not.toMatch(/generating static routes|building client/i);
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
				'1 content problem:',
				`  ${tree.shown}/policy/priorities.yaml:2: levels: levels must define each of P0, P1, P2, P3 exactly once`,
			].join('\n'),
		);
	},
	BUILD_TIMEOUT,
);

it(
	'a content folder that does not exist fails the build instead of building an empty help center',
	async () => {
		tree = baseTree();
		rmSync(tree.content, { recursive: true });
		const result = await build(tree);
		expect(result.status, result.output).toBe(1);
		expect(result.output).toContain(`${tree.content}: no such content folder`);
		expect(result.output).toContain('Check TIERZERO_CONTENT_DIR');
	},
	BUILD_TIMEOUT,
);
