/**
 * Fully synthetic KB articles about the starter product (Caro), for when the real corpus in
 * ../shared/data is absent. Deterministic: article `i` depends only on the seed and `i`. The
 * vocabulary is small next to the real corpus, so a synthetic site's Pagefind index is smaller
 * per page; benchmark figures say which corpus they used.
 */
import { KB_SECTIONS, type Severity } from '../../../src/schemas/kb.ts';
import { LAST_UPDATE, VERSION_CHOICES, isoDay, type ArticleDraft } from './convert.ts';
import { hashString, pick, seededRandom } from './random.ts';

/** The starter content's KB categories (DEVELOPERS.md), with what each is about. */
const CATEGORIES: Record<string, { subjects: string[]; tags: string[] }> = {
	installation: {
		subjects: [
			'The caro install script',
			'The Homebrew install of caro',
			'The caro binary on Linux',
			'The caro shell completion',
			'The caro self-update',
		],
		tags: ['install', 'upgrade', 'linux', 'macos', 'homebrew'],
	},
	cli: {
		subjects: [
			'The caro static matcher',
			'The caro LLM backend',
			'A generated shell command',
			'The caro safety check',
			'caro explain',
		],
		tags: ['cli', 'static-matcher', 'llm-backend', 'safety', 'shell'],
	},
	agents: {
		subjects: [
			'Agent C1 (orchestrator)',
			'Agent C2 (builder)',
			'Agent C3 (validator)',
			'The agent hand-off between C2 and C3',
			'A workspace agent session',
		],
		tags: ['agents', 'orchestrator', 'builder', 'validator', 'sessions'],
	},
	'git-sync': {
		subjects: [
			'Consolidation',
			'The workspace git push',
			'An agent commit',
			'The shared repository mirror',
			'Branch protection sync',
		],
		tags: ['git', 'consolidation', 'merge', 'commits', 'branches'],
	},
	performance: {
		subjects: [
			'Command generation',
			'The Caro Cloud dashboard',
			'Workspace start-up',
			'Agent task planning',
			'Log streaming',
		],
		tags: ['performance', 'latency', 'timeouts', 'memory', 'startup'],
	},
	'output-quality': {
		subjects: [
			'A suggested command',
			'Generated code from C2',
			"C3's validation report",
			'A commit message written by an agent',
			'The explanation of a command',
		],
		tags: ['output-quality', 'hallucination', 'prompts', 'validation', 'review'],
	},
	billing: {
		subjects: [
			'The monthly invoice',
			'API token usage',
			'The budget alert',
			'A seat change',
			'The usage export',
		],
		tags: ['billing', 'tokens', 'invoices', 'budgets', 'usage'],
	},
	webhooks: {
		subjects: [
			'An outgoing webhook',
			'The webhook retry queue',
			'Webhook signature verification',
			'The webhook delivery log',
			'A webhook endpoint test',
		],
		tags: ['webhooks', 'retries', 'signatures', 'delivery', 'http'],
	},
	integrations: {
		subjects: [
			'The Chatwoot integration',
			'The Chatwoot inbox sync',
			'Conversation import from Chatwoot',
			'The Slack Connect channel',
			'The support portal form',
		],
		tags: ['chatwoot', 'integrations', 'inbox', 'slack', 'import'],
	},
	'telemetry-privacy': {
		subjects: [
			'Telemetry opt-in',
			'The telemetry upload',
			'Data export for a privacy request',
			'Redaction of command history',
			'The telemetry status page',
		],
		tags: ['telemetry', 'privacy', 'gdpr', 'redaction', 'opt-in'],
	},
	'account-access': {
		subjects: [
			'Sign-in with SSO',
			'An API key',
			'Two-factor sign-in',
			'A workspace invitation',
			'Role assignment',
		],
		tags: ['account', 'sso', 'api-keys', '2fa', 'roles'],
	},
};

const PROBLEMS: [string, Severity][] = [
	['fails with "HTTP 401 Unauthorized"', 'high'],
	['fails with "HTTP 429 Too Many Requests"', 'medium'],
	['times out after 30 seconds', 'high'],
	['stops responding', 'critical'],
	['returns an empty result', 'medium'],
	['reports "connection reset by peer"', 'high'],
	['is slow', 'low'],
	['shows the wrong value', 'low'],
	['runs twice', 'medium'],
	['loses changes', 'critical'],
	['exits with code 137', 'high'],
	['prints a certificate error', 'medium'],
];

const CONTEXTS = [
	'after upgrading to 1.1.0',
	'on 1.1.0-beta',
	'behind a corporate proxy',
	'on macOS on Apple silicon',
	'in a CI pipeline',
	'with a large repository',
	'in an Enterprise workspace',
	'when telemetry is turned off',
	'right after sign-in',
	'on a slow network',
	'with a custom config file',
	'for users in the EU region',
	'when two agents run at once',
	'after a plan change',
];

