/**
 * Redaction of personal data and secrets in ticket text. Everything the miner writes comes from
 * text that went through {@link redact}; the patterns err on the side of hiding too much, except
 * for the shapes support text is full of and that carry no personal data: versions (`1.1.0`),
 * dates, times, ports, HTTP statuses, UUIDs and file paths.
 */

/** The markers that replace redacted values; bracketed so a reader sees something was removed. */
export const MARK = {
	email: '[email]',
	phone: '[phone]',
	ip: '[ip]',
	secret: '[secret]',
	card: '[card]',
	name: '[name]',
} as const;

// Query and fragment parameters whose values are credentials (`?token=`, `&sig=`, `#access_token=`).
const SECRET_PARAM = /(token|key|sig|secret|passw|pwd|auth|session|sid|credential|code|otp|hash)/i;
const URL_RE = /\b(?:https?|ftp|wss?):\/\/[^\s<>"'`)\]}]+/gi;
const JWT_RE = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g;
// Vendor key formats with a fixed prefix: Stripe, GitHub, AWS, Slack, Google, GitLab, npm, OpenAI.
const PREFIXED_KEY_RE = new RegExp(
	[
		'\\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}',
		'\\bgh[pousr]_[A-Za-z0-9]{20,}',
		'\\bgithub_pat_[A-Za-z0-9_]{20,}',
		'\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b',
		'\\bxox[abposr]-[A-Za-z0-9-]{10,}',
		'\\bAIza[0-9A-Za-z_-]{35}',
		'\\bglpat-[A-Za-z0-9_-]{20,}',
		'\\bnpm_[A-Za-z0-9]{36}\\b',
		'\\bsk-(?:proj-)?[A-Za-z0-9_-]{20,}',
	].join('|'),
	'g',
);
const AUTH_HEADER_RE = /\b(Bearer|Basic|Token)(\s+)[A-Za-z0-9._~+/=-]{8,}/g;
// `password: hunter2`, `api_key=abc123`: the value is hidden when it could be a credential, i.e.
// it has a digit or symbol or is long; "password: reset" stays readable.
const ASSIGNED_SECRET_RE =
	/\b((?:[A-Za-z]+[_-])*(?:api[_ -]?key|apikey|client[_-]?secret|secret(?:[_-]?key)?|access[_-]?token|auth[_-]?token|refresh[_-]?token|token|password|passwd|passcode|pwd|pin|(?:private[_-]?)?key)\s*(?:is\s*)?[:=]\s*)(["']?)([^\s"',;]+)\2/gi;
const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const CARD_RE = /(?<![\w.])\d(?:[ -]?\d){12,18}(?![\w.]*\d)/g;
const IPV4_RE =
	/(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)(?::\d{1,5})?/g;
const IPV6_RE =
	/(?<![\w:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?)(?![\w:])/g;
const PHONE_RES = [
	// +49 30 1234 5678, 0044 20 7946 0958, +1 (555) 010-0199
	/(?<![\w+])(?:\+|00)[1-9]\d{0,3}(?:[ .-]?\(?\d{1,5}\)?){2,6}(?!\w)/g,
	// (555) 010-0199, 555-010-0199, 555.010.0199
	/(?<!\w)(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\w)/g,
	// 030 12345678, 06 12 34 56 78, 020 7946 0958 (national numbers start with 0)
	/(?<![\w.:/-])0\d{1,4}(?:[ /-]\d{2,8}){1,4}(?![\w.:/-])/g,
];
// A bare run of digits is a phone number only when the text says so.
const PHONE_CONTEXT_RE =
	/\b((?:phone|tel|telephone|mobile|cell|call me|text me|whatsapp|fax|reach me|my number)\b[^\d\n]{0,12})(\+?\d[\d ().-]{5,}\d)/gi;
const HEX_RE = /(?<![\w-])[0-9a-fA-F]{32,}(?![\w-])/g;
const TOKENISH_RE = /(?<![\w/+=.-])[A-Za-z0-9+/_=.-]{24,}(?![\w/+=-])/g;

function digitCount(s: string): number {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) n++;
	}
	return n;
}

/** The Luhn checksum card numbers carry; it keeps order numbers and timestamps out of `[card]`. */
export function luhnValid(digits: string): boolean {
	let sum = 0;
	let double = false;
	for (let i = digits.length - 1; i >= 0; i--) {
		let d = digits.charCodeAt(i) - 48;
		if (double) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
		double = !double;
	}
	return sum % 10 === 0;
}

function entropy(s: string): number {
	const counts = new Map<string, number>();
	for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	let h = 0;
	for (const n of counts.values()) {
		const p = n / s.length;
		h -= p * Math.log2(p);
	}
	return h;
}

/**
 * Whether a long unbroken token looks like a generated secret rather than a word, identifier or
 * path: it mixes letters and digits and its characters are spread out like random data.
 */
export function looksLikeSecret(token: string): boolean {
	// Paths and dotted names (./node_modules/.bin/caro, com.example.app) are structure, not secrets.
	if (/^(?:[~.]{0,2}\/|[A-Za-z]:[\\/])/.test(token)) return false;
	if (/[/.]/.test(token) && !/[A-Z]/.test(token)) return false;
	// UUIDs name workspaces and webhooks; one used as a key is caught by its `key:` context.
	if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token)) return false;
	// Platform and build strings (Linux-5.15.0-1019-aws-x86_64-with-glibc2.31): many short parts
	// between separators, some of them words, where a generated secret is one long run and a
	// licence key's groups all mix letters and digits.
	const parts = token.split(/[-_.]/);
	if (
		parts.length >= 4 &&
		parts.every((p) => p.length <= 12) &&
		parts.filter((p) => /^[A-Za-z]{2,}$/.test(p)).length >= 2
	)
		return false;
	const digits = digitCount(token);
	const upper = /[A-Z]/.test(token);
	const lower = /[a-z]/.test(token);
	if (digits === 0 || !(upper || lower)) return false;
	// SCREAMING_SNAKE error codes and kebab-case identifiers read as words.
	if (/^[A-Za-z]+(?:[_-][A-Za-z0-9]+)+$/.test(token) && digits < 4) return false;
	const h = entropy(token);
	return upper && lower ? h >= 3.6 : h >= 3.9;
}

