import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analyseTexts, clusterTexts, type Cluster } from '../../../src/lib/mine/cluster.ts';
import { CommunityGraph } from '../../../src/lib/mine/cluster-community-graph.ts';
import { joinCommunities, type CommunitySum } from '../../../src/lib/mine/cluster-join.ts';
import { scoreClustering } from '../../../src/lib/mine/metrics.ts';
import { words } from '../../../src/lib/mine/text.ts';

/** Five ways each of asking six different questions, as customers write them. */
const QUESTIONS = [
	[
		'How do I reset my password?',
		'I forgot my password, how can I reset it?',
		'Password reset link does not work',
		'Need to reset the password for my account',
		'cant log in, forgot password',
	],
	[
		'Can I get a refund for last month?',
		'I want a refund for my subscription',
		'Please refund the charge from yesterday',
		'How do I request a refund?',
		'refund for an unused annual plan',
	],
	[
		'Webhook deliveries keep failing with 500',
		'Our webhooks are failing since Monday',
		'webhook delivery failed, endpoint returns error',
		'Why do my webhooks fail?',
		'failing webhook deliveries to our server',
	],
	[
		'How do I turn off telemetry?',
		'Disable telemetry in the CLI',
		'Can I opt out of telemetry data collection?',
		'turn telemetry off please',
		'where is the setting to disable telemetry',
	],
	[
		'caro install fails on Ubuntu',
		'Installation fails with a permission error',
		'the install script fails on macOS',
		'cannot install caro, installer exits with an error',
		'install of 1.1.0 fails on Debian',
	],
	[
		'Agent C2 stopped responding',
		'C3 agent is not responding since this morning',
		'my agent stopped working and does not respond',
		'agents not responding, no commits for hours',
		'the builder agent stopped responding overnight',
	],
];
const DOCS = QUESTIONS.flat();
const questionOf = QUESTIONS.flatMap((q, i) => q.map(() => i));

/** Clusters as sorted lists of texts, sorted: comparable whatever the indices. */
function asTextSets(clusters: readonly Cluster[], docs: readonly string[]): string[][] {
	return clusters
		.map((c) => c.members.map((m) => docs[m]!).sort())
		.sort((a, b) => (a.join('\n') < b.join('\n') ? -1 : 1));
}

function expectPartition(clusters: readonly Cluster[], n: number): void {
	const seen = clusters.flatMap((c) => c.members).sort((a, b) => a - b);
	expect(seen).toEqual(Array.from({ length: n }, (_, i) => i));
	for (const c of clusters) {
		expect(c.members).toEqual([...c.members].sort((a, b) => a - b));
		expect(c.members).toContain(c.representative);
	}
}

