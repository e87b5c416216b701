import { SESSION_PATTERN } from './limits.ts';

/** The sessionStorage key that holds the anonymous session id. */
export const SESSION_KEY = 'tierzero:session';

/** The part of the Web Storage API the session id needs. */
export interface StorageLike {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

/** Fills a byte array with random values, like `crypto.getRandomValues`. */
export type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array;

/**
 * A new anonymous session id: 16 random bytes as 22 base64url characters. Random, so it says
 * nothing about the visitor and cannot be joined with anything else.
 */
export function newSessionId(fill: RandomFill): string {
	const bytes = fill(new Uint8Array(16));
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The tab's session id: read from sessionStorage, or created and stored there. sessionStorage
 * (not a cookie, not localStorage) means the id never leaves the browser except inside events and
 * is gone when the tab closes. When storage is unavailable (disabled, private mode quota) the id
 * lives only as long as the page, which undercounts sessions rather than tracking anyone.
 */
export function sessionId(storage: StorageLike | undefined, fill: RandomFill): string {
	try {
		const existing = storage?.getItem(SESSION_KEY);
		if (existing && SESSION_PATTERN.test(existing)) return existing;
	} catch {
		// Reading storage can throw (e.g. a sandboxed frame); a page-long id still works.
	}
	const id = newSessionId(fill);
	try {
		storage?.setItem(SESSION_KEY, id);
	} catch {
		// Quota or disabled storage: keep the page-long id.
	}
	return id;
}
