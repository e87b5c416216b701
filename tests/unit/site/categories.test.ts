import { describe, expect, it } from 'vitest';
import { nearestSlug, sortCategories, unknownCategory } from '../../../src/lib/categories.ts';
import { CategoriesSchema } from '../../../src/schemas/category.ts';

const SLUGS = ['installation', 'cli', 'agents', 'git-sync', 'billing', 'webhooks', 'account-access', 'telemetry-privacy'];

describe('unknownCategory', () => {
	it('accepts a listed slug', () => {
		expect(unknownCategory('webhooks', SLUGS)).toBeNull();
	});

	it('names the nearest slug for a typo', () => {
		expect(unknownCategory('account-acess', SLUGS)).toBe('unknown category "account-acess"; did you mean account-access?');
		expect(unknownCategory('webhook', SLUGS)).toBe('unknown category "webhook"; did you mean webhooks?');
		expect(unknownCategory('gitsync', SLUGS)).toBe('unknown category "gitsync"; did you mean git-sync?');
	});

	it('lists the slugs and the file when nothing is near', () => {
		expect(unknownCategory('payments', SLUGS, 'content/categories.yaml')).toBe(
			`unknown category "payments"; use one of ${SLUGS.join(', ')}, or add it to content/categories.yaml`,
		);
	});
});

describe('nearestSlug', () => {
	it('does not stretch a short slug to a far one', () => {
		expect(nearestSlug('ui', SLUGS)).toBeNull();
		expect(nearestSlug('clu', SLUGS)).toBe('cli');
	});
});

describe('sortCategories and CategoriesSchema', () => {
	it('orders by order, then name', () => {
		const list = [
			{ slug: 'b', name: 'B', description: 'b', order: 20 },
			{ slug: 'c', name: 'C', description: 'c', order: 10 },
			{ slug: 'a', name: 'A', description: 'a', order: 20 },
		];
		expect(sortCategories(list).map((c) => c.slug)).toEqual(['c', 'a', 'b']);
	});

	it('rejects a slug listed twice', () => {
		const r = CategoriesSchema.safeParse([
			{ slug: 'cli', name: 'CLI', description: 'x', order: 1 },
			{ slug: 'cli', name: 'Again', description: 'z', order: 3 },
		]);
		expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
			'1.slug: slug cli is listed twice; keep one',
		]);
	});

	it('rejects a category without a name', () => {
		const r = CategoriesSchema.safeParse([
			{ slug: 'cli', name: 'CLI', description: 'x', order: 1 },
			{ slug: 'cli', description: 'y', order: 2 },
			{ slug: 'cli', name: 'Again', description: 'z', order: 3 },
		]);
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
			'1.name: name is required and must be text',
		]);
	});
});
