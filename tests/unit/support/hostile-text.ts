/**
 * Arbitrary text for the escaping property tests: any Unicode code point, plus the fragments an
 * attacker or a careless paste brings, mixed in at any position, so each run meets them often.
 */
import fc from 'fast-check';

/** Cases per property; the issue asks for at least 1,000. */
export const RUNS = 1000;
/**
 * Time a property test may take: a thousand cases are a few seconds on an idle machine, but the
 * machines are shared, and a CPU-bound test is slowed by whatever else runs (vitest's unit default
 * here is 30 s).
 */
export const PROPERTY_TIMEOUT = 180_000;

const FRAGMENTS = [
	'</script>',
	'</SCRIPT ',
	'<!--',
	'-->',
	'--!>',
	'<script>alert(1)</script>',
	'{',
	'}',
	'{/*',
	'*/}',
	'<',
	'>',
	'&',
	'&amp;',
	'&#x3c;',
	'`',
	'```',
	'import',
	'export',
	'import x from "y"\n',
	'export const a = 1',
	'\n',
	'\r\n',
	'\r',
	'\n\n',
	'\t',
	'    ',
	'\0',
	'\uD800',
	'\uDC00',
	'\u200F',
	'\u202E',
	'\u2028',
	'\u2029',
	'\u2060',
	'\uFEFF',
	'\u0085',
	'---',
	'\n---\n',
	'# ',
	'> ',
	'- ',
	'1. ',
	'|',
	'[x](https://evil.example)',
	'![i](x.png)',
	'[^1]',
	'https://evil.example/a?b=c',
	'HTTP://EVIL.EXAMPLE',
	'www.evil.example',
	'mailto:a@b.example',
	'xmpp:a@b.example/r',
	'user@evil.example',
	'<https://evil.example>',
	'=',
	'+',
	'-',
	'@',
	"'",
	'"',
	',',
	'=HYPERLINK("http://x","y")',
	'\\',
	'*',
	'_',
	'~~',
	'$',
	':',
];

/** One string: arbitrary code points and hostile fragments in any order. */
export const hostileText = fc
	.array(
		fc.oneof(
			{ weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
			{ weight: 2, arbitrary: fc.constantFrom(...FRAGMENTS) },
			{ weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 8 }) },
		),
		{ maxLength: 8 },
	)
	.map((parts) => parts.join(''));
