import { afterAll, expect, it } from 'vitest';
import { BUILD_TIMEOUT, baseTree, build, type Tree } from './support/build.ts';

let tree: Tree | undefined;
afterAll(() => tree?.remove());

it(
	'cross-entry problems and broken links fail the build, all listed together by file and line, with no stack trace after them',
	async () => {
		tree = baseTree();
		// A second file with KB-0002's ID.
		tree.write(
			'kb/webhooks/webhook-retries-again.mdx',
			tree.read('kb/webhooks/webhook-retries.mdx'),
		);
		// A published article pointing to the draft KB-0004, an FAQ pointing to a KB ID that does not exist.
		tree.edit('kb/cli/command-not-found.mdx', 'related: [KB-0002]', 'related: [KB-0002, KB-0004]');
		tree.edit('faq/cli/how-do-i-install.mdx', 'related: [KB-0001]', 'related: [KB-0001, KB-0099]');
		// A link without the trailing slash every URL of the site has, and a public FAQ naming an
		// internal runbook (customers could not open it).
		tree.edit(
			'faq/cli/how-do-i-install.mdx',
			'check with `caro --version`.',
			'check with `caro --version`.\n\nStuck? See [command not found](/kb/KB-0001) or RB-001.',
		);
		tree.edit('kb/cli/old-config-format.mdx', /## Prevention[\s\S]*$/, '');
		tree.edit(
			'templates/initial-acknowledgement.mdx',
			'We are looking into it',
			'Follow it at [Ticket Link]. We are looking into it',
		);
		tree.edit(
			'runbooks/outage-response.mdx',
			'3. **Fix or roll back** (1 h)',
			'3. **Fix or roll back**',
		);

		const result = await build(tree);
		console.info(`cross-entry build: ${result.seconds} s`);
		expect(result.status, result.output).toBe(1);
		const c = tree.shown;
		expect(result.output).toContain(
			[
				'9 content problems:',
				`  ${c}/faq/cli/how-do-i-install.mdx:4: related[1]: KB-0099 does not exist; use the ID of an existing KB article`,
				`  ${c}/faq/cli/how-do-i-install.mdx:10: body: links to /kb/KB-0001, which needs its trailing slash: /kb/KB-0001/`,
				`  ${c}/faq/cli/how-do-i-install.mdx:10: body: is public but mentions RB-001 (${c}/runbooks/outage-response.mdx), which is internal; make both public, make this entry internal, or remove the link`,
				`  ${c}/kb/cli/command-not-found.mdx:10: related[1]: KB-0004 (${c}/kb/cli/draft-shell-completion.mdx) is a draft, and a published entry cannot point to a draft; publish it or remove the link`,
				`  ${c}/kb/cli/old-config-format.mdx:12: body: missing section "## Prevention"; every KB article has ## Symptoms, ## Root cause, ## Solution, ## Prevention`,
				`  ${c}/kb/webhooks/webhook-retries-again.mdx:2: id: duplicate KB ID KB-0002, also used by ${c}/kb/webhooks/webhook-retries.mdx; give each entry its own ID`,
				`  ${c}/kb/webhooks/webhook-retries.mdx:2: id: duplicate KB ID KB-0002, also used by ${c}/kb/webhooks/webhook-retries-again.mdx; give each entry its own ID`,
				`  ${c}/runbooks/outage-response.mdx:9: body: each numbered step needs a time estimate such as "(5 min)" or "(1 h)"; missing on: "3. **Fix or roll back**"`,
				`  ${c}/templates/initial-acknowledgement.mdx:6: placeholders: "[Ticket Link]" is used but not declared; add "Ticket Link" to placeholders`,
			].join('\n'),
		);
		expect(result.output).not.toMatch(/AstroUserError|unhandled error|\n\s+at /i);
	},
	BUILD_TIMEOUT,
);
