import { describe, expect, it } from 'vitest';
import {
	buildCoverageIndex,
	centroidVector,
	coverageFor,
	coverTickets,
	MIN_MARGIN,
	MIN_SCORE,
	scoreVector,
	type CoverageEntry,
} from '../../../src/lib/mine/coverage.ts';

/** KB articles and FAQs written the way content/ writes them: title, summary, body. */
const ENTRIES: CoverageEntry[] = [
	{
		id: 'KB-0011',
		title: 'Agent session timed out and stopped working',
		text:
			'An agent\'s model session expired, so it stopped working mid-task and shows "session expired". ' +
			'Reactivate it with its instructions; it resumes from the last commit. ' +
			'Symptoms: caro agents status lists an agent as session expired. Its last commit is several hours old, ' +
			'often overnight or after a weekend. Root cause: each agent runs in a model session that ends when idle ' +
			'longer than the session limit (8 hours by default). Solution: confirm which agent expired, then run ' +
			'caro agents activate with the activation instructions.',
	},
	{
		id: 'KB-0031',
		title: 'Turn off telemetry and clear collected data',
		text:
			'Telemetry is opt-in; turning it off stops new uploads but does not delete data already collected. ' +
			'Run caro telemetry disable or set telemetry = false in the config file. To delete what was sent, ' +
			'request deletion from the privacy page. Telemetry never includes your commands or file contents.',
	},
	{
		id: 'KB-0042',
		title: 'Webhook deliveries fail or are retried',
		text:
			'Caro retries a webhook delivery when your endpoint answers with a 5xx status or times out: ' +
			'up to 8 attempts with exponential backoff over 24 hours. Check the delivery log in the webhooks page, ' +
			'make sure your endpoint answers 2xx within 10 seconds, and verify the signature header.',
	},
	{
		id: 'KB-0005',
		title: 'Installation fails on macOS or Linux after 1.1.0-beta',
		text:
			'The install script exits with a permission error or a checksum mismatch on macOS and Linux since ' +
			'1.1.0-beta. Remove the old binary, clear the download cache and run the installer again with the ' +
			'--user flag. On Debian and Ubuntu install the missing libssl package first.',
	},
	{
		id: 'how-do-i-reset-my-password',
		title: 'How do I reset my password?',
		text:
			'Use "Forgot password" on the sign-in page. The reset link arrives by email within a few minutes and ' +
			'expires after one hour; request a new one if it has expired. Check your spam folder.',
	},
	{
		id: 'can-i-get-a-refund',
		title: 'Can I get a refund?',
		text:
			'Monthly plans are not refunded for the current month, but you can cancel any time and keep access ' +
			'until the end of the billing period. Annual plans are refunded pro rata within 30 days of renewal: ' +
			'contact billing support with your invoice number.',
	},
];

/** Groups of tickets (as clustering would hand them over) and the entry that answers each, if any. */
const GROUPS: Array<{ answer: string | null; terms: string[]; docs: string[] }> = [
	{
		answer: 'KB-0011',
		terms: ['session expired', 'agent', 'stopped'],
		docs: [
			'my agent stopped working overnight, status says session expired',
			'C2 session timed out, how do I restart it?',
			'agent shows session expired after the weekend',
		],
	},
	{
		answer: 'KB-0031',
		terms: ['telemetry', 'turn off', 'opt out'],
		docs: [
			'how do I turn off telemetry',
			'opt out of telemetry please',
			'disable telemetry in the cli',
		],
	},
	{
		answer: 'KB-0042',
		terms: ['webhook', 'failing', 'deliveries'],
		docs: [
			'webhook deliveries keep failing with 500',
			'our endpoint does not receive webhooks, they are retried',
			'why do my webhooks fail',
		],
	},
	{
		answer: 'KB-0005',
		terms: ['install', 'fails', 'permission error'],
		docs: [
			'caro install fails on Ubuntu with a permission error',
			'installer exits with an error on macOS',
			'cannot install 1.1.0 on debian',
		],
	},
	{
		answer: 'how-do-i-reset-my-password',
		terms: ['password', 'reset', 'forgot password'],
		docs: ['I forgot my password', 'password reset link expired', 'how can I reset my password'],
	},
	{
		answer: 'can-i-get-a-refund',
		terms: ['refund', 'annual plan'],
		docs: [
			'can I get a refund for my annual plan',
			'refund please',
			'I want my money back, refund the renewal',
		],
	},
	{
		answer: null,
		terms: ['vat number', 'invoice', 'company address'],
		docs: [
			'how do I add our VAT number to the invoice',
			'the invoice needs our company address',
			'put the vat id on future invoices',
		],
	},
	{
		answer: null,
		terms: ['dark mode', 'dashboard'],
		docs: [
			'is there a dark mode for the dashboard',
			'dark theme please',
			'dashboard is too bright, dark mode?',
		],
	},
	{
		answer: null,
		terms: ['okta', 'sso', 'saml'],
		docs: [
			'do you support SSO with Okta',
			'saml single sign-on setup',
			'okta integration for login',
		],
	},
	{
		answer: null,
		terms: ['office', 'visit', 'address'],
		docs: ['where is your office', 'can we visit you in person', 'what is your postal address'],
	},
	{
		answer: null,
		terms: ['export', 'csv', 'conversations'],
		docs: [
			'export all conversations to csv',
			'download my chat history as a spreadsheet',
			'csv export of agents work',
		],
	},
];