function redactUrl(url: string): string {
	// user:password@host
	let out = url.replace(/^([a-z]+:\/\/)[^/@\s]+@/i, `$1${MARK.secret}@`);
	out = out.replace(
		/([?&#;])([^=&#;]+)=([^&#;]*)/g,
		(whole, sep: string, key: string, value: string) =>
			SECRET_PARAM.test(key) && value.length > 0 ? `${sep}${key}=${MARK.secret}` : whole,
	);
	return out;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Replace each of `values` where it stands as a whole word (not inside a longer word: "Ann"
 * leaves "Annual" alone), longest first so "Anna Maria" wins over "Anna". Plain string search:
 * every ticket has its own values, and compiling a pattern per ticket cost more than the search.
 */
export function replaceWholeWords(
	text: string,
	values: readonly string[],
	mark: (value: string) => string,
): string {
	const list = [...new Set(values.map((v) => v.trim()).filter((v) => v.length >= 2))].sort(
		(a, b) => b.length - a.length || (a < b ? -1 : 1),
	);
	let out = text;
	for (const v of list) {
		let i = out.indexOf(v);
		if (i < 0) continue;
		let result = '';
		let last = 0;
		while (i >= 0) {
			const before = i > 0 ? out[i - 1]! : '';
			const after = out[i + v.length] ?? '';
			if ((before === '' || !WORD_CHAR.test(before)) && (after === '' || !WORD_CHAR.test(after))) {
				result += out.slice(last, i) + mark(v);
				last = i + v.length;
				i = out.indexOf(v, last);
			} else i = out.indexOf(v, i + 1);
		}
		out = result + out.slice(last);
	}
	return out;
}

/**
 * Replace personal data and secrets in `text` by the markers in {@link MARK}: e-mail addresses,
 * phone numbers, IP addresses, credentials in URLs, API keys and tokens (vendor prefixes, Bearer
 * tokens, JWTs, long hex and high-entropy strings), Luhn-valid card numbers, and the given
 * personal values (names from greetings and sign-offs, the requester's name, e-mail and phone).
 */
export function redact(text: string, personal: readonly string[] = []): string {
	let out = text;
	// Known values first: a requester's phone written oddly is still found verbatim.
	const known = personal.filter((v) => /[\d@]/.test(v));
	if (known.length > 0)
		out = replaceWholeWords(out, known, (v) => (v.includes('@') ? MARK.email : MARK.phone));
	// Each pattern only runs when the text has the character it needs: most tickets have no URL,
	// no address and few digits, and a million tickets go through here.
	const digits = digitCount(out);
	const colon = out.includes(':');
	if (out.includes('://')) out = out.replace(URL_RE, redactUrl);
	if (out.includes('eyJ')) out = out.replace(JWT_RE, MARK.secret);
	out = out.replace(PREFIXED_KEY_RE, MARK.secret);
	out = out.replace(AUTH_HEADER_RE, `$1$2${MARK.secret}`);
	if (colon || out.includes('=')) {
		out = out.replace(ASSIGNED_SECRET_RE, (whole, prefix: string, quote: string, value: string) =>
			value.startsWith('[') || !(/[^A-Za-z]/.test(value) || value.length >= 8)
				? whole
				: `${prefix}${quote}${MARK.secret}${quote}`,
		);
	}
	if (out.includes('@')) out = out.replace(EMAIL_RE, MARK.email);
	if (digits >= 13) {
		out = out.replace(CARD_RE, (m) => {
			const d = m.replace(/\D/g, '');
			return d.length >= 13 && d.length <= 19 && luhnValid(d) ? MARK.card : m;
		});
	}
	if (digits >= 4 && out.includes('.')) out = out.replace(IPV4_RE, MARK.ip);
	// Full IPv6 addresses have seven colons, shortened ones "::"; times and "Logs:" have neither.
	if (colon && (out.includes('::') || /(?:[0-9A-Fa-f]{1,4}:){7}/.test(out))) {
		out = out.replace(IPV6_RE, (m) => {
			const groups = m.split(':').filter((g) => g.length > 0);
			// "::" alone, times (10:30:00) and C++/Rust paths are not addresses.
			const hexish = groups.some((g) => g.length >= 3 || /[a-f]/i.test(g));
			return (m.includes('::') ? groups.length >= 2 : groups.length === 8) && hexish ? MARK.ip : m;
		});
	}
	if (digits >= 7) {
		out = out.replace(PHONE_CONTEXT_RE, (whole, prefix: string, number: string) => {
			const n = digitCount(number);
			return n >= 7 && n <= 15 ? `${prefix}${MARK.phone}` : whole;
		});
	}
	if (digits >= 9) {
		for (const re of PHONE_RES) {
			out = out.replace(re, (m) => {
				const n = digitCount(m);
				return n >= 9 && n <= 15 ? MARK.phone : m;
			});
		}
	}
	out = out.replace(HEX_RE, MARK.secret);
	out = out.replace(TOKENISH_RE, (m) => (looksLikeSecret(m) ? MARK.secret : m));
	const names = personal.filter((v) => !/[\d@]/.test(v));
	if (names.length > 0) out = replaceWholeWords(out, names, () => MARK.name);
	return out;
}