describe('clusterTexts', () => {
	it('puts every ticket in exactly one cluster, empty ones and duplicates included', () => {
		const docs = [...DOCS, '', 'hi thanks', DOCS[0]!, DOCS[0]!];
		const clusters = clusterTexts(docs);
		expectPartition(clusters, docs.length);
		// Identical tickets always share a cluster.
		const home = clusters.find((c) => c.members.includes(0))!;
		expect(home.members).toEqual(expect.arrayContaining([docs.length - 2, docs.length - 1]));
		// A ticket with no content words stands alone.
		expect(clusters.find((c) => c.members.includes(DOCS.length))!.members).toEqual([DOCS.length]);
	});

	it('returns nothing for no tickets and one cluster for one ticket', () => {
		expect(clusterTexts([])).toEqual([]);
		const [only] = clusterTexts(['my webhook fails']);
		expect(only!.members).toEqual([0]);
		expect(only!.representative).toBe(0);
	});

	it('groups different wordings of one question and keeps different questions apart', () => {
		const clusters = clusterTexts(DOCS);
		const pred = new Array<number>(DOCS.length);
		clusters.forEach((c, i) => c.members.forEach((m) => (pred[m] = i)));
		expect(clusters).toHaveLength(QUESTIONS.length);
		for (const c of clusters) {
			expect(new Set(c.members.map((m) => questionOf[m]))).toEqual(
				new Set([questionOf[c.members[0]!]]),
			);
		}
	});

	it('gives the same groups from texts analysed once and clustered at several settings', () => {
		// The miner clusters one analysis twice (mine.ts); the kept first-round graph must not
		// change either result, whichever setting runs first, and on the sample-and-assign path.
		const settings = [
			{},
			{ resolution: 15, join: false },
			{ sampleSize: 12 },
			{ sampleSize: 12, resolution: 15 },
		];
		const fresh = settings.map((o) => clusterTexts(DOCS, o));
		const once = analyseTexts(DOCS);
		expect(settings.map((o) => clusterTexts(once, o))).toEqual(fresh);
		const reversed = analyseTexts(DOCS);
		expect([...settings].reverse().map((o) => clusterTexts(reversed, o))).toEqual(
			[...fresh].reverse(),
		);
	});

	it('is deterministic and does not depend on the order of the tickets', () => {
		const first = clusterTexts(DOCS);
		expect(clusterTexts(DOCS)).toEqual(first);
		// A fixed shuffle (reversal interleaved) of the same tickets.
		const shuffled = [...DOCS].reverse().sort((a, b) => (a.length % 3) - (b.length % 3));
		const again = clusterTexts(shuffled);
		expect(asTextSets(again, shuffled)).toEqual(asTextSets(first, DOCS));
		const labels = (cs: readonly Cluster[], docs: readonly string[]): Map<string, string> =>
			new Map(
				cs.map((c) => [
					c.members
						.map((m) => docs[m]!)
						.sort()
						.join('|'),
					c.label,
				]),
			);
		expect(labels(again, shuffled)).toEqual(labels(first, DOCS));
	});

	it('describes each group with words its tickets use, not stems', () => {
		const clusters = clusterTexts(DOCS);
		for (const c of clusters) {
			// Whole words of the group's tickets: a stem such as "deliveri" would not be one.
			const used = new Set(c.members.flatMap((m) => words(DOCS[m]!)));
			expect(c.terms.length).toBeGreaterThan(0);
			for (const term of c.terms) for (const word of term.split(' ')) expect(used).toContain(word);
			expect(c.label).toBe(c.terms.slice(0, c.label.split(' · ').length).join(' · '));
		}
		const labels = clusters.map((c) => c.label).join('\n');
		for (const topic of ['password', 'refund', 'webhook', 'telemetry', 'install', 'agent']) {
			expect(labels).toContain(topic);
		}
	});

	it('lets weighted pseudo-documents such as zero-result searches join their question', () => {
		const docs = [...DOCS, 'reset password', 'disable telemetry'];
		const weights = docs.map((_, i) => (i >= DOCS.length ? 0.3 : 1));
		const clusters = clusterTexts(docs, { weights });
		expectPartition(clusters, docs.length);
		const home = (i: number): Cluster => clusters.find((c) => c.members.includes(i))!;
		expect(home(DOCS.length).members).toContain(0);
		expect(home(DOCS.length + 1).members).toContain(15);
	});
});

/**
 * A small export where one question (many wordings) is 40% of the tickets, as the mining report's
 * first reader meets it: it must be one group, not as many as the resolution allows.
 */
const COMMON = [
	'caro: command not found after npm install',
	'I installed caro with npm install -g and the shell says command not found',
	'After npm install -g caro the terminal cannot find the caro command',
	'zsh: command not found: caro, right after the global npm install',
	'caro command not found after installing it with npm',
	'npm install -g caro finished but caro is not found in my terminal',
	'bash says caro: command not found although npm install worked',
	'cannot run caro after npm install, command not found',
	'Installed the caro CLI with npm, now command not found. Which folder goes on my PATH?',
	'caro not found on PATH after npm global install',
	'command not found: caro (installed with npm install -g caro)',
	'how do I fix caro command not found after the npm install?',
];
const COMMON_DOCS = [...COMMON, ...DOCS.slice(0, 18)];

