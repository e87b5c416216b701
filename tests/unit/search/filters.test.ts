import { describe, expect, it } from 'vitest';
import {
	filterValueLabel,
	hasFilters,
	knownSelection,
	pagefindFilters,
	selectionFromParams,
	sortFilterValues,
	toggleFilter,
	writeSelection,
} from '../../../src/lib/search/filters.ts';

describe('sortFilterValues', () => {
	it('orders types as the help center does and severities most severe first', () => {
		expect(sortFilterValues('type', ['Runbook', 'FAQ', 'Support policy', 'KB article'])).toEqual([
			'KB article',
			'FAQ',
			'Runbook',
			'Support policy',
		]);
		expect(sortFilterValues('severity', ['low', 'critical', 'medium', 'high'])).toEqual([
			'critical',
			'high',
			'medium',
			'low',
		]);
	});

	it('orders versions newest first, a pre-release just below its release', () => {
		expect(
			sortFilterValues('version', ['1.0.2', '1.1.0-beta', '1.0.10', '1.1.0', '1.0.0']),
		).toEqual(['1.1.0', '1.1.0-beta', '1.0.10', '1.0.2', '1.0.0']);
	});

	it('orders categories by their name', () => {
		const names = { webhooks: 'Webhooks', 'telemetry-privacy': 'Privacy', cli: 'CLI', agents: 'Agents' };
		expect(
			sortFilterValues('category', ['webhooks', 'telemetry-privacy', 'cli', 'agents'], names),
		).toEqual(['agents', 'cli', 'telemetry-privacy', 'webhooks']);
	});
});

describe('filterValueLabel', () => {
	it('names category slugs from the categories file and capitalises severities', () => {
		const names = { 'git-sync': 'Git sync', cli: 'CLI' };
		expect(filterValueLabel('category', 'git-sync', names)).toBe('Git sync');
		expect(filterValueLabel('category', 'cli', names)).toBe('CLI');
		expect(filterValueLabel('category', 'unlisted', names)).toBe('unlisted');
		expect(filterValueLabel('severity', 'high')).toBe('High');
		expect(filterValueLabel('type', 'KB article')).toBe('KB article');
	});
});

describe('toggleFilter and pagefindFilters', () => {
	it('presses and releases chips, and every pressed chip must match', () => {
		let selection = toggleFilter({}, 'type', 'KB article');
		selection = toggleFilter(selection, 'version', '1.1.0');
		selection = toggleFilter(selection, 'version', '1.0.2');
		expect(pagefindFilters(selection)).toEqual({
			type: { all: ['KB article'] },
			version: { all: ['1.1.0', '1.0.2'] },
		});
		selection = toggleFilter(selection, 'type', 'KB article');
		expect(selection).toEqual({ version: ['1.1.0', '1.0.2'] });
		expect(hasFilters(selection)).toBe(true);
		expect(
			hasFilters(toggleFilter(toggleFilter(selection, 'version', '1.1.0'), 'version', '1.0.2')),
		).toBe(false);
	});
});

describe('filters in the URL', () => {
	it('reads one parameter per pressed chip, ignoring other keys, empty values and repeats', () => {
		const params = new URLSearchParams(
			'q=webhook&type=KB+article&severity=high&severity=critical&severity=high&category=&page=2',
		);
		expect(selectionFromParams(params)).toEqual({
			type: ['KB article'],
			severity: ['high', 'critical'],
		});
		expect(selectionFromParams(new URLSearchParams('q=webhook'))).toEqual({});
	});

	it('writes the selection in place of the old filter values and keeps the rest', () => {
		const params = new URLSearchParams('q=webhook&severity=low&utm_source=mail');
		writeSelection(params, { type: ['FAQ'], severity: ['high', 'critical'] });
		expect(params.toString()).toBe(
			'q=webhook&utm_source=mail&type=FAQ&severity=high&severity=critical',
		);
		writeSelection(params, {});
		expect(params.toString()).toBe('q=webhook&utm_source=mail');
	});

	it('round-trips a selection', () => {
		const selection = { type: ['Reply template'], version: ['1.2.0', '1.1.0-beta'] };
		const params = new URLSearchParams();
		writeSelection(params, selection);
		expect(selectionFromParams(new URLSearchParams(params.toString()))).toEqual(selection);
	});

	it('drops values the index does not have, so every pressed filter has a chip', () => {
		const totals = { type: { FAQ: 12, 'KB article': 30 }, severity: { high: 4, low: 0 } };
		expect(
			knownSelection({ type: ['FAQ', 'Blog post'], severity: ['low'], category: ['x'] }, totals),
		).toEqual({ type: ['FAQ'] });
	});
});
