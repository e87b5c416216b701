/**
 * Which contact channel an article page suggests in its one-line "Still need help?": the first
 * contact channel whose `severities` (content/policy/channels.yaml) list the article's severity.
 * FAQ answers have no severity and are treated as `low`. Without a match, the first contact
 * channel, so the line never names a channel that does not reach a person.
 */
export interface HelpChannel {
	id: string;
	contact: boolean;
	severities: readonly string[];
}

export function channelForSeverity<C extends HelpChannel>(channels: readonly C[], severity = 'low'): C | undefined {
	const contact = channels.filter((c) => c.contact);
	return contact.find((c) => c.severities.includes(severity)) ?? contact[0];
}
