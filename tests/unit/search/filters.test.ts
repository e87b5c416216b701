import { describe, expect, it } from 'vitest';
import {
	filterValueLabel,
	hasFilters,
	pagefindFilters,
	sortFilterValues,
	toggleFilter,
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

	it('orders categories by their label', () => {
		expect(
			sortFilterValues('category', ['webhooks', 'telemetry-privacy', 'cli', 'agents']),
		).toEqual(['agents', 'cli', 'telemetry-privacy', 'webhooks']);
	});
});

describe('filterValueLabel', () => {
	it('names category slugs and capitalises severities', () => {
		expect(filterValueLabel('category', 'git-sync')).toBe('Git sync');
		expect(filterValueLabel('category', 'cli')).toBe('CLI');
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
