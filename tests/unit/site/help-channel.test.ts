import { describe, expect, it } from 'vitest';
import { channelForSeverity } from '../../../src/lib/help-channel.ts';

const channels = [
	{ id: 'docs', contact: false, severities: ['low'] },
	{ id: 'forum', contact: true, severities: ['low'] },
	{ id: 'email', contact: true, severities: ['medium'] },
	{ id: 'portal', contact: true, severities: ['high', 'critical'] },
];

describe('channelForSeverity', () => {
	it('picks the contact channel listed for the severity', () => {
		expect(channelForSeverity(channels, 'critical')?.id).toBe('portal');
		expect(channelForSeverity(channels, 'medium')?.id).toBe('email');
	});

	it('treats a page without a severity (an FAQ) as low, and skips channels that reach no one', () => {
		expect(channelForSeverity(channels)?.id).toBe('forum');
	});

	it('falls back to the first contact channel, and to nothing when there is none', () => {
		expect(channelForSeverity(channels.slice(0, 3), 'critical')?.id).toBe('forum');
		expect(channelForSeverity([{ id: 'docs', contact: false, severities: [] }], 'low')).toBeUndefined();
	});
});
