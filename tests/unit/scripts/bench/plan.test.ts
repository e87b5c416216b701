import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kbId, planKb, renderCategoriesYaml, renderKbEntry } from '../../../../scripts/lib/bench/plan.ts';
import { CategoriesSchema } from '../../../../src/schemas/category.ts';
import { syntheticDraft } from '../../../../scripts/lib/bench/synthetic.ts';
import { checkContent, checkKbSections } from '../../../../src/lib/content-rules.ts';
import { splitFrontmatter } from '../../../../src/lib/frontmatter.ts';
import { KbSchema } from '../../../../src/schemas/kb.ts';
import { mdxError } from './mdx.ts';

const render = (count: number, drafts: number, seed: number) =>
	planKb(
		Array.from({ length: drafts }, (_, i) => syntheticDraft(i, seed)),
		count,
		seed,
	).map((kb) => ({ file: kb.file, text: renderKbEntry(kb) }));

describe('planKb', () => {
	it('numbers articles KB-0001… and reuses drafts as variants with distinct titles', () => {
		const planned = planKb(
			Array.from({ length: 3 }, (_, i) => syntheticDraft(i, 7)),
			7,
			7,
		);
		expect(planned.map((p) => p.data.id)).toEqual([
			'KB-0001',
			'KB-0002',
			'KB-0003',
			'KB-0004',
			'KB-0005',
			'KB-0006',
			'KB-0007',
		]);
		expect(planned.map((p) => p.variant)).toEqual([0, 0, 0, 1, 1, 1, 2]);
		expect(planned[3]!.data.title).toBe(`${planned[0]!.data.title} (variant 2)`);
		expect(new Set(planned.map((p) => p.data.title)).size).toBe(7);
		expect(new Set(planned.map((p) => p.file)).size).toBe(7);
	});

	it('writes every article as plain Markdown, since none uses a component', () => {
		const planned = planKb([syntheticDraft(0, 3)], 2, 3);
		expect(planned.map((p) => p.file.replace(/^.*\./, '.'))).toEqual(['.md', '.md']);
	});

	it('links only to other existing articles, so the cross-entry rules pass', () => {
		const planned = planKb(
			Array.from({ length: 40 }, (_, i) => syntheticDraft(i, 1)),
			60,
			1,
		);
		const entries = planned.map((kb) => {
			const { data, body } = splitFrontmatter(renderKbEntry(kb));
			return { filePath: kb.file, data: KbSchema.parse(data), body };
		});
		expect(checkContent({ kb: entries, faq: [], runbooks: [], templates: [], policy: [] })).toEqual([]);
		expect(entries.every((e) => e.data.related.length > 0)).toBe(true);
	});

	it('lists every category the articles use in categories.yaml, after the starter ones', () => {
		const planned = planKb(
			Array.from({ length: 20 }, (_, i) => syntheticDraft(i, 1)),
			20,
			1,
		);
		const starter = [{ slug: 'cli', name: 'CLI', description: 'The CLI.', order: 5 }];
		const categories = CategoriesSchema.parse(parse(renderCategoriesYaml(planned, starter)));
		expect(categories[0]).toEqual(starter[0]);
		const slugs = categories.map((c) => c.slug);
		for (const p of planned) expect(slugs).toContain(p.data.category);
		expect(new Set(slugs).size).toBe(slugs.length);
		expect(categories.slice(1).map((c) => c.order)).toEqual(categories.slice(1).map((_, i) => 15 + 10 * i));
	});

	it('numbers past KB-9999 as KB-10000, and rejects counts past its guard', () => {
		const planned = planKb(Array.from({ length: 3 }, (_, i) => syntheticDraft(i, 1)), 10_001, 1);
		expect(planned.slice(-3).map((p) => p.data.id)).toEqual(['KB-9999', 'KB-10000', 'KB-10001']);
		expect(planned.slice(-2).map((p) => KbSchema.parse(splitFrontmatter(renderKbEntry(p)).data).id)).toEqual(['KB-10000', 'KB-10001']);
		expect(() => planKb([syntheticDraft(0, 1)], 100_001, 1)).toThrow(
			'count must be a whole number from 1 to 100000, got 100001',
		);
		expect([kbId(42), kbId(12_345)]).toEqual(['KB-0042', 'KB-12345']);
	});
});

describe('synthetic articles', () => {
	it('are valid KB articles whose bodies MDX compiles', async () => {
		for (const { text } of render(22, 22, 3)) {
			const { data, body } = splitFrontmatter(text);
			const parsed = KbSchema.safeParse(data);
			expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
			expect(checkKbSections(body)).toBeNull();
			expect(await mdxError(body)).toBeNull();
		}
	});

	it('come out byte-identical for the same seed and differ for another', () => {
		expect(render(30, 12, 5)).toEqual(render(30, 12, 5));
		expect(render(30, 12, 6)).not.toEqual(render(30, 12, 5));
	});
});
