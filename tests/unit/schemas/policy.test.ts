import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../src/schemas/policy.ts';
import { parsed, problems } from './problems.ts';

const level = (id: string) => ({
	id,
	name: 'Critical',
	definition: 'Complete product failure or loss of data.',
	examples: ['Workspaces are unreachable for all customers'],
	acknowledgement: 'Within 1 hour',
	resolution: 'Within 24 hours',
	communication: 'Public updates every hour',
	owner: 'Lead developer',
});
const priorities = { kind: 'priorities', levels: ['P0', 'P1', 'P2', 'P3'].map(level) };

const channel = {
	id: 'email',
	name: 'Email',
	href: 'mailto:support@caro.example',
	responseTime: 'Within 24 hours',
	bestFor: 'Bug reports with logs.',
	hours: 'Monday to Friday',
};
const channels = { kind: 'channels', channels: [channel] };

const tier = {
	id: 'standard',
	name: 'Tier 2: Standard support',
	audience: 'Paying customers',
	channels: ['docs', 'email'],
	hours: 'Business hours',
	response: { P0: '1 hour', P1: '4 hours', P2: '1 business day', P3: '2 business days' },
	includes: ['Email support'],
};
const tiers = { kind: 'tiers', tiers: [tier] };

const escalation = {
	kind: 'escalation',
	rules: [
		{
			trigger: 'P0 not acknowledged',
			escalateTo: 'Release manager',
			within: '30 minutes',
			notify: ['Support lead'],
		},
	],
};

const product = {
	kind: 'product',
	name: 'Caro',
	versions: ['1.1.0', '1.1.0-beta', '1.0.2', '1.0.1', '1.0.0'],
};

describe('PolicySchema', () => {
	it('parses one file of each kind', () => {
		for (const policy of [priorities, tiers, escalation, product])
			expect(parsed(PolicySchema, policy)).toEqual({ ...policy, audience: 'public' });
		expect(parsed(PolicySchema, channels)).toEqual({
			kind: 'channels',
			audience: 'public',
			channels: [{ ...channel, contact: true, severities: [] }],
		});
	});

	it('names the allowed kinds', () => {
		const message = 'kind: kind must be one of: tiers, channels, priorities, escalation, product';
		expect(problems(PolicySchema, { kind: 'foo' })).toEqual([message]);
		expect(problems(PolicySchema, { levels: [] })).toEqual([message]);
	});
});

describe('the audience of a policy file', () => {
	it('is public unless a page says internal, and names the allowed values', () => {
		for (const page of [tiers, priorities, escalation]) {
			expect(parsed(PolicySchema, page).audience).toBe('public');
			expect(parsed(PolicySchema, { ...page, audience: 'internal' }).audience).toBe('internal');
		}
		expect(problems(PolicySchema, { ...escalation, audience: 'staff' })).toEqual(['audience: audience must be one of: public, internal']);
	});

	it('cannot make channels or the product internal: every page of both editions shows them', () => {
		expect(problems(PolicySchema, { ...channels, audience: 'internal' })).toEqual([
			'audience: audience must be public: the channels file is used on every page of both editions (leave audience out)',
		]);
		expect(problems(PolicySchema, { ...product, audience: 'internal' })).toEqual([
			'audience: audience must be public: the product file is used on every page of both editions (leave audience out)',
		]);
		expect(parsed(PolicySchema, { ...product, audience: 'public' }).audience).toBe('public');
	});
});

describe('priorities policy', () => {
	it('needs each of P0 to P3 exactly once', () => {
		const message = 'levels: levels must define each of P0, P1, P2, P3 exactly once';
		const without = (id: string) => priorities.levels.filter((l) => l.id !== id);
		expect(problems(PolicySchema, { ...priorities, levels: without('P2') })).toEqual([message]);
		expect(
			problems(PolicySchema, { ...priorities, levels: [...priorities.levels, level('P1')] }),
		).toEqual([message]);
	});

	it('names the allowed priority IDs', () => {
		expect(
			problems(PolicySchema, { ...priorities, levels: [...priorities.levels, level('P4')] }),
		).toEqual(['levels.4.id: id must be one of: P0, P1, P2, P3']);
	});

	it('wants at least one example per level', () => {
		const levels = priorities.levels.map((l) => (l.id === 'P1' ? { ...l, examples: [] } : l));
		expect(problems(PolicySchema, { ...priorities, levels })).toEqual([
			'levels.1.examples: examples must list at least one item',
		]);
	});
});

