import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftFaq } from '../../src/lib/mine/draft.ts';
import { elementsOf } from '../unit/support/html.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, baseTree, build, type BuildResult, type Tree } from './support/build.ts';

let tree: Tree;
let result: BuildResult;
// Scoped-style attributes (data-astro-cid-…) come and go with the components' <style> blocks.
const page = (path: string) =>
	readFileSync(join(result.dist, path, 'index.html'), 'utf8').replace(
		/ data-astro-cid-[a-z0-9]+/g,
		'',
	);

/** Every file below dir, relative to it. */
function files(dir: string, prefix = ''): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? files(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
	);
}

describe('a valid content tree', () => {
	beforeAll(async () => {
		tree = baseTree();
		// A question a customer could have sent, published as mined: the text of a script tag.
		tree.write(
			'faq/cli/pasted-script-tag.mdx',
			[
				'---',
				'question: "Why does </script><script>alert(2)</script> show in my shell?"',
				'category: cli',
				'related: []',
				'order: 20',
				'---',
				'',
				'A web page you pasted printed `</script><script>alert(3)</script>`; run `reset`.',
				'',
			].join('\n'),
		);
		// A mined draft from a hostile ticket (plain Markdown, as the miner writes it), published as
		// is: its ID holds an import line that would stop the build if it ran as MDX, its text JSX
		// and an expression.
		const hostileId = '770\n\nimport "data:text/javascript,throw new Error(\'ran a ticket ID\')"';
		const mined = draftFaq({
			cluster: {
				id: 'G001',
				label: 'hostile',
				size: 3,
				share: 0.5,
				searches: 0,
				ticketIds: [hostileId],
				queries: [],
				representative: { id: hostileId, text: 'Why does <Evil /> {process.exit(3)} print?' },
				terms: ['evil'],
				firstSeen: null,
				lastSeen: null,
				channels: {},
				coveredBy: null,
				draft: null,
			},
			wordings: [{ id: `${hostileId}\nexport const x = 1`, text: '<script>alert(4)</script> `{x}`' }],
			category: 'cli',
			totalTickets: 6,
			generatedAt: new Date('2026-11-23T00:00:00Z'),
		});
		tree.write('faq/cli/mined-from-a-hostile-ticket.md', mined.replace('status: draft', 'status: published'));
		result = await build(tree);
		console.info(`base build: ${result.seconds} s`);
	}, BUILD_TIMEOUT);
	afterAll(() => tree?.remove());

	it('builds, also with an invalid file in a _-prefixed folder', () => {
		expect(tree.read('kb/_drafts/unfinished.mdx')).toContain('severity: urgent');
		expect(result.status, result.output).toBe(0);
		expect(result.output).not.toMatch(/content problem|does not match collection schema/);
	});

	it('warns that the public URL is unset and says where to set it, and still builds', () => {
		expect(result.status, result.output).toBe(0);
		expect(result.output).toMatch(
			/WARN.*The public URL is not set, so canonical URLs, the sitemap and copied links point to http:\/\/localhost:4321\. Set `url` in site\.config\.ts .* or the TIERZERO_SITE environment variable\./,
		);
	});

	it('gives a published KB article its permalink page, indexed for search', () => {
		const html = page('kb/KB-0001');
		expect(html).toMatch(
			/<h1[^>]*>caro prints &quot;command not found&quot; after installation<\/h1>/,
		);
		expect(html).toContain('data-pagefind-body');
		expect(html).not.toContain('<meta name="robots" content="noindex">');
	});

	it('publishes no trace of a draft article', () => {
		expect(existsSync(join(result.dist, 'kb/KB-0004'))).toBe(false);
		const mentions = files(result.dist).filter((f) => {
			const text = readFileSync(join(result.dist, f), 'latin1');
			return text.includes('KB-0004') || text.includes('Shell completion does not load in fish');
		});
		expect(mentions).toEqual([]);
	});

	it('keeps an archived article at its permalink with the archived banner, out of the search index', () => {
		const html = page('kb/KB-0003');
		expect(html).toContain('<strong>Archived article.</strong>');
		expect(html).toMatch(
			/See <a href="\/kb\/KB-0001\/">caro prints &quot;command not found&quot; after installation<\/a> instead/,
		);
		expect(html).not.toContain('data-pagefind-body');
		expect(html).toContain('<meta name="robots" content="noindex">');
	});

	it('builds the FAQ, and leaves runbooks and reply templates to the internal edition', () => {
		expect(page('faq/cli/how-do-i-install')).toContain('How do I install the caro CLI?');
		const internal = files(result.dist).filter((f) => /runbooks|templates|RB-001|TPL-001/.test(f));
		expect(internal).toEqual([]);
		expect(page('')).not.toMatch(/Runbooks|Reply templates/);
	});

	it('writes an FAQ question and answer quoting a script tag into JSON-LD as data, not as a script', () => {
		for (const path of ['faq/cli/pasted-script-tag', 'faq/cli']) {
			const scripts = elementsOf(page(path)).filter((e) => e.tag === 'script');
			expect(scripts.filter((s) => s.text.includes('alert('))).toEqual(
				scripts.filter((s) => s.attributes.type === 'application/ld+json'),
			);
			const ld = scripts.filter((s) => s.attributes.type === 'application/ld+json');
			expect(ld).toHaveLength(1);
			const questions = JSON.parse(ld[0]!.text).mainEntity as { name: string; acceptedAnswer: { text: string } }[];
			expect(questions).toContainEqual(
				expect.objectContaining({
					name: 'Why does </script><script>alert(2)</script> show in my shell?',
					acceptedAnswer: expect.objectContaining({
						text: 'A web page you pasted printed </script><script>alert(3)</script>; run reset.',
					}),
				}),
			);
		}
	});

	it('publishes a draft mined from a hostile ticket as text: the build ran none of it', () => {
		const html = page('faq/cli/mined-from-a-hostile-ticket');
		expect(html).toMatch(/<h1[^>]*>Why does &lt;Evil \/&gt; \{process\.exit\(3\)\} print\?<\/h1>/);
		expect(html).toContain('&lt;script&gt;alert(4)&lt;/script&gt; `{x}`');
		// Smart quotes may replace the straight ones; the words are there as text.
		expect(html).toMatch(/770 +import .{1,8}data:text\/javascript/);
		const elements = elementsOf(html);
		const scripts = elements.filter((e) => e.tag === 'script');
		expect(elements.map((e) => e.tag)).not.toContain('evil');
		expect(scripts.filter((s) => s.text.includes('alert('))).toEqual(
			scripts.filter((s) => s.attributes.type === 'application/ld+json'),
		);
	});
});
