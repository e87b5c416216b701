import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runCheckContent } from '../../src/lib/check-content-fs.ts';
import { BUILD_TIMEOUT, baseTree, build, type Tree } from './support/build.ts';

let tree: Tree | undefined;
afterAll(() => tree?.remove());

it(
	'a renamed FAQ keeps its old URL: the check asks for the redirect line, and the build makes a redirect page and _redirects',
	async () => {
		tree = baseTree();
		const out: string[] = [];
		const check = (updateUrls = false) =>
			runCheckContent({ root: tree!.content, updateUrls, out: (l) => out.push(l), err: (l) => out.push(l) });
		expect(check(true)).toBe(0);
		renameSync(join(tree.content, 'faq/cli/how-do-i-install.mdx'), join(tree.content, 'faq/cli/installing-caro.mdx'));
		out.length = 0;
		expect(check()).toBe(1);
		const line = '- { from: /faq/cli/how-do-i-install/, to: /faq/cli/installing-caro/ }';
		expect(out.join('\n')).toContain(`add this line to ${tree.shown}/redirects.yaml: ${line}`);
		tree.write('redirects.yaml', `${line}\n`);
		expect(check(true)).toBe(0);

		const result = await build(tree);
		console.info(`redirect build: ${result.seconds} s`);
		expect(result.status, result.output).toBe(0);
		const old = readFileSync(join(result.dist, 'faq/cli/how-do-i-install/index.html'), 'utf8');
		expect(old).toContain('<meta http-equiv="refresh" content="0;url=/faq/cli/installing-caro/">');
		expect(old).toContain('<meta name="robots" content="noindex">');
		expect(old).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/faq\/cli\/installing-caro\/">/);
		expect(readFileSync(join(result.dist, '_redirects'), 'utf8')).toContain('/faq/cli/how-do-i-install/ /faq/cli/installing-caro/ 301\n');
		expect(readFileSync(join(result.dist, 'faq/cli/installing-caro/index.html'), 'utf8')).toContain('How do I install');
	},
	BUILD_TIMEOUT,
);
