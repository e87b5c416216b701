import { describe, expect, it } from 'vitest';
import { analyze, charNgrams, ngrams, tokenize, words } from '../../../src/lib/mine/text.ts';

describe('tokenize', () => {
	it('lower-cases, stems and drops stop words', () => {
		expect(tokenize('My Cards have NOT arrived yet!')).toEqual(['card', 'not', 'arriv', 'yet']);
	});

	it('keeps negations and question words, which change what is asked', () => {
		expect(tokenize("Why hasn't my refund arrived?")).toEqual(['why', 'not', 'refund', 'arriv']);
		expect(tokenize("I can't log in")).toEqual(['can', 'not', 'log']);
	});

	it('folds accents and drops lone letters and digits left from versions', () => {
		expect(tokenize('Café crashes on 1.1.0')).toEqual(['cafe', 'crash']);
		expect(tokenize('error 500 on 2fa')).toEqual(['error', '500', '2fa']);
	});

	it('gives the same stems to inflections of one word', () => {
		expect(tokenize('cancel cancelled cancelling')).toEqual(['cancel', 'cancel', 'cancel']);
	});
});

describe('analyze', () => {
	it('keeps the word as written beside its stem, for readable terms', () => {
		expect(analyze('Payments declined')).toEqual([
			{ stem: 'payment', surface: 'payments' },
			{ stem: 'declin', surface: 'declined' },
		]);
	});
});

describe('words', () => {
	it('splits on anything but letters and digits, in any script', () => {
		expect(words('top-up via e-mail: naïve Größe')).toEqual([
			'top',
			'up',
			'via',
			'e',
			'mail',
			'naive',
			'große',
		]);
	});

	it('keeps an entry ID one word, whatever its number of digits', () => {
		expect(words('see KB-0042 or KB-12345, RB-001')).toEqual(['see', 'kb-0042', 'or', 'kb-12345', 'rb-001']);
	});
});

describe('ngrams', () => {
	it('joins adjacent tokens', () => {
		expect(ngrams(['card', 'not', 'arriv'], 2)).toEqual(['card not', 'not arriv']);
		expect(ngrams(['card'], 2)).toEqual([]);
	});
});

describe('charNgrams', () => {
	it('pads words with boundary marks so prefixes and suffixes are features too', () => {
		expect(charNgrams(['card'], 3)).toEqual(['<ca', 'car', 'ard', 'rd>']);
		expect(charNgrams(['a'], 3)).toEqual(['<a>']);
	});
});
