/**
 * The brand's colours as CSS: the one accent colour from site.config.ts, adjusted per colour
 * scheme so links, buttons and focus rings keep AA contrast (see contrast.ts).
 */
import { accentFor, type AccentScheme } from './contrast.ts';

/**
 * The page and panel backgrounds that accent-coloured text sits on, per scheme. They mirror
 * `--tz-bg` and `--tz-surface` in src/styles/global.css (a unit test keeps the two in step).
 */
export const schemeBackgrounds = {
	light: ['#ffffff', '#f4f6f8'],
	dark: ['#12161b', '#1c232b'],
} as const;

export interface BrandColours {
	light: AccentScheme;
	dark: AccentScheme;
}

export function brandColours(accent: string): BrandColours {
	return { light: accentFor(accent, schemeBackgrounds.light), dark: accentFor(accent, schemeBackgrounds.dark) };
}

/** The custom properties global.css reads, for an inline `<style>` in the page head. */
export function brandCss(colours: BrandColours): string {
	const vars = (s: AccentScheme) => `--tz-accent:${s.accent};--tz-accent-fg:${s.accentFg}`;
	return `:root{${vars(colours.light)}}@media (prefers-color-scheme:dark){:root{${vars(colours.dark)}}}`;
}
