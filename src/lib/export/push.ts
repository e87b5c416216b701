/**
 * `npm run export -- --to TOOL --push`: sends the exported records through the tool's API,
 * updating a record with the same title (short code in Chatwoot) instead of adding a second one,
 * and retrying on 429 and 5xx as long as the server asks (`Retry-After`) or, without that header,
 * with a doubling pause. `fetch` and the pause are passed in, so tests run against a local server
 * without waiting.
 */
import type { ChatwootCannedResponse, FreshdeskCannedResponse, HelpScoutSavedReply, Tool, ZendeskMacro } from './formats.ts';

export type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;
export type Sleep = (ms: number) => Promise<void>;

/** What a push did. */
export interface PushResult {
	created: string[];
	updated: string[];
	/** Requests answered 429 or 5xx and sent again. */
	retries: number;
}

/** Where and how to reach one tool's API, from the environment. */
export interface PushTarget {
	/** Base URL of the account, e.g. the Zendesk subdomain's https URL. */
	url: string;
	headers: Record<string, string>;
	/** Freshdesk folder, Chatwoot account, Help Scout mailbox. */
	container?: string;
}

/** The environment variables each tool needs: `[name, what it is]`. */
export const PUSH_ENV: Record<Exclude<Tool, 'json'>, [string, string][]> = {
	zendesk: [['ZENDESK_URL', 'https://<subdomain>.zendesk.com'], ['ZENDESK_EMAIL', 'the API user'], ['ZENDESK_API_TOKEN', 'an API token']],
	freshdesk: [['FRESHDESK_URL', 'https://<domain>.freshdesk.com'], ['FRESHDESK_API_KEY', 'an API key'], ['FRESHDESK_FOLDER_ID', 'the canned response folder']],
	chatwoot: [['CHATWOOT_URL', 'the Chatwoot installation'], ['CHATWOOT_ACCOUNT_ID', 'the account id'], ['CHATWOOT_API_TOKEN', 'an access token']],
	helpscout: [['HELPSCOUT_URL', 'the Mailbox API base'], ['HELPSCOUT_MAILBOX_ID', 'the mailbox id'], ['HELPSCOUT_TOKEN', 'an OAuth access token']],
};

