import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustForContrast, contrast, luminance, parseHex, textOn, toHex } from '../../../src/lib/contrast.ts';

describe('contrast', () => {
	it('matches the WCAG reference values', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#ffffff', '#ffffff')).toBe(1);
		// #767676 on white is the well-known lightest grey that passes 4.5:1.
		expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
		expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
		expect(luminance('#ffffff')).toBe(1);
	});

	it('reads short and long hex, and names a bad colour', () => {
		expect(parseHex('#0B5CAD')).toEqual([11, 92, 173]);
		expect(parseHex('#fff')).toEqual([255, 255, 255]);
		expect(toHex([11, 92, 173])).toBe('#0b5cad');
		expect(() => parseHex('blue')).toThrow(/"blue" is not a colour: write it as #rrggbb/);
	});
});

const hex = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255)).map((c) => toHex(c));

describe('adjustForContrast', () => {
	it('keeps a colour that already passes', () => {
		expect(adjustForContrast('#0b5cad', ['#ffffff', '#f4f6f8'], 4.5)).toBe('#0b5cad');
	});

	it('darkens a pale brand colour on light backgrounds and lightens a dark one on dark backgrounds', () => {
		const light = adjustForContrast('#ffcc00', ['#ffffff', '#f4f6f8'], 4.5);
		expect(luminance(light)).toBeLessThan(luminance('#ffcc00'));
		const dark = adjustForContrast('#0b5cad', ['#12161b', '#1c232b'], 4.5);
		expect(luminance(dark)).toBeGreaterThan(luminance('#0b5cad'));
	});

	it('always reaches the ratio against every background, light or dark', () => {
		fc.assert(
			fc.property(hex, fc.boolean(), (colour, darkScheme) => {
				const backgrounds = darkScheme ? ['#12161b', '#1c232b'] : ['#ffffff', '#f4f6f8'];
				const out = adjustForContrast(colour, backgrounds, 4.5);
				for (const bg of backgrounds) expect(contrast(out, bg)).toBeGreaterThanOrEqual(4.5);
			}),
		);
	});

	it('picks button text that reads on any accent that passes', () => {
		fc.assert(
			fc.property(hex, fc.boolean(), (colour, darkScheme) => {
				const backgrounds = darkScheme ? ['#12161b', '#1c232b'] : ['#ffffff', '#f4f6f8'];
				const accent = adjustForContrast(colour, backgrounds, 4.5);
				expect(contrast(textOn(accent), accent)).toBeGreaterThanOrEqual(4.5);
			}),
		);
	});
});
