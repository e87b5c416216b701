/**
 * Cleaning of ticket text before analysis: HTML to text, then the parts of an e-mail that are not
 * the customer's question are cut (quoted reply history, signatures, greetings, sign-offs). The
 * names found in greetings and sign-offs are returned so redaction can hide them everywhere.
 */
import { compile } from 'html-to-text';
import { cutDeveloperNoise, looksTechnical } from './clean-dev.ts';

/** Text after cleaning, and the personal names its greeting and sign-off revealed. */
export interface Cleaned {
	text: string;
	names: string[];
}

const htmlToText = compile({
	wordwrap: false,
	selectors: [
		// Link targets can carry tokens and tracking IDs; the visible text is what the customer wrote.
		{ selector: 'a', options: { ignoreHref: true } },
		{ selector: 'img', format: 'skip' },
		// Quoted history and signatures in the HTML of Gmail, Outlook, Apple Mail and Thunderbird.
		{ selector: 'blockquote', format: 'skip' },
		{ selector: 'div.gmail_quote', format: 'skip' },
		{ selector: 'div.gmail_signature', format: 'skip' },
		{ selector: 'div.moz-signature', format: 'skip' },
		{ selector: 'div#divRplyFwdMsg', format: 'skip' },
		{ selector: 'div#Signature', format: 'skip' },
		{ selector: 'style', format: 'skip' },
		{ selector: 'script', format: 'skip' },
		...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
			selector,
			options: { uppercase: false },
		})),
		{ selector: 'table', options: { uppercaseHeaderCells: false } },
	],
});

/** Raw text longer than this is cut before cleaning: the question is at the top of a ticket. */
export const RAW_LIMIT = 32_000;

// Header lines that start quoted history in the clients people write support mail from.
const REPLY_HEADER = [
	/^On\b.{0,300}\bwrote:\s*$/i,
	/^-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}/i,
	/^(?:Le|Am|El|Il|Op|Den)\s.{0,300}(?:a écrit|schrieb|escribió|ha scritto|schreef|skrev)\s*:?\s*$/i,
	/^Begin forwarded message:?\s*$/i,
	/^_{10,}\s*$/,
];
const OUTLOOK_FROM = /^\*?(?:From|Von|De)\s*:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\*?(?:Sent|Date|To|Subject|Gesendet|An|Betreff|Envoyé|Objet)\s*:/i;
const MOBILE_SIGNATURE =
	/^(?:Sent from my \S+|Sent from (?:Mail|Outlook|Yahoo Mail|Gmail) for \S+|Get Outlook for \S+|Sent from Mail for Windows|Envoyé de mon \S+|Von meinem \S+ gesendet)/i;
const SIGN_OFF =
	/^(?:thanks|thank you|thanks again|thanks in advance|thank you in advance|many thanks|thanks a lot|thx|cheers|regards|best regards|kind regards|warm regards|warmest regards|best wishes|best|all the best|sincerely|yours sincerely|yours truly|respectfully|take care|talk soon|br|kr|mfg|viele grüße|liebe grüße|cordialement|saludos)\b/i;