describe('coverage', () => {
	const index = buildCoverageIndex(ENTRIES);
	const best = (docs: readonly string[]): number =>
		Math.max(...scoreVector(index, centroidVector(index, docs)).score);

	it('finds the entry that answers each covered group, and none for the others', () => {
		for (const g of GROUPS) {
			const hit = coverageFor(index, [...g.docs, ...g.terms]);
			expect({ group: g.terms[0], id: hit?.id ?? null }).toEqual({
				group: g.terms[0],
				id: g.answer,
			});
		}
	});

	it('decides per ticket: every ticket of an unanswered group stays uncovered', () => {
		for (const g of GROUPS) {
			const decisions = coverTickets(index, g.docs, new Int32Array(g.docs.length));
			if (g.answer === null) expect(decisions).toEqual(g.docs.map(() => null));
			else {
				const right = decisions.filter((d) => d?.id === g.answer).length;
				expect({ group: g.terms[0], right }).toEqual({ group: g.terms[0], right: g.docs.length });
			}
		}
	});

	it('splits a mixed group: each ticket goes to the entry that answers it', () => {
		const docs = [...GROUPS[4]!.docs, ...GROUPS[5]!.docs, ...GROUPS[6]!.docs];
		const partOf = Int32Array.from(docs, (_, i) => Math.floor(i / 3));
		const ids = coverTickets(index, docs, partOf).map((d) => d?.id ?? null);
		expect(ids).toEqual([
			...GROUPS[4]!.docs.map(() => GROUPS[4]!.answer),
			...GROUPS[5]!.docs.map(() => GROUPS[5]!.answer),
			...GROUPS[6]!.docs.map(() => null),
		]);
	});

	it('separates answered from unanswered groups around the calibrated score', () => {
		const answered = GROUPS.filter((g) => g.answer).map((g) => best(g.docs));
		const unanswered = GROUPS.filter((g) => !g.answer).map((g) => best(g.docs));
		expect(Math.min(...answered)).toBeGreaterThan(MIN_SCORE);
		expect(Math.max(...unanswered)).toBeLessThan(MIN_SCORE);
	});

	it('reports score and margin in [0, 1] with the entry title', () => {
		const hit = coverageFor(index, GROUPS[4]!.docs)!;
		expect(hit.title).toBe('How do I reset my password?');
		expect(hit.section).toBeNull();
		expect(hit.score).toBeGreaterThan(0);
		expect(hit.score).toBeLessThanOrEqual(1);
		expect(hit.margin).toBeGreaterThanOrEqual(MIN_MARGIN);
		expect(hit.margin).toBeLessThanOrEqual(hit.score);
	});

	it('names the section that answers', () => {
		const withSections = buildCoverageIndex([
			...ENTRIES,
			{
				id: 'KB-0050',
				title: 'Billing and invoices',
				text: 'Invoices, payment methods and tax details.',
				sections: [
					{ heading: 'Payment methods', text: 'We accept cards and bank transfer.' },
					{
						heading: 'VAT number on invoices',
						text: 'Add your VAT number under Billing settings; future invoices show it.',
					},
				],
			},
		]);
		const hit = coverageFor(withSections, GROUPS[6]!.docs);
		expect(hit).toMatchObject({ id: 'KB-0050', section: 'VAT number on invoices' });
	});

	it('gives no weight to a term every entry shares', () => {
		const shared = buildCoverageIndex(
			ENTRIES.map((e) => ({ ...e, text: `${e.text} Caro dashboard.` })),
		);
		expect(coverageFor(shared, ['caro dashboard', 'caro dashboard help'])).toBeNull();
	});

	it('leaves a ticket uncovered when two entries answer it equally well', () => {
		const twins = buildCoverageIndex([
			{ id: 'a', title: 'Export reports', text: 'Export reports as PDF.' },
			{ id: 'b', title: 'Export reports', text: 'Export reports as PDF.' },
		]);
		expect(coverageFor(twins, ['export reports as pdf'])).toBeNull();
	});

	it('answers nothing with no entries or no words', () => {
		expect(coverageFor(buildCoverageIndex([]), ['refund please'])).toBeNull();
		expect(coverTickets(buildCoverageIndex([]), ['refund please'], [0])).toEqual([null]);
		expect(coverageFor(index, ['', '!!!'])).toBeNull();
	});
});
