/**
 * Synthetic support tickets for the ticket-mining speed benchmark: realistic in shape (greeting,
 * the question in one of several phrasings with product details filled in, context, sign-off,
 * typos), Zipf-distributed over a few hundred questions, and fully determined by a seed. Each
 * ticket carries the id of the question it asks, so the benchmark can also score the grouping.
 */
import { seededRandom } from './random.ts';

/** Values for the `{slot}`s of the phrasings. */
const SLOTS: Record<string, readonly string[]> = {
	ver: ['1.1.0', '1.1.0-beta', '1.0.2', '1.0.1', '1.0.0'],
	os: ['macOS', 'Ubuntu 24.04', 'Debian 12', 'Fedora', 'Windows with WSL', 'Arch Linux'],
	agent: ['C1', 'C2', 'C3', 'the orchestrator', 'the builder agent', 'the validator'],
	n: ['2', '3', '5', '10', '20', '45'],
	when: ['since yesterday', 'this morning', 'after the upgrade', 'for a week', 'since Monday'],
	plan: ['Pro', 'Team', 'Enterprise', 'Starter'],
	shell: ['zsh', 'bash', 'fish'],
};

/**
 * Question families: each phrasing pattern is one way to ask; `{x|y}` picks one alternative.
 * Several families are near neighbours on purpose (install fails vs crashes on start), as in real
 * inboxes.
 */
const QUESTIONS: readonly (readonly string[])[] = [
	[
		'caro install fails on {os}',
		'installation of caro {ver} {fails|breaks|errors out} on {os}',
		'cannot install the caro cli on my {os} machine',
		'install script exits with an error on {os}',
	],
	[
		'caro crashes on startup after upgrading to {ver}',
		'after updating to {ver} the cli crashes {when}',
		'caro segfaults when I start it since {ver}',
		'the cli dies immediately on launch after the {ver} update',
	],
	[
		'how do I turn off telemetry',
		'how can I opt out of telemetry in caro',
		'disable usage data collection please',
		'is there a setting to stop caro sending telemetry',
	],
	[
		'telemetry upload errors slow down every command',
		'every caro command hangs for seconds uploading telemetry',
		'caro exits slowly because of telemetry upload errors',
	],
	[
		'agent {agent} stopped responding',
		'{agent} has not committed anything {when}',
		'my {agent} agent is stuck and does nothing',
		'{agent} not responding, no commits for hours',
	],
	[
		'agent session expired overnight',
		'the {agent} session timed out and stopped working',
		'session expired message on {agent}, how to restart it',
	],
	[
		'merge conflicts when agents edit the same file',
		'C2 and C3 keep creating merge conflicts',
		'consolidation fails with conflicts between agents',
	],
	[
		'how do I cancel my subscription',
		'I want to cancel the {plan} plan',
		'please cancel my caro cloud subscription',
		'how can I stop my {plan} subscription renewing',
	],
	[
		'can I get a refund for this month',
		'requesting a refund for the {plan} plan',
		'I was charged after cancelling and want my money back',
		'refund please, I did not use caro cloud {when}',
	],
	[
		'why is my invoice higher than expected',
		'token usage bill is much higher {when}',
		'we were billed for {n} million tokens, that seems wrong',
		'unexpected charges on our {plan} invoice',
	],
	[
		'how do I set a usage budget alert',
		'can I cap token spending per month',
		'budget alert triggered, what does it mean',
		'set a spending limit for our workspace',
	],
	[
		'webhook deliveries are failing',
		'our endpoint does not receive webhooks {when}',
		'webhooks return 500 and are retried',
		'webhook delivery failed {n} times',
	],
	[
		'how does the webhook retry policy work',
		'how many times are webhooks retried',
		'what is the backoff for failed webhook deliveries',
	],
	[
		'how do I verify the webhook signature',
		'webhook signature check fails',
		'hmac signature on webhooks does not match',
	],
	[
		'chatwoot integration not syncing conversations',
		'messages from chatwoot do not show up',
		'the chatwoot inbox stopped syncing {when}',
	],
	[
		'how do I connect chatwoot to caro',
		'set up the chatwoot integration',
		'where do I put the chatwoot api token',
	],
	[
		'I forgot my password',
		'password reset email never arrives',
		'cannot log in, reset link expired',
		'how do I reset my caro cloud password',
	],
	[
		'two factor code not accepted',
		'2fa code is always invalid',
		'lost my phone with the authenticator, cannot log in',
	],
	[
		'how do I invite a teammate to the workspace',
		'add a new member to our {plan} workspace',
		'invite link for my team does not work',
	],
	[
		'the static matcher gives the wrong command',
		'caro suggested a dangerous command for a simple request',
		'wrong shell command generated for "list files"',
	],
	[
		'caro is slow to answer',
		'the llm backend takes {n} seconds per request',
		'commands take forever to generate {when}',
	],
	[
		'api requests fail with 429 too many requests',
		'rate limited by the api {when}',
		'getting http 429 from caro cloud',
	],
	[
		'shell completion does not work in {shell}',
		'tab completion missing for caro in {shell}',
		'how to enable {shell} completions',
	],
	[
		'repository is bloated and clones are slow',
		'our agents repo grew to {n} GB',
		'git clone of the workspace takes forever',
	],
	[
		'agent works from a stale branch',
		'{agent} is building on an old branch',
		'agents ignore the latest main branch',
	],
	[
		'how do I export my data',
		'can I download all workspace data',
		'export conversations and commits before leaving',
	],
	[
		'delete my account',
		'how do I close my caro account',
		'please remove all my personal data (gdpr)',
	],
	[
		'does caro support windows',
		'is there a native windows build',
		'can I run caro on windows without wsl',
	],
	[
		'which llm provider does caro use',
		'can I bring my own model api key',
		'switch the llm backend to a local model',
	],
	[
		'validator C3 approves broken code',
		'C3 did not catch failing tests',
		'validation passed but the output has errors',
	],
];

