import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import siteFile from '../../../site.config.ts';
import { brandColours, brandCss, schemeBackgrounds } from '../../../src/lib/brand.ts';
import { contrast } from '../../../src/lib/contrast.ts';

const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');

/** The value of a custom property in global.css's light `:root` or its dark-scheme `:root`. */
function token(name: string, scheme: 'light' | 'dark'): string {
	const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
	const block = scheme === 'light' ? css.slice(0, darkStart) : css.slice(darkStart);
	const m = new RegExp(`--tz-${name}:\\s*(#[0-9a-f]{3,6})`, 'i').exec(block);
	if (!m?.[1]) throw new Error(`--tz-${name} not found in the ${scheme} part of global.css`);
	return m[1].toLowerCase();
}

describe('brand colours', () => {
	for (const scheme of ['light', 'dark'] as const) {
		it(`mirror global.css's ${scheme} backgrounds`, () => {
			expect([token('bg', scheme), token('surface', scheme)]).toEqual(schemeBackgrounds[scheme]);
		});

		it(`give the configured accent AA contrast in the ${scheme} scheme`, () => {
			const colours = brandColours(siteFile.accent)[scheme];
			for (const bg of [token('bg', scheme), token('surface', scheme)]) {
				// Links are text (4.5:1); focus rings and button edges need 3:1, which this exceeds.
				expect(contrast(colours.accent, bg)).toBeGreaterThanOrEqual(4.5);
			}
			expect(contrast(colours.accentFg, colours.accent)).toBeGreaterThanOrEqual(4.5);
		});
	}

	it('are written as custom properties for each scheme', () => {
		const out = brandCss(brandColours('#ffcc00'));
		expect(out).toMatch(/^:root\{--tz-accent:#[0-9a-f]{6};--tz-accent-fg:#[0-9a-f]{6}\}@media \(prefers-color-scheme:dark\)\{:root\{--tz-accent:#[0-9a-f]{6};--tz-accent-fg:#[0-9a-f]{6}\}\}$/);
		// A pale yellow is darkened for light mode and kept for dark mode, where it already passes.
		expect(out).not.toContain('--tz-accent:#ffcc00;--tz-accent-fg:#ffffff');
		expect(out).toContain('@media (prefers-color-scheme:dark){:root{--tz-accent:#ffcc00;');
	});
});
