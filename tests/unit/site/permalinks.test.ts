import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ENTRY_ID_IN_TEXT,
	compareIds,
	formatId,
	idNumber,
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
		expect(['KB-0042', 'KB-042', 'KB-00420', 'kb-0042', 'KB-9999', 'KB-10000', 'KB-12345'].map((s) => KB_ID.test(s))).toEqual([true, false, false, false, true, true, true]);
		expect(['RB-001', 'RB-0001', 'RB-01'].map((s) => RUNBOOK_ID.test(s))).toEqual([true, false, false]);
		expect(['TPL-004', 'TPL-0004', 'TP-004'].map((s) => TEMPLATE_ID.test(s))).toEqual([true, false, false]);
	});

	it('find IDs in prose as whole words only', () => {
		const text = 'See KB-0042, RB-001, KB-12345 and TPL-004; not XKB-0042, KB-00421, KB-012345 or RB-0012.';
		expect([...text.matchAll(ENTRY_ID_IN_TEXT)].map((m) => m[1])).toEqual(['KB-0042', 'RB-001', 'KB-12345', 'TPL-004']);
	});

	it('take a KB number as four digits, or as more without a leading zero: one way to write each number', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[0-9]{1,9}$/), (digits) => {
				const expected = digits.length === 4 || (digits.length > 4 && digits[0] !== '0');
				expect(KB_ID.test(`KB-${digits}`)).toBe(expected);
				const inProse = [...`see KB-${digits}.`.matchAll(ENTRY_ID_IN_TEXT)].map((m) => m[1]);
				expect(inProse).toEqual(expected ? [`KB-${digits}`] : []);
			}),
		);
	});

	it('write every KB number as the one ID the pattern takes, and read it back', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
				const id = formatId('kb', n)!;
				expect(KB_ID.test(id)).toBe(true);
				expect(idNumber(id)).toBe(n);
				expect(canonicalPermalink(`/kb/${id.toLowerCase()}`)).toBe(`/kb/${id}/`);
			}),
		);
		expect([formatId('kb', 42), formatId('kb', 9999), formatId('kb', 10_000), formatId('runbook', 7), formatId('template', 999)]).toEqual([
			'KB-0042',
			'KB-9999',
			'KB-10000',
			'RB-007',
			'TPL-999',
		]);
		expect([formatId('runbook', 1000), formatId('kb', -1), formatId('kb', 1.5)]).toEqual([null, null, null]);
	});
});

describe('compareIds', () => {
	it('orders KB IDs by number, so KB-10000 follows KB-9999', () => {
		fc.assert(
			fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 30 }), (numbers) => {
				const ids = numbers.map((n) => formatId('kb', n)!);
				expect([...ids].sort(compareIds)).toEqual([...numbers].sort((a, b) => a - b).map((n) => formatId('kb', n)));
			}),
		);
		expect(['KB-10000', 'TPL-002', 'KB-9999', 'RB-010', 'faq/cli/why', 'KB-0042', 'RB-002'].sort(compareIds)).toEqual([
			'KB-0042',
			'KB-9999',
			'KB-10000',
			'RB-002',
			'RB-010',
			'TPL-002',
			'faq/cli/why',
		]);
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