/** Openers, context and sign-offs that real tickets wrap around the question. */
const OPENERS = ['', '', 'Hi,', 'Hello team,', 'Hey there,', 'Good morning,', 'Hi support,'];
const CONTEXT = [
	'',
	'',
	'',
	"I'm on version {ver} on {os}.",
	'This started {when}.',
	'We are on the {plan} plan.',
	'It worked fine before.',
	'Restarting did not help.',
	'Happens for {n} of our users.',
	'Urgent, our team is blocked.',
];
const CLOSERS = [
	'',
	'',
	'Thanks!',
	'Thanks in advance.',
	'Regards, Sam',
	'Cheers',
	'Please help.',
	'Best, Priya',
];

/** Parts of the product, each with the names customers use for it. */
const AREAS: readonly (readonly string[])[] = [
	['the dashboard', 'the web dashboard', 'the cloud dashboard'],
	['the billing page', 'billing settings', 'the billing tab'],
	['the webhook settings', 'the webhooks page', 'webhook configuration'],
	['the agents view', 'the agent list', 'the agents tab'],
	['the usage report', 'the token usage report', 'usage statistics'],
	['the team settings', 'the team members page', 'team management'],
	['the api keys page', 'api key management', 'my api keys'],
	['the audit log', 'the audit trail', 'audit history'],
	['the cli config file', 'caro config', 'the config file'],
	['the git sync', 'repository sync', 'git synchronisation'],
	['the chatwoot inbox', 'the chatwoot integration', 'chatwoot sync'],
	['the status page', 'the service status page', 'status dashboard'],
	['the onboarding wizard', 'the setup wizard', 'onboarding'],
	['the docs search', 'the help center search', 'search in the docs'],
	['the email notifications', 'notification emails', 'alert emails'],
	['the sso login', 'single sign-on login', 'saml sso'],
	['the export tool', 'data export', 'the export button'],
	['the model picker', 'the model setting', 'model selection'],
];

