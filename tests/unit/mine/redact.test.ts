import { describe, expect, it } from 'vitest';
import { looksLikeSecret, luhnValid, redact } from '../../../src/lib/mine/redact.ts';

describe('redact', () => {
	it.each([
		['mail me at anneliese.vogt@example.org please', 'mail me at [email] please'],
		['call +49 30 12345678 or (415) 555-0132', 'call [phone] or [phone]'],
		['my mobile: 4155550132', 'my mobile: [phone]'],
		['office 030 12345678', 'office [phone]'],
		['server 203.0.113.42:8443 refused', 'server [ip] refused'],
		['from 2001:db8:85a3::8a2e:370:7334 and fe80::1', 'from [ip] and [ip]'],
		[
			'open https://app.caro.example/reset?token=Zx81PlantedResetToken&lang=en',
			'open https://app.caro.example/reset?token=[secret]&lang=en',
		],
		[
			'https://files.example/x.png?X-Amz-Signature=9f8e7d6c5b4a3210&v=2#access_token=abc',
			'https://files.example/x.png?X-Amz-Signature=[secret]&v=2#access_token=[secret]',
		],
		['https://anna:hunter22@git.example/repo', 'https://[secret]@git.example/repo'],
		['key sk_live_51PlantedStripeKey00 leaked', 'key [secret] leaked'],
		['token ghp_PlantedGitHubToken0123456789abcdef', 'token [secret]'],
		['AWS AKIAPLANTED0EXAMPLE1 used', 'AWS [secret] used'],
		['Authorization: Bearer pl4ntedBearerTok3n.value', 'Authorization: Bearer [secret]'],
		[
			'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkIn0.c2lnbmF0dXJlcGxhbnRlZA ok',
			'jwt [secret] ok',
		],
		['secret 9a3f5c7e1b2d4f6a8c0e9b7d5f3a1c2e here', 'secret [secret] here'],
		['webhook secret whsec_Q2x9LmZ8pR4tV7yB1nK6sD3f', 'webhook secret [secret]'],
		['password: hunter2 and api_key=abc123', 'password: [secret] and api_key=[secret]'],
		[
			'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
			'aws_secret_access_key = [secret]',
		],
		['card 4111 1111 1111 1111 declined', 'card [card] declined'],
		['card 5555-5555-5555-4444 declined', 'card [card] declined'],
	])('%s', (input, expected) => {
		expect(redact(input)).toBe(expected);
	});

	it.each([
		'upgrade to 1.1.0 or 1.1.0-beta from v1.0.2',
		'since 2026-01-24 and 2026-02-15T10:30:00Z, at 10:30:45',
		'dates 24/01/2026 and 01.02.2026',
		'HTTP 429 after 3 retries, exit code 127',
		'localhost:8080 and port 5432',
		'workspace 3f2c1a9e-4b5d-4c6e-8f7a-9b0c1d2e3f4a',
		'see /usr/local/lib/node_modules/caro/dist/index.js and ./node_modules/.bin/astro',
		'error ERR_INVALID_ARG_TYPE in std::io::Error',
		'order 1234567890123 was refunded',
		'KB-0042 and 1,000,000 tickets',
		'see KB-12345 and KB-10000, not KB-9999',
		'password: reset does not arrive, the token expired',
		'https://support.caro.example/new?topic=billing&page=2',
		'npm install caro@1.1.0',
		'ConsolidationMergeConflictError at AgentOrchestrator',
	])('keeps %s', (input) => {
		expect(redact(input)).toBe(input);
	});

	it('replaces given names and personal values wherever they appear', () => {
		expect(
			redact('Anneliese Vogt here; Anneliese tried twice. Ring +49 (0)30 123-45', [
				'Anneliese',
				'Vogt',
				'+49 (0)30 123-45',
			]),
		).toBe('[name] [name] here; [name] tried twice. Ring [phone]');
		// A name is a whole word: "Ann" leaves "Annual" alone.
		expect(redact('Annual plan for Ann', ['Ann'])).toBe('Annual plan for [name]');
	});

	it('checks card numbers with Luhn', () => {
		expect(luhnValid('4111111111111111')).toBe(true);
		expect(luhnValid('4111111111111112')).toBe(false);
		expect(redact('ref 4111 1111 1111 1112')).toBe('ref 4111 1111 1111 1112');
	});

	it('tells secrets from identifiers', () => {
		expect(looksLikeSecret('Q2x9LmZ8pR4tV7yB1nK6sD3f')).toBe(true);
		expect(looksLikeSecret('ConsolidationMergeConflict')).toBe(false);
		expect(looksLikeSecret('caro-cli-linux-x64-1.1.0.tar.gz')).toBe(false);
	});
});