describe('channels policy', () => {
	it('accepts mailto:, tel:, https:// and site-relative links, and keeps contact: false', () => {
		const hrefs = [
			'mailto:support@caro.example',
			'tel:+1-555-0100',
			'https://support.caro.example/new',
			'/faq/',
		];
		for (const href of hrefs)
			expect(
				problems(PolicySchema, { kind: 'channels', channels: [{ ...channel, href }] }),
			).toEqual([]);
		const docs = parsed(PolicySchema, {
			kind: 'channels',
			channels: [{ ...channel, contact: false }],
		});
		expect(docs).toEqual({ kind: 'channels', audience: 'public', channels: [{ ...channel, contact: false, severities: [] }] });
	});

	it('takes the KB severities an article page suggests the channel for, and names a wrong one', () => {
		const parsedOne = parsed(PolicySchema, { kind: 'channels', channels: [{ ...channel, severities: ['high', 'critical'] }] });
		expect(parsedOne).toEqual({ kind: 'channels', audience: 'public', channels: [{ ...channel, contact: true, severities: ['high', 'critical'] }] });
		expect(problems(PolicySchema, { kind: 'channels', channels: [{ ...channel, severities: ['urgent'] }] })).toEqual([
			'channels.0.severities.0: each severity must be one of: low, medium, high, critical',
		]);
	});

	it('rejects other link schemes, naming the channel that has one', () => {
		const ftp = { ...channel, id: 'files', href: 'ftp://files.caro.example' };
		expect(problems(PolicySchema, { kind: 'channels', channels: [channel, ftp] })).toEqual([
			'channels.1.href: href must be a mailto:, tel:, https:// or site-relative (/…) link',
		]);
	});

	it('wants at least one channel and slug IDs', () => {
		expect(problems(PolicySchema, { kind: 'channels', channels: [] })).toEqual([
			'channels: channels must list at least one channel',
		]);
		expect(
			problems(PolicySchema, { kind: 'channels', channels: [{ ...channel, id: 'E-mail' }] }),
		).toEqual([
			'channels.0.id: channel id must be a lower-case slug of letters, digits and dashes, e.g. "webhooks"',
		]);
	});
});

describe('tiers policy', () => {
	it('names the priority a tier has no response target for', () => {
		const { P2: _, ...response } = tier.response;
		expect(problems(PolicySchema, { kind: 'tiers', tiers: [{ ...tier, response }] })).toEqual([
			'tiers.0.response.P2: P2 is required and must be text',
		]);
	});

	it('wants a response target per priority, not one for all', () => {
		expect(
			problems(PolicySchema, { kind: 'tiers', tiers: [{ ...tier, response: '4 hours' }] }),
		).toEqual(['tiers.0.response: must give a target for each of P0, P1, P2, P3']);
	});

	it('wants at least one tier and one included item', () => {
		expect(problems(PolicySchema, { kind: 'tiers', tiers: [] })).toEqual([
			'tiers: tiers must list at least one tier',
		]);
		expect(problems(PolicySchema, { kind: 'tiers', tiers: [{ ...tier, includes: [] }] })).toEqual([
			'tiers.0.includes: includes must list at least one item',
		]);
	});
});

describe('escalation policy', () => {
	it('wants at least one rule, each notifying a list of roles', () => {
		expect(problems(PolicySchema, { kind: 'escalation', rules: [] })).toEqual([
			'rules: rules must list at least one escalation rule',
		]);
		const rules = [{ ...escalation.rules[0], notify: 'Support lead' }];
		expect(problems(PolicySchema, { kind: 'escalation', rules })).toEqual([
			'rules.0.notify: notify must be a list of text lines',
		]);
	});
});

describe('product policy', () => {
	it('quotes a version that is not an exact version', () => {
		expect(problems(PolicySchema, { ...product, versions: ['1.1.0', '1.x'] })).toEqual([
			'versions.1: "1.x" is not a version such as 1.1.0',
		]);
	});

	it('wants at least one released version', () => {
		expect(problems(PolicySchema, { ...product, versions: [] })).toEqual([
			'versions: versions must list at least one released version',
		]);
	});
});