/** Problems that can hit any area; `{a}` is the area's name. */
const PROBLEMS: readonly (readonly string[])[] = [
	[
		'{a} {shows|displays|gives me} a blank page',
		'{a} is {blank|empty|all white} {when}',
		'blank {white|} page when I {open|load|go to} {a}',
	],
	[
		'{a} is {very|really|extremely} slow',
		'{a} takes {n} seconds to load, {so|way too} slow',
		'why is {a} so slow {when}',
	],
	[
		'{a} {shows|throws|returns} an error 500',
		'internal server error 500 on {a}',
		'{getting|I get|we see} a 500 error when opening {a}',
	],
	[
		'{where|how} do I find {a}',
		'{how can I|where can I} find {a}',
		'{cannot|can not|unable to} find {a} anywhere',
	],
	[
		'{a} {shows|has|reports} wrong numbers',
		'the numbers in {a} are {wrong|incorrect|off}',
		'{a} has wrong totals',
	],
	[
		'I do not have permission to {open|view|use} {a}',
		'permission denied {on|for|when opening} {a}',
		'{a} says I have no permission',
	],
	[
		'{a} is missing after the {ver} update',
		'since {ver} {a} is missing',
		'{a} went missing {in|after} {ver}',
	],
	[
		'can {a} be translated to {German|French|Spanish}',
		'is {a} translated into other languages',
		'translation of {a} {to|into} {French|German|Japanese}',
	],
	[
		'{how do I|how can I|is there a way to} change {a}',
		'change {a} settings',
		'can I change how {a} works',
	],
	[
		'{a} {logs|signs|kicks} me out',
		'I get logged out every time I {open|use} {a}',
		'logged out {when|while} using {a}',
	],
];

/** A question id: the hand-written families first, then every area × problem pair. */
const TOTAL_QUESTIONS = QUESTIONS.length + AREAS.length * PROBLEMS.length;

function phrasingsOf(question: number, pick: (n: number) => number): string {
	if (question < QUESTIONS.length) {
		const family = QUESTIONS[question]!;
		return family[pick(family.length)]!;
	}
	const q = question - QUESTIONS.length;
	const area = AREAS[Math.floor(q / PROBLEMS.length)]!;
	const problem = PROBLEMS[q % PROBLEMS.length]!;
	return problem[pick(problem.length)]!.replace('{a}', area[pick(area.length)]!);
}

/** A generated ticket and the id of the question it asks. */
export interface SyntheticTicket {
	text: string;
	question: number;
}

function fill(template: string, pick: (n: number) => number): string {
	return template
		.replace(/\{([^{}|]*)\|([^{}]*)\}/g, (_, a: string, rest: string) => {
			const options = [a, ...rest.split('|')];
			return options[pick(options.length)]!;
		})
		.replace(/\{([a-z]+)\}/g, (_, slot: string) => {
			const values = SLOTS[slot] ?? [slot];
			return values[pick(values.length)]!;
		});
}

/** Swaps two adjacent letters of a word now and then, as hurried typing does. */
function typos(text: string, random: () => number, rate: number): string {
	return text.replace(/[a-z]{4,}/g, (w) => {
		if (random() >= rate) return w;
		const i = 1 + Math.floor(random() * (w.length - 2));
		return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
	});
}

/**
 * `count` tickets from seed `seed`. Question popularity is Zipf-like (s = 1.1): a few questions
 * make up most tickets and a long tail is rare, as in real support queues.
 */
export function syntheticTickets(count: number, seed = 1): SyntheticTicket[] {
	const random = seededRandom(seed);
	const pick = (n: number): number => Math.floor(random() * n);
	const total = TOTAL_QUESTIONS;
	// Popularity rank is a seeded shuffle of the question ids, so neighbours in id are not also
	// neighbours in size.
	const ids = Array.from({ length: total }, (_, i) => i);
	for (let i = total - 1; i > 0; i--) {
		const j = pick(i + 1);
		[ids[i], ids[j]] = [ids[j]!, ids[i]!];
	}
	const cumulative = new Float64Array(total);
	let acc = 0;
	for (let r = 0; r < total; r++) cumulative[r] = acc += 1 / (r + 1) ** 1.1;
	const out: SyntheticTicket[] = new Array(count);
	for (let t = 0; t < count; t++) {
		const x = random() * acc;
		let lo = 0;
		let hi = total - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cumulative[mid]! < x) lo = mid + 1;
			else hi = mid;
		}
		const question = ids[lo]!;
		const phrasing = phrasingsOf(question, pick);
		const parts = [
			OPENERS[pick(OPENERS.length)]!,
			fill(phrasing, pick) + (random() < 0.5 ? '?' : '.'),
			fill(CONTEXT[pick(CONTEXT.length)]!, pick),
			CLOSERS[pick(CLOSERS.length)]!,
		];
		let text = typos(parts.filter(Boolean).join(' '), random, 0.04);
		if (random() < 0.3) text = text.toLowerCase();
		out[t] = { text, question };
	}
	return out;
}
