import { describe, expect, it } from 'vitest';
import {
	ENTRY_ID_IN_TEXT,
	KB_ID,
	RUNBOOK_ID,
	TEMPLATE_ID,
	canonicalPermalink,
	categoryPath,
	faqCategoryPath,
	faqEventId,
	faqFilePath,
	faqPath,
	idPath,
	kbPath,
	runbookPath,
	tagPath,
	templatePath,
} from '../../../src/lib/permalinks.ts';

describe('ID patterns', () => {
	it('accept exactly the documented digit counts', () => {
		expect(['KB-0042', 'KB-042', 'KB-00420', 'kb-0042'].map((s) => KB_ID.test(s))).toEqual([true, false, false, false]);
		expect(['RB-001', 'RB-0001', 'RB-01'].map((s) => RUNBOOK_ID.test(s))).toEqual([true, false, false]);
		expect(['TPL-004', 'TPL-0004', 'TP-004'].map((s) => TEMPLATE_ID.test(s))).toEqual([true, false, false]);
	});

	it('find IDs in prose as whole words only', () => {
		const text = 'See KB-0042, RB-001 and TPL-004; not XKB-0042 or KB-00421.';
		expect([...text.matchAll(ENTRY_ID_IN_TEXT)].map((m) => m[1])).toEqual(['KB-0042', 'RB-001', 'TPL-004']);
	});
});

describe('path builders', () => {
	it('give every page its one path, with the trailing slash', () => {
		expect([
			kbPath('KB-0042'),
			runbookPath('RB-001'),
			templatePath('TPL-004'),
			faqCategoryPath('billing'),
			faqPath('billing', 'why-charged'),
			faqFilePath('billing', 'content/faq/billing/Why-Charged.mdx'),
			categoryPath('billing'),
			tagPath('retries'),
			faqEventId('billing', 'why-charged'),
		]).toEqual([
			'/kb/KB-0042/',
			'/runbooks/RB-001/',
			'/templates/TPL-004/',
			'/faq/billing/',
			'/faq/billing/why-charged/',
			'/faq/billing/why-charged/',
			'/categories/billing/',
			'/tags/retries/',
			'faq/billing/why-charged',
		]);
	});

	it('point each kind of ID at its permalink', () => {
		expect([idPath('KB-0042'), idPath('RB-001'), idPath('TPL-004')]).toEqual([
			'/kb/KB-0042/',
			'/runbooks/RB-001/',
			'/templates/TPL-004/',
		]);
	});
});

describe('canonicalPermalink', () => {
	it('sends IDs typed in lower case or without the trailing slash to their permalink', () => {
		expect(canonicalPermalink('/kb/kb-0042')).toBe('/kb/KB-0042/');
		expect(canonicalPermalink('/KB/kb-0042/')).toBe('/kb/KB-0042/');
		expect(canonicalPermalink('/runbooks/rb-001')).toBe('/runbooks/RB-001/');
		expect(canonicalPermalink('/templates/TPL-004')).toBe('/templates/TPL-004/');
	});

	it('leaves canonical paths, other pages and IDs in the wrong section alone', () => {
		expect(canonicalPermalink('/kb/KB-0042/')).toBeNull();
		expect(canonicalPermalink('/faq/billing/')).toBeNull();
		expect(canonicalPermalink('/kb/rb-001/')).toBeNull();
		expect(canonicalPermalink('/kb/kb-42/')).toBeNull();
	});
});
