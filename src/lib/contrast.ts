/**
 * WCAG 2.2 colour contrast, and the accent colour's variants for each colour scheme.
 * The site takes ONE accent colour from site.config.ts; text on it and it on the page's
 * backgrounds must reach AA in both schemes, so the colour a site owner picks is nudged
 * lighter or darker (hue kept) until it does, instead of trusting every brand colour to pass.
 */

export type Rgb = readonly [number, number, number];

/** Parses `#rgb` or `#rrggbb`; anything else is a configuration mistake, reported as such. */
export function parseHex(hex: string): Rgb {
	const digits = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())?.[1];
	if (!digits) throw new Error(`"${hex}" is not a colour: write it as #rrggbb (for example #0b5cad)`);
	const h = digits.length === 3 ? [...digits].map((c) => c + c).join('') : digits;
	return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export function toHex(rgb: Rgb): string {
	return '#' + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('');
}

/** Relative luminance as WCAG 2.2 defines it (sRGB, 0.04045 threshold). */
export function luminance(color: string | Rgb): number {
	const rgb = typeof color === 'string' ? parseHex(color) : color;
	const linear = (c: number) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}

/** Contrast ratio between two colours, 1 to 21. */
export function contrast(a: string | Rgb, b: string | Rgb): number {
	const la = luminance(a);
	const lb = luminance(b);
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Mixes `color` toward `target` by `t` (0 = color, 1 = target). */
function mix(color: Rgb, target: Rgb, t: number): Rgb {
	const at = (i: 0 | 1 | 2) => color[i] + (target[i] - color[i]) * t;
	return [at(0), at(1), at(2)];
}

/**
 * The colour closest to `color` (mixed toward black when the backgrounds are light, toward white
 * when they are dark) that reaches `min` contrast against every background. The unchanged colour
 * when it already does.
 */
export function adjustForContrast(color: string, backgrounds: readonly string[], min: number): string {
	const rgb = parseHex(color);
	const passes = (c: Rgb) => backgrounds.every((bg) => contrast(toHex(c), bg) >= min);
	if (passes(rgb)) return toHex(rgb);
	const darkBackgrounds = backgrounds.every((bg) => luminance(bg) < 0.18);
	const target: Rgb = darkBackgrounds ? [255, 255, 255] : [0, 0, 0];
	// Binary search on the mix amount: contrast grows monotonically toward the target here.
	let lo = 0;
	let hi = 1;
	for (let i = 0; i < 24; i++) {
		const mid = (lo + hi) / 2;
		if (passes(mix(rgb, target, mid))) hi = mid;
		else lo = mid;
	}
	// Rounding to whole channels can cost a hair of contrast; step on until it holds.
	let t = hi;
	let hex = toHex(mix(rgb, target, t));
	while (!backgrounds.every((bg) => contrast(hex, bg) >= min)) {
		if (t >= 1) throw new Error(`no shade of ${color} reaches ${min}:1 against ${backgrounds.join(', ')}`);
		t = Math.min(1, t + 0.005);
		hex = toHex(mix(rgb, target, t));
	}
	return hex;
}

/** Text colour for a button filled with `fill`: white or near-black, whichever contrasts more. */
export function textOn(fill: string, light = '#ffffff', dark = '#0b1520'): string {
	return contrast(fill, light) >= contrast(fill, dark) ? light : dark;
}

export interface AccentScheme {
	/** Links, button fill, focus ring. */
	accent: string;
	/** Text on a button filled with the accent. */
	accentFg: string;
}

/** AA text contrast (links are text); also more than the 3:1 that focus rings and button edges need. */
export const TEXT_CONTRAST = 4.5;

/**
 * The accent for one scheme: at least 4.5:1 against each of the scheme's backgrounds, with button
 * text that reaches 4.5:1 on it.
 */
export function accentFor(color: string, backgrounds: readonly string[]): AccentScheme {
	const accent = adjustForContrast(color, backgrounds, TEXT_CONTRAST);
	return { accent, accentFg: textOn(accent) };
}
