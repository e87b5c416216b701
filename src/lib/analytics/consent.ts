/**
 * The privacy signals a browser exposes. Each is read as the browser reports it, so this module
 * stays pure and testable; `src/scripts/analytics.ts` gathers them from `navigator` and `window`.
 */
export interface PrivacySignals {
	/** `navigator.doNotTrack`: '1' when Do Not Track is on ('yes' in old Firefox). */
	doNotTrack?: string | null;
	/** `window.doNotTrack`: where old Safari and IE put it. */
	windowDoNotTrack?: string | null;
	/** `navigator.msDoNotTrack`: old Edge and IE. */
	msDoNotTrack?: string | null;
	/** `navigator.globalPrivacyControl`: true when Global Privacy Control is on. */
	globalPrivacyControl?: boolean | null;
}

const ON = new Set(['1', 'yes', 'true']);

/**
 * Whether the site may record anything for this visitor: no when Do Not Track (in any of its
 * historic spellings) or Global Privacy Control is on. Unknown values count as "not set".
 */
export function trackingAllowed(signals: PrivacySignals): boolean {
	const dnt = [signals.doNotTrack, signals.windowDoNotTrack, signals.msDoNotTrack].some(
		(value) => typeof value === 'string' && ON.has(value.trim().toLowerCase()),
	);
	return !dnt && signals.globalPrivacyControl !== true;
}

/**
 * Reads the privacy signals from the browser's `navigator` and `window` (passed in, so this file
 * stays free of DOM globals and usable from any script).
 */
export function readPrivacySignals(nav: object, win: object): PrivacySignals {
	const n = nav as { doNotTrack?: string | null; msDoNotTrack?: string; globalPrivacyControl?: boolean };
	const w = win as { doNotTrack?: string };
	return {
		doNotTrack: n.doNotTrack,
		windowDoNotTrack: w.doNotTrack,
		msDoNotTrack: n.msDoNotTrack,
		globalPrivacyControl: n.globalPrivacyControl,
	};
}
