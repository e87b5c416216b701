/**
 * Personal data and secrets planted in every adapter fixture. The privacy tests assert that none of
 * these strings survives into anything the miner writes.
 */
export const PLANTED = {
	emails: ['anneliese.vogt@example.org', 'thaddeus.m@example.net'],
	phones: ['+49 30 12345678', '(415) 555-0132'],
	ips: ['203.0.113.42', '2001:db8:85a3::8a2e:370:7334'],
	urlSecrets: ['Zx81PlantedResetToken', '9f8e7d6c5b4a3210'],
	keys: [
		'sk_live_51PlantedStripeKey00',
		'ghp_PlantedGitHubToken0123456789abcdef',
		'AKIAPLANTED0EXAMPLE1',
		'pl4ntedBearerTok3n.value',
		'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlcGxhbnRlZA',
		'9a3f5c7e1b2d4f6a8c0e9b7d5f3a1c2e',
	],
	cards: ['4111 1111 1111 1111', '5555-5555-5555-4444'],
	names: ['Anneliese', 'Thaddeus', 'Morgenstern'],
} as const;

/** Every planted value, plus the bare digits of phones and cards (they must not leak reformatted). */
export const PLANTED_VALUES: readonly string[] = [
	...Object.values(PLANTED).flat(),
	'12345678',
	'555-0132',
	'4111111111111111',
	'5555555555554444',
];

/** The planted values found in `text`; empty when the text is clean. */
export function leaks(text: string): string[] {
	return PLANTED_VALUES.filter((v) => text.includes(v));
}

/**
 * A name written mid-sentence ("my colleague Maria Gonzalez checked the logs"). Parsing keeps it;
 * only what the miner writes must be free of it (people.ts), so only outputs are checked for it.
 */
export const PLANTED_BARE_NAMES: readonly string[] = ['Maria', 'Gonzalez'];

/** The planted values, bare names included, found in something the miner wrote. */
export function outputLeaks(text: string): string[] {
	return [...leaks(text), ...PLANTED_BARE_NAMES.filter((n) => text.includes(n))];
}