/** The fixture exports' eleven questions: five are wordings of two, three of one more. */
const FIXTURE = [
	[
		'Webhook retries stop after three attempts. Our webhook endpoint returned 500 for a few minutes and Caro stopped retrying after 3 attempts. How does the webhook retry policy work, and can we raise the number of retries?',
		'Failed webhook deliveries are not retried. Deliveries to our webhook failed with a timeout and were never retried. What is the retry policy for failed webhook deliveries?',
		'How many times is a webhook retried? How many times does Caro retry a failed webhook delivery, and how long does it wait between retries?',
		'webhook retry policy. Our receiver was down during a deploy. Does Caro retry webhook deliveries later, and how many retries happen before it gives up?',
	],
	[
		'caro: command not found after npm install. I installed the caro CLI 1.1.0 with npm install -g and the shell says caro: command not found. How do I fix the PATH?',
		'CLI not found after installing. After npm install -g caro the terminal cannot find the caro command. Which folder has to be on my PATH?',
		'command not found: caro. zsh says command not found: caro right after the global npm install finished without errors.',
	],
	[
		'Billed for more tokens than we used. Our invoice lists far more API tokens than our workspace used this month. How are API tokens counted for billing?',
		'Token usage on invoice too high. The token usage on the invoice is twice what the dashboard shows. Why is our bill for API tokens higher than our usage?',
	],
	[
		'Turn off telemetry. How do I opt out of telemetry in the caro CLI? Our security team does not allow it.',
	],
	[
		'Consolidation fails with merge conflict. Consolidation failed with a merge conflict between the work of C2 and C3 and the agents stopped. How do we resolve it?',
	],
];
/** Each wording five times with different trailing noise, as the five exports hold them. */
const NOISE = [
	'',
	' Thanks, Sam',
	' Sent from my phone.',
	' We are on the Team plan.',
	' Ticket raised via the portal.',
];
const FIXTURE_DOCS = FIXTURE.flatMap((q) => q.flatMap((w) => NOISE.map((n) => w + n)));
const fixtureQuestion = FIXTURE.flatMap((q, i) => q.flatMap(() => NOISE.map(() => i)));

describe('clusterTexts on small exports', () => {
	it('keeps a question asked by 40% of the tickets in one group', () => {
		const clusters = clusterTexts(COMMON_DOCS);
		expectPartition(clusters, COMMON_DOCS.length);
		const home = clusters.find((c) => c.members.includes(0))!;
		expect(home.members).toEqual(COMMON.map((_, i) => i));
		// The other questions still stand apart.
		expect(clusters).toHaveLength(1 + 4);
	});

	it('groups the fixture exports by question, not by wording', () => {
		const clusters = clusterTexts(FIXTURE_DOCS);
		expectPartition(clusters, FIXTURE_DOCS.length);
		expect(clusters).toHaveLength(FIXTURE.length);
		for (const c of clusters) {
			expect(new Set(c.members.map((m) => fixtureQuestion[m]))).toEqual(
				new Set([fixtureQuestion[c.members[0]!]]),
			);
		}
		expect(clusters.map((c) => c.members.length)).toEqual([20, 15, 10, 5, 5]);
	});
});

/** A made-up word, different for every i, that no ticket uses: an order number's or a tag's role. */
function noiseWord(i: number): string {
	let w = '';
	for (let x = i + 1; x > 0; x = Math.floor(x / 26)) w += String.fromCharCode(97 + (x % 26));
	return `zq${w}`;
}

/** Each doc copied `times` times, every copy with its own unique noise word appended. */
function copiedWithNoise(docs: readonly string[], times: number): string[] {
	return Array.from({ length: times }, (_, t) =>
		docs.map((d, i) => `${d} ${noiseWord(t * docs.length + i)}`),
	).flat();
}

/** Group of each original doc, from a clustering of its copies (copy c of doc i is c·n + i). */
function groupsOfCopies(clusters: readonly Cluster[], n: number, times: number): number[][] {
	const groupOf = new Map<number, number>();
	clusters.forEach((c, g) => c.members.forEach((m) => groupOf.set(m, g)));
	return Array.from({ length: n }, (_, i) =>
		Array.from({ length: times }, (_, t) => groupOf.get(t * n + i)!),
	);
}