/** The push target from the environment, or the names of the variables that are missing. */
export function pushTarget(tool: Exclude<Tool, 'json'>, env: Record<string, string | undefined>): PushTarget | { missing: string[] } {
	const missing = PUSH_ENV[tool].map(([name]) => name).filter((name) => !env[name]);
	if (missing.length > 0) return { missing };
	const v = (name: string) => env[name]!;
	const json = { 'Content-Type': 'application/json', Accept: 'application/json' };
	const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
	switch (tool) {
		case 'zendesk':
			return { url: v('ZENDESK_URL'), headers: { ...json, Authorization: basic(`${v('ZENDESK_EMAIL')}/token`, v('ZENDESK_API_TOKEN')) } };
		case 'freshdesk':
			return { url: v('FRESHDESK_URL'), headers: { ...json, Authorization: basic(v('FRESHDESK_API_KEY'), 'X') }, container: v('FRESHDESK_FOLDER_ID') };
		case 'chatwoot':
			return { url: v('CHATWOOT_URL'), headers: { ...json, api_access_token: v('CHATWOOT_API_TOKEN') }, container: v('CHATWOOT_ACCOUNT_ID') };
		case 'helpscout':
			return { url: v('HELPSCOUT_URL'), headers: { ...json, Authorization: `Bearer ${v('HELPSCOUT_TOKEN')}` }, container: v('HELPSCOUT_MAILBOX_ID') };
	}
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now: number): number | null {
	if (!header) return null;
	if (/^\d+$/.test(header.trim())) return Number(header) * 1000;
	const at = Date.parse(header);
	return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The most attempts one request gets. */
export const MAX_ATTEMPTS = 6;

class Client {
	retries = 0;
	target: PushTarget;
	fetch: Fetch;
	sleep: Sleep;
	constructor(target: PushTarget, fetch: Fetch, sleep: Sleep) {
		this.target = target;
		this.fetch = fetch;
		this.sleep = sleep;
	}

	/** One request, sent again on 429/5xx; any other failure throws with the server's words. */
	async send(method: string, pathOrUrl: string, body?: unknown): Promise<Response> {
		const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${this.target.url.replace(/\/$/, '')}${pathOrUrl}`;
		for (let attempt = 1; ; attempt++) {
			const response = await this.fetch(url, {
				method,
				headers: this.target.headers,
				...(body === undefined ? {} : { body: JSON.stringify(body) }),
			});
			if (response.ok) return response;
			const again = response.status === 429 || response.status >= 500;
			if (!again || attempt >= MAX_ATTEMPTS) {
				const text = (await response.text()).slice(0, 300);
				throw new Error(`${method} ${url}: HTTP ${response.status}${text ? `: ${text}` : ''}`);
			}
			this.retries++;
			await this.sleep(retryAfterMs(response.headers.get('retry-after'), Date.now()) ?? 500 * 2 ** (attempt - 1));
		}
	}

	async json<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await this.send(method, path, body);
		const text = await response.text();
		return (text ? JSON.parse(text) : undefined) as T;
	}
}

/** The `rel="next"` URL of a Link header (Freshdesk's pagination). */
export function nextLink(header: string | null): string | null {
	return /<([^>]+)>\s*;\s*rel="?next"?/.exec(header ?? '')?.[1] ?? null;
}

/** Sends `records` to the tool, each updated in place when one with its name exists. */
export async function push(tool: Exclude<Tool, 'json'>, records: readonly unknown[], target: PushTarget, fetch: Fetch, sleep: Sleep): Promise<PushResult> {
	const client = new Client(target, fetch, sleep);
	const result: PushResult = { created: [], updated: [], retries: 0 };
	const upsert = async (name: string, existing: Map<string, number | string>, create: () => Promise<unknown>, update: (id: number | string) => Promise<unknown>) => {
		const id = existing.get(name);
		if (id === undefined) {
			await create();
			result.created.push(name);
		} else {
			await update(id);
			result.updated.push(name);
		}
	};
	switch (tool) {
		case 'zendesk': {
			// Offset pagination: each page names the next one in `next_page`.
			const existing = new Map<string, number>();
			for (let page: string | null = '/api/v2/macros.json?per_page=100'; page; ) {
				const body: { macros: { id: number; title: string }[]; next_page: string | null } = await client.json('GET', page);
				for (const m of body.macros) existing.set(m.title, m.id);
				page = body.next_page;
			}
			for (const macro of records as ZendeskMacro[]) {
				await upsert(macro.title, existing, () => client.json('POST', '/api/v2/macros.json', { macro }), (id) => client.json('PUT', `/api/v2/macros/${id}.json`, { macro }));
			}
			break;
		}
		case 'freshdesk': {
			const existing = new Map<string, number>();
			const folder = target.container!;
			for (let page: string | null = `/api/v2/canned_response_folders/${folder}/responses?per_page=100`; page; ) {
				const response = await client.send('GET', page);
				for (const r of (await response.json()) as { id: number; title: string }[]) existing.set(r.title, r.id);
				page = nextLink(response.headers.get('link'));
			}
			for (const r of records as FreshdeskCannedResponse[]) {
				const body = { ...r, folder_id: Number(folder) };
				await upsert(r.title, existing, () => client.json('POST', '/api/v2/canned_responses', body), (id) => client.json('PUT', `/api/v2/canned_responses/${id}`, body));
			}
			break;
		}
		case 'chatwoot': {
			const base = `/api/v1/accounts/${target.container}/canned_responses`;
			const list: { id: number; short_code: string }[] = await client.json('GET', base);
			const existing = new Map(list.map((r) => [r.short_code, r.id] as [string, number]));
			for (const r of records as ChatwootCannedResponse[]) {
				await upsert(r.short_code, existing, () => client.json('POST', base, r), (id) => client.json('PATCH', `${base}/${id}`, r));
			}
			break;
		}
		case 'helpscout': {
			const base = `/v2/mailboxes/${target.container}/saved-replies`;
			const list: { id: number; name: string }[] = await client.json('GET', base);
			const existing = new Map(list.map((r) => [r.name, r.id] as [string, number]));
			for (const r of records as HelpScoutSavedReply[]) {
				await upsert(r.name, existing, () => client.json('POST', base, r), (id) => client.json('PUT', `${base}/${id}`, r));
			}
			break;
		}
	}
	result.retries = client.retries;
	return result;
}
