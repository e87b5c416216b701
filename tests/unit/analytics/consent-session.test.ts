import { describe, expect, it } from 'vitest';
import { readPrivacySignals, trackingAllowed } from '../../../src/lib/analytics/consent.ts';
import { newSessionId, SESSION_KEY, sessionId, type StorageLike } from '../../../src/lib/analytics/session.ts';

describe('consent: Do Not Track and Global Privacy Control', () => {
	it('allows recording when no signal is set', () => {
		expect(trackingAllowed({})).toBe(true);
		expect(trackingAllowed({ doNotTrack: '0', globalPrivacyControl: false })).toBe(true);
		expect(trackingAllowed({ doNotTrack: 'unspecified', windowDoNotTrack: null })).toBe(true);
	});

	it.each([
		[{ doNotTrack: '1' }],
		[{ doNotTrack: 'yes' }],
		[{ windowDoNotTrack: '1' }],
		[{ msDoNotTrack: '1' }],
		[{ globalPrivacyControl: true }],
	])('records nothing with %o', (signals) => {
		expect(trackingAllowed(signals)).toBe(false);
	});
});

describe('reading the signals from the browser objects', () => {
	it('finds each spelling where browsers put it', () => {
		expect(readPrivacySignals({ globalPrivacyControl: true }, {})).toMatchObject({ globalPrivacyControl: true });
		expect(trackingAllowed(readPrivacySignals({ doNotTrack: null }, { doNotTrack: '1' }))).toBe(false);
		expect(trackingAllowed(readPrivacySignals({ msDoNotTrack: '1' }, {}))).toBe(false);
		expect(trackingAllowed(readPrivacySignals({ doNotTrack: 'unspecified' }, {}))).toBe(true);
	});
});

class MemoryStorage implements StorageLike {
	readonly items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
}
let counter = 0;
const fill = (bytes: Uint8Array) => bytes.fill(++counter);

describe('anonymous session id', () => {
	it('is 22 base64url characters of randomness', () => {
		expect(newSessionId((b) => b.fill(255))).toBe('_____________________w');
		expect(newSessionId(crypto.getRandomValues.bind(crypto))).toMatch(/^[A-Za-z0-9_-]{22}$/);
	});

	it('is created once per tab and reused from sessionStorage', () => {
		const storage = new MemoryStorage();
		const first = sessionId(storage, fill);
		expect(storage.items.get(SESSION_KEY)).toBe(first);
		expect(sessionId(storage, fill)).toBe(first);
	});

	it('replaces a tampered stored value', () => {
		const storage = new MemoryStorage();
		storage.setItem(SESSION_KEY, 'not valid!');
		expect(sessionId(storage, fill)).toMatch(/^[A-Za-z0-9_-]{22}$/);
	});

	it('still works, for the page only, when storage throws', () => {
		const broken: StorageLike = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			},
		};
		expect(sessionId(broken, fill)).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(sessionId(undefined, fill)).toMatch(/^[A-Za-z0-9_-]{22}$/);
	});
});