const SYMPTOM_LINES = [
	'The status bar shows a spinner that never finishes.',
	'The same request works from another machine on the same account.',
	'Retrying immediately gives the same result; waiting ten minutes sometimes helps.',
	'The workspace activity log has a red entry at the time of the failure.',
	'Only some users in the team are affected.',
	'The problem started after the last release was installed.',
	'Support bundles collected with `caro debug-info` show repeated retries.',
	'The dashboard reports the job as finished, but nothing changed.',
	'Email notifications about the failure arrive several minutes late.',
	'The error disappears when the proxy or VPN is turned off.',
];

const CAUSES = [
	'The client caches a credential longer than the server accepts it, so requests after the expiry are rejected until the cache is refreshed.',
	'A default changed between 1.0.2 and 1.1.0, and configuration files written by older versions still carry the old value.',
	'The request passes through a proxy that strips headers Caro needs, so the server cannot match it to the account.',
	'Two processes write the same state file; the slower one overwrites the newer state with an older copy.',
	'The retry policy backs off exponentially, and a long outage pushes the next attempt far beyond what users expect.',
	'Rate limits apply per workspace, not per user, so one busy automation can use up the allowance for everyone.',
	'The validator compares against a cached copy of the repository that is one consolidation behind.',
	'A time zone mismatch between the workspace and the user account shifts the boundaries of daily limits.',
];

const STEPS = [
	'Check the installed version with `caro --version` and update if it is older than 1.1.0',
	'Collect a support bundle with `caro debug-info` and keep it for the ticket',
	'Sign out and sign in again to refresh the cached credential',
	'Open the workspace settings and compare the value with the defaults listed in the release notes',
	'Turn off the proxy or VPN for one attempt to see whether it is involved',
	'Pause other automations that use the same workspace, then retry',
	'Run consolidation manually from the workspace menu and wait for it to finish',
	'Rotate the API key and update it everywhere it is stored',
	'Ask a workspace owner to check the audit log for changes at the time of the failure',
	'Retry the action and confirm the result in the activity log',
];

const COMMANDS = [
	'caro --version\ncaro debug-info > caro-debug-info.txt',
	'caro auth logout\ncaro auth login',
	'CARO_LOG=debug caro "list files changed today" 2> caro-debug.log',
	'caro config get backend.timeout\ncaro config set backend.timeout 60',
	'caro workspace consolidate --wait',
	'caro webhooks deliveries --failed --since 1h',
];

const PREVENTIONS = [
	'Keep caro on the latest release; fixes for this kind of problem ship in patch releases.',
	'Review the release notes before upgrading, and test the upgrade on one machine first.',
	'Set a budget alert and a usage report, so unusual activity shows up early.',
	'Store API keys in a secret manager and rotate them on a schedule.',
	'Give automations their own workspace or key, so their limits do not affect people.',
	'Keep `CARO_LOG=info` in CI, so failures keep enough detail to diagnose later.',
	'Subscribe to the status page to hear about incidents before users report them.',
];

function sample<T>(list: readonly T[], n: number, rand: () => number): T[] {
	const pool = [...list];
	const out: T[] = [];
	while (out.length < n && pool.length > 0)
		out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
	return out;
}

/** One synthetic KB draft; the same `seed` and `index` always give the same article. */
export function syntheticDraft(index: number, seed: number): ArticleDraft {
	const rand = seededRandom(hashString(`synthetic:${seed}:${index}`));
	const categories = Object.keys(CATEGORIES);
	const category = categories[index % categories.length]!;
	const { subjects, tags } = CATEGORIES[category]!;
	const subject = pick(subjects, rand());
	const [problem, severity] = pick(PROBLEMS, rand());
	const context = pick(CONTEXTS, rand());
	const title = `${subject} ${problem} ${context}`;
	const summary =
		`${subject} ${problem} ${context}. ${pick(CAUSES, rand()).split('. ')[0]!.replace(/\.$/, '')}.`.slice(
			0,
			200,
		);
	const steps = sample(STEPS, 3 + Math.floor(rand() * 4), rand);
	const command = pick(COMMANDS, rand());
	const sections = [
		[
			`${subject} ${problem} ${context}.`,
			'',
			...sample(SYMPTOM_LINES, 3 + Math.floor(rand() * 3), rand).map((l) => `- ${l}`),
		].join('\n'),
		sample(CAUSES, 1 + Math.floor(rand() * 2), rand).join('\n\n'),
		[
			...steps.map((s, i) => `${i + 1}. **${s}** (${1 + Math.floor(rand() * 10)} min).`),
			'',
			'The commands for the first steps:',
			'',
			'```bash',
			command,
			'```',
		].join('\n'),
		sample(PREVENTIONS, 2 + Math.floor(rand() * 2), rand)
			.map((p) => `- ${p}`)
			.join('\n'),
	];
	const start = Date.UTC(2026, 0, 1);
	const days = Math.round((Date.parse(LAST_UPDATE) - start) / 86_400_000);
	return {
		source: `synthetic:${index}`,
		title,
		summary,
		severity,
		affectedVersions: pick(VERSION_CHOICES, rand()),
		category,
		tags: sample(tags, 2 + Math.floor(rand() * 2), rand),
		updated: isoDay(start + Math.floor(rand() * (days + 1)) * 86_400_000),
		body: `${KB_SECTIONS.map((name, i) => `## ${name}\n\n${sections[i]}`).join('\n\n')}\n`,
	};
}