describe('clusterTexts on near-duplicates', () => {
	const docs = [...DOCS, ...FIXTURE_DOCS];

	it('gives about the same groups for the tickets copied 10 times with a unique word each', () => {
		const once = clusterTexts(docs);
		const copies = copiedWithNoise(docs, 10);
		const tenTimes = clusterTexts(copies);
		expectPartition(tenTimes, copies.length);
		// All ten copies of a ticket share one group…
		const byDoc = groupsOfCopies(tenTimes, docs.length, 10);
		for (const groups of byDoc) expect(new Set(groups).size).toBe(1);
		// …and the groups are about those of the single copy: in one copy a word only one ticket
		// uses is noise too, so a few wordings may pair up there that stay apart ten times over.
		expect(Math.abs(tenTimes.length - once.length)).toBeLessThanOrEqual(Math.max(1, once.length / 10));
		const onceOf = new Array<number>(docs.length);
		once.forEach((c, g) => c.members.forEach((m) => (onceOf[m] = g)));
		const agreement = scoreClustering(onceOf, byDoc.map((groups) => groups[0]!));
		expect(agreement.ari).toBeGreaterThan(0.8);
	});
});

describe('joinCommunities', () => {
	// Two groups of two tickets each, all with the same words.
	const group = (): CommunitySum => ({ sum: new Map([[1, 2]]), weight: 2, selfSq: 2 });
	const lone = (): CommunitySum => ({ sum: new Map([[1, 1]]), weight: 1, selfSq: 1 });
	// Two communities of one node each, volume 10 each, `cutWeight` of it between them.
	const links = (cutWeight: number) => ({
		graph: CommunityGraph.of(
			{
				n: 2,
				offsets: Int32Array.of(0, 2, 4),
				targets: Int32Array.of(1, 0, 0, 1),
				weights: Float64Array.of(cutWeight, 10 - cutWeight, cutWeight, 10 - cutWeight),
			},
			[0, 1],
		),
		minCut: 0.15,
	});

	it('joins groups that read alike', () => {
		expect([...joinCommunities([group(), group()], 0.38)]).toEqual([0, 0]);
	});

	it('keeps alike groups apart when the graph barely links them', () => {
		expect([...joinCommunities([group(), group()], 0.38, links(1))]).toEqual([0, 1]);
		expect([...joinCommunities([group(), group()], 0.38, links(1.5))]).toEqual([0, 0]);
	});

	it('lets a lone ticket join on its words alone', () => {
		expect([...joinCommunities([lone(), group()], 0.38, links(0))]).toEqual([0, 0]);
	});
});

const BANKING = fileURLToPath(
	new URL('../../../../shared/data/banking77-train.csv', import.meta.url),
);

describe.skipIf(!existsSync(BANKING))('clusterTexts on BANKING77 (intents as ground truth)', () => {
	// Every third question: 3,335 questions over all 77 intents (the file is sorted by intent).
	const rows = existsSync(BANKING)
		? (
				parse(readFileSync(BANKING), { columns: true }) as Array<{
					text: string;
					category: string;
				}>
			).filter((_, i) => i % 3 === 0)
		: [];
	const score = (clusters: readonly Cluster[]): ReturnType<typeof scoreClustering> => {
		const pred = new Array<number>(rows.length);
		clusters.forEach((c, i) => c.members.forEach((m) => (pred[m] = i)));
		return scoreClustering(
			rows.map((r) => r.category),
			pred,
		);
	};

	it('finds the intents without being told how many there are', () => {
		const clusters = clusterTexts(rows.map((r) => r.text));
		expectPartition(clusters, rows.length);
		const s = score(clusters);
		// Measured on this subset: purity 0.552, NMI 0.716, ARI 0.406, 69 clusters.
		expect(s.nmi).toBeGreaterThan(0.69);
		expect(s.ari).toBeGreaterThan(0.37);
		expect(s.purity).toBeGreaterThan(0.5);
		expect(s.clusters).toBeGreaterThan(40);
		expect(s.clusters).toBeLessThan(150);
	});

	it('keeps most of that quality when it clusters a sample and assigns the rest', () => {
		const clusters = clusterTexts(
			rows.map((r) => r.text),
			{ sampleSize: 1000 },
		);
		expectPartition(clusters, rows.length);
		const s = score(clusters);
		// Measured: purity 0.428, NMI 0.644, ARI 0.299.
		expect(s.nmi).toBeGreaterThan(0.6);
		expect(s.ari).toBeGreaterThan(0.25);
		// The sample is chosen by content, not position: reversed input, same groups.
		const texts = rows.map((r) => r.text);
		const reversed = [...texts].reverse();
		expect(asTextSets(clusterTexts(reversed, { sampleSize: 1000 }), reversed)).toEqual(
			asTextSets(clusters, texts),
		);
	});
});