const INLINE_SIGN_OFF =
	/[.!?]\s+(?:[Tt]hanks|[Tt]hank you|[Cc]heers|[Rr]egards|[Bb]est regards|[Kk]ind regards|[Bb]est)[,!.]?\s*((?:\p{Lu}[\p{L}'’-]*\s*){0,3})[.!]?\s*$/u;
const GREETING =
	/^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|hallo|hola|bonjour|howdy|moin|servus)\b/i;
// Words a greeting addresses that are not names ("Hello team", "Dear Sir or Madam").
const NOT_NAMES = new Set(
	(
		'team all everyone everybody there folks guys friends people support sir madam sirs or and ' +
		'caro cloud again support-team customer service admin admins devs developers hiring'
	).split(' '),
);
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*$/u;

function nameWords(text: string): string[] {
	return text
		.split(/[\s,&/+]+/)
		.map((w) => w.replace(/[.!:;]+$/, ''))
		.filter((w) => NAME_WORD.test(w) && !NOT_NAMES.has(w.toLowerCase()) && w.length >= 2);
}

function cutQuotedHistory(lines: string[]): string[] {
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.trim();
		let header = REPLY_HEADER.some((re) => re.test(line));
		// Gmail wraps "On <date>, <name> <address>" and "wrote:" onto two lines.
		if (!header && /^On\s/.test(line) && /\bwrote:\s*$/.test(lines[i + 1] ?? '')) header = true;
		if (!header && OUTLOOK_FROM.test(line)) {
			header = lines.slice(i + 1, i + 5).some((l) => OUTLOOK_NEXT.test(l.trim()));
		}
		if (header) {
			const kept = lines.slice(0, i);
			// A forward with nothing above it: the forwarded text is the question.
			if (kept.some((l) => /\p{L}{2}/u.test(l))) return kept;
		}
	}
	return lines;
}

function cutSignature(lines: string[], names: string[]): string[] {
	let end = lines.length;
	for (let i = 0; i < end; i++) {
		const line = lines[i]!;
		if (line === '-- ' || line.trim() === '--' || MOBILE_SIGNATURE.test(line.trim())) {
			end = i;
			break;
		}
	}
	// A sign-off only counts near the end: a few short lines (name, title, company) may follow.
	for (let i = end - 1; i >= Math.max(0, end - 7); i--) {
		const line = lines[i]!.trim();
		const m = SIGN_OFF.exec(line);
		if (!m) continue;
		const rest = line.slice(m[0].length).trim();
		// "Thanks for the quick reply, it works now" is a sentence, not a sign-off.
		if (rest !== '' && !/^[,.!\s-]*(?:\p{Lu}[\p{L}'’-]*\s*){0,3}[.!]?$/u.test(rest)) continue;
		const after = lines.slice(i + 1, end).filter((l) => l.trim() !== '');
		if (after.length > 5 || after.some((l) => l.trim().length > 60)) continue;
		names.push(...nameWords(rest));
		// The first line after a bare sign-off is usually the name ("Anna Schmidt | Acme").
		const first = after[0]?.split(/[|,(–-]/)[0]?.trim() ?? '';
		if (first !== '' && !/\d/.test(first) && first.split(/\s+/).length <= 3) {
			names.push(...nameWords(first));
		}
		end = i;
		return lines.slice(0, end);
	}
	// Chat messages put the sign-off on the question's own line: "… fails. Thanks, Anna".
	const last = end - 1;
	const inline = last >= 0 ? INLINE_SIGN_OFF.exec(lines[last]!) : null;
	if (inline) {
		names.push(...nameWords(inline[1] ?? ''));
		return [...lines.slice(0, last), lines[last]!.slice(0, inline.index + 1)];
	}
	return lines.slice(0, end);
}

/**
 * Greeting lines ("Hi Anna,") and sign-off blocks ("Best regards," then a name) anywhere in the
 * text: issue templates put headings above the greeting and sections below the sign-off, so
 * their names are collected even where nothing is cut.
 */
function collectNames(lines: string[], names: string[]): string[] {
	const kept: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.trim();
		const greeting = GREETING.exec(line);
		if (greeting) {
			const addressed = line.slice(greeting[0].length);
			if (/^[^.?]{0,40}[,!:]?$/.test(addressed) && addressed.trim().split(/\s+/).length <= 4) {
				names.push(...nameWords(addressed));
				continue;
			}
		}
		const signOff = SIGN_OFF.exec(line);
		if (signOff && /^[\s,.!-]*$/.test(line.slice(signOff[0].length))) {
			const next = lines[i + 1]?.split(/[|,(–-]/)[0]?.trim() ?? '';
			const found = nameWords(next);
			if (next !== '' && !/\d/.test(next) && next.split(/\s+/).length <= 3 && found.length > 0) {
				names.push(...found);
				// A signature block above more text (an issue template's next section): drop the
				// block up to the next blank line.
				while (i + 1 < lines.length && lines[i + 1]!.trim() !== '') i++;
				continue;
			}
		}
		kept.push(lines[i]!);
	}
	return kept;
}

function cutGreeting(lines: string[], names: string[]): string[] {
	const i = lines.findIndex((l) => l.trim() !== '');
	if (i < 0) return lines;
	const line = lines[i]!.trim();
	const m = GREETING.exec(line);
	if (!m) return lines;
	// "Hi Anna," alone, or "Hi Anna, my webhook fails" with the question on the same line.
	const stop = /[,!:;\n]|\s[-–]\s/.exec(line.slice(m[0].length));
	const end = stop ? m[0].length + stop.index + stop[0].length : line.length;
	const addressed = line.slice(m[0].length, stop ? m[0].length + stop.index : line.length);
	if (addressed.trim().split(/\s+/).length > 4) return lines;
	names.push(...nameWords(addressed));
	const rest = line.slice(end).trim();
	return [...lines.slice(0, i), ...(rest === '' ? [] : [rest]), ...lines.slice(i + 1)];
}

/** Whether a text is HTML rather than plain text that mentions a tag. */
export function looksLikeHtml(text: string): boolean {
	return /<(?:p|div|br|span|html|body|table|blockquote|ul|ol|li|a|b|i|strong|em|h[1-6]|font|pre)\b[^>]*>/i.test(
		text,
	);
}

/** Cut `text` to at most `limit` characters at a word boundary, dropping the cut word. */
export function capText(text: string, limit: number): string {
	if (text.length <= limit) return text;
	const cut = text.slice(0, limit);
	const space = cut.search(/\s\S*$/);
	// The cut word could be half a secret the redactor no longer recognises: drop it entirely.
	return (space > 0 ? cut.slice(0, space) : '').trimEnd();
}

/**
 * Clean one customer message: HTML to text, quoted history, `>` lines, signatures, sign-offs and
 * the greeting removed, whitespace collapsed to single spaces.
 */
export function cleanMessage(input: string, options: { html?: boolean } = {}): Cleaned {
	let text = capText(input, RAW_LIMIT * (options.html ? 2 : 1));
	if (options.html ?? looksLikeHtml(text)) text = htmlToText(text);
	const names: string[] = [];
	let lines = text
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/\r\n?/g, '\n')
		.replace(/[\u00a0\u2007\u202f]/g, ' ')
		.replace(/[\u200b-\u200d\ufeff]/g, '')
		.split('\n');
	if (looksTechnical(text)) lines = cutDeveloperNoise(lines);
	lines = cutQuotedHistory(lines);
	lines = lines.filter((l) => !/^\s*>/.test(l));
	lines = cutSignature(lines, names);
	lines = cutGreeting(lines, names);
	lines = collectNames(lines, names);
	return {
		names: [...new Set(names)],
		text: lines
			.map((l) => l.trim())
			.filter((l) => l !== '')
			.join(' ')
			.replace(/\s+/g, ' '),
	};
}

/** A subject without reply and forward prefixes (`Re:`, `Fwd:`, `AW:`) or ticket numbers (`[#123]`). */
export function cleanSubject(subject: string): string {
	return subject
		.replace(/\s+/g, ' ')
		.replace(
			/^(?:\s*(?:re|fw|fwd|aw|wg|tr|sv|vs)\s*(?:\[\d+\])?\s*:\s*|\s*\[#?[\w-]*\d+\]\s*)+/i,
			'',
		)
		.trim();
}
