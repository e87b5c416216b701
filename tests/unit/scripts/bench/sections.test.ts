import { describe, expect, it } from 'vitest';
import { classifyHeading, splitSections, toKbBody } from '../../../../scripts/lib/bench/sections.ts';
import { checkKbSections, h2Headings } from '../../../../src/lib/content-rules.ts';

const FALLBACKS = {
	symptoms: 'FALLBACK SYMPTOMS',
	cause: 'FALLBACK CAUSE',
	solution: 'FALLBACK SOLUTION',
	prevention: '- FALLBACK PREVENTION',
};

describe('classifyHeading', () => {
	it('recognises the corpus spellings of each section', () => {
		expect(['Symptoms', 'Symptom 2', 'PROBLEM', 'Summary'].map(classifyHeading)).toEqual(
			Array(4).fill('symptoms'),
		);
		expect(['Cause', 'CAUSE ', 'Why this issue occurs'].map(classifyHeading)).toEqual(
			Array(3).fill('cause'),
		);
		expect(
			[
				'Resolution',
				'Workaround - Method 2',
				'Solution/Workaround',
				"I'm an email admin. How do I fix this?",
			].map(classifyHeading),
		).toEqual(Array(4).fill('solution'));
		expect(
			['More Information', '**References**', 'See also', 'Status'].map(classifyHeading),
		).toEqual(Array(4).fill('more'));
		expect(classifyHeading('Actions for administrators')).toBe('other');
	});
});

describe('toKbBody', () => {
	it('maps Symptoms / Cause / Resolution / More information onto the four KB sections', () => {
		const body = toKbBody(
			splitSections(
				'# Title\n\nIntro.\n\n## Symptoms\n\nIt breaks.\n\n## Cause\n\nA bug.\n\n## Resolution\n\nUpdate.\n\n## More information\n\nKB 123.',
			),
			FALLBACKS,
		);
		expect(body).toBe(
			'## Symptoms\n\nIntro.\n\nIt breaks.\n\n## Root cause\n\nA bug.\n\n## Solution\n\nUpdate.\n\n' +
				'## Prevention\n\n- FALLBACK PREVENTION\n\n### More information\n\nKB 123.\n',
		);
		expect(checkKbSections(body)).toBeNull();
	});

	it('fills a missing cause, and keeps unknown sections under the section before them, one level down', () => {
		const body = toKbBody(
			splitSections(
				'## Symptoms\n\nSlow.\n\n## Resolution\n\nRestart.\n\n## Actions for administrators\n\n### Check logs\n\nLook.',
			),
			FALLBACKS,
		);
		expect(h2Headings(body)).toEqual(['Symptoms', 'Root cause', 'Solution', 'Prevention']);
		expect(body).toContain('## Root cause\n\nFALLBACK CAUSE');
		expect(body).toContain(
			'### Resolution\n\nRestart.\n\n### Actions for administrators\n\n#### Check logs\n\nLook.',
		);
	});

	it('splits an article without sections into problem (first paragraph) and solution (the rest)', () => {
		const body = toKbBody(
			splitSections('# T\n\nOutlook crashes.\n\nInstall the update.\n\nRestart.'),
			FALLBACKS,
		);
		expect(body).toBe(
			'## Symptoms\n\nOutlook crashes.\n\n## Root cause\n\nFALLBACK CAUSE\n\n## Solution\n\nInstall the update.\n\nRestart.\n\n## Prevention\n\n- FALLBACK PREVENTION\n',
		);
	});

	it('uses "More information" as the solution of summary-style articles that have no resolution', () => {
		const body = toKbBody(
			splitSections('## Summary\n\nWhat changed.\n\n## More information\n\nSteps.'),
			FALLBACKS,
		);
		expect(body).toContain(
			'## Solution\n\n### More information\n\nSteps.\n\n## Prevention\n\n- FALLBACK PREVENTION\n',
		);
	});

	it('ignores headings inside fenced code', () => {
		const split = splitSections('## Symptoms\n\n```bash\n## not a heading\n```\n\n## Cause\n\nX.');
		expect(split.sections.map((s) => s.heading)).toEqual(['Symptoms', 'Cause']);
	});
});
