/**
 * Runs golden questions through real search UIs in Chromium: Tier Zero's search dialog, and
 * Pagefind's own default UI (`/pagefind/pagefind-ui.js`, what a Pagefind site such as a
 * Starlight one runs) on a page of its own on the same site. Used by `npm run bench:search` and
 * by the golden-questions browser test.
 */
import type { Browser, Page } from 'playwright-core';
import type { Sent } from '../static-server.ts';
import type { Answered, GoldenQuestion } from './search-quality.ts';

/** The engines compared. */
export type EngineName = 'tierzero' | 'pagefind';

const TIMEOUT = 20_000;

/** The path of each result (without fragment or query), from links or `data-url`. */
const pathOf = (href: string, base: string) => new URL(href, base).pathname;

/** A page holding nothing but Pagefind's default UI, served at a path the site does not have. */
const PAGEFIND_UI_PATH = '/__bench/pagefind-ui/';
const PAGEFIND_UI_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind UI</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script></head>
<body><div id="search"></div><script>
window.ui = new PagefindUI({ element: '#search', showSubResults: false, showImages: false, pageSize: 10 });
</script></body></html>`;

/** Opens the UI of an engine, ready for the first query (nothing of the index loaded yet). */
export async function openEngine(browser: Browser, siteUrl: string, engine: EngineName): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
	if (engine === 'pagefind') {
		await page.route(`${siteUrl}${PAGEFIND_UI_PATH}`, (route) =>
			route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGEFIND_UI_HTML }),
		);
		await page.goto(`${siteUrl}${PAGEFIND_UI_PATH}`);
		await page.locator('.pagefind-ui__search-input').waitFor({ timeout: TIMEOUT });
	} else {
		await page.goto(`${siteUrl}/`);
		await page.getByRole('banner').getByRole('button', { name: 'Search' }).waitFor({ timeout: TIMEOUT });
	}
	return page;
}

/** Presses exactly the chips a question asks for in Tier Zero's dialog. */
async function setChips(page: Page, filters: GoldenQuestion['filters']) {
	const dialog = page.getByRole('dialog', { name: 'Search the help center' });
	const chips = dialog.locator('.tz-search-chip');
	// The chips load when the reader opens them: a question without filters, asked before any
	// other opened them, leaves them closed and unloaded, as a reader who never opens them would.
	const wanted = Object.values(filters).some((values) => values.length > 0);
	if (!wanted && (await chips.count()) === 0) return;
	const toggle = dialog.getByRole('button', { name: /^Filters/ });
	if ((await toggle.getAttribute('aria-expanded', { timeout: TIMEOUT })) !== 'true') {
		await toggle.click({ timeout: TIMEOUT });
	}
	await chips.first().waitFor({ state: 'attached', timeout: TIMEOUT });
	const toClick = await dialog.evaluate((el, wanted: Record<string, string[]>) => {
		const out: number[] = [];
		el.querySelectorAll<HTMLButtonElement>('.tz-search-chip').forEach((chip, i) => {
			const { key = '', value = '' } = chip.dataset;
			const want = wanted[key]?.includes(value) ?? false;
			if (want !== (chip.getAttribute('aria-pressed') === 'true')) out.push(i);
		});
		return out;
	}, filters);
	for (const i of toClick) await dialog.locator('.tz-search-chip').nth(i).click({ timeout: TIMEOUT });
}

/** Asks one question in an opened engine and reads the results (up to 10) once they show. */
export async function ask(page: Page, engine: EngineName, question: GoldenQuestion): Promise<Answered> {
	const base = page.url();
	if (engine === 'pagefind') {
		const input = page.locator('.pagefind-ui__search-input');
		await page.evaluate(
			(f) => (window as unknown as { ui: { triggerFilters(f: object): void } }).ui.triggerFilters(f),
			question.filters,
		);
		await input.fill('');
		// The previous query's message must go first, or it could pass for this one's.
		await page.waitForFunction(
			() => !document.querySelector('.pagefind-ui__message')?.textContent?.trim(),
			undefined,
			{ timeout: TIMEOUT },
		);
		const start = Date.now();
		await input.fill(question.q);
		// The UI's message names the query once its results for it are drawn.
		const message = page.locator('.pagefind-ui__message');
		await page.waitForFunction(
			(q) => {
				const text = document.querySelector('.pagefind-ui__message')?.textContent ?? '';
				return text.includes(`“${q}”`) || text.includes(`"${q}"`) || text.includes(q);
			},
			question.q,
			{ timeout: TIMEOUT },
		);
		const ms = Date.now() - start;
		const none = /^No results/i.test((await message.textContent()) ?? '');
		const hrefs = none
			? []
			: await page.locator('.pagefind-ui__result-link').evaluateAll((links) =>
					links.map((a) => a.getAttribute('href') ?? ''),
				);
		return { question, results: hrefs.slice(0, 10).map((h) => pathOf(h, base)), ms };
	}
	const dialog = page.getByRole('dialog', { name: 'Search the help center' });
	if (!(await dialog.isVisible())) await page.getByRole('banner').getByRole('button', { name: 'Search' }).click();
	const combobox = dialog.getByRole('combobox', { name: 'Search the help center' });
	await combobox.waitFor({ timeout: TIMEOUT });
	await setChips(page, question.filters);
	const start = Date.now();
	await combobox.fill(question.q);
	await page.waitForFunction(
		(q) => (document.querySelector('dialog [data-search-root]') as HTMLElement | null)?.dataset.query === q.trim(),
		question.q,
		{ timeout: TIMEOUT },
	);
	const ms = Date.now() - start;
	const urls = await dialog
		.getByRole('option')
		.evaluateAll((options) => options.map((o) => (o as HTMLElement).dataset.url ?? ''));
	return { question, results: urls.map((u) => pathOf(u, base)), ms };
}

/**
 * Counts what the site's server sends while it runs: hand `onSent` to `serveSite`. Counting at
 * the server sees every byte, a web worker's fetches included, as it went over the wire.
 */
export function trafficMeter() {
	let log: Sent[] | null = null;
	return {
		onSent: (sent: Sent) => void log?.push(sent),
		start: () => void (log = []),
		stop(): Sent[] {
			const sent = log ?? [];
			log = null;
			return sent;
		},
	};
}
export type TrafficMeter = ReturnType<typeof trafficMeter>;

/** What a file is for the first query's breakdown. */
export function kindOf(path: string): string {
	if (path.startsWith('/pagefind/index/')) return 'Pagefind index chunks';
	if (path.startsWith('/pagefind/fragment/')) return 'Pagefind result fragments';
	if (path.startsWith('/pagefind/filter/')) return 'Pagefind filter indexes';
	if (path.startsWith('/pagefind/text/')) return 'result text blocks';
	if (/^\/pagefind\/.*\.(?:pf_meta|json)$/.test(path)) return 'Pagefind entry and meta';
	if (/^\/pagefind\/wasm\./.test(path)) return 'Pagefind WebAssembly';
	if (/^\/pagefind\/.*\.js$/.test(path)) return 'Pagefind JavaScript';
	if (path.startsWith('/search-vocabulary')) return 'search vocabulary';
	if (path.startsWith('/_astro/')) return 'site scripts';
	return 'other';
}

/** What the first query of a session fetched, and how long it took. */
export interface FirstQuery {
	/** Bytes sent, compressed where the server compresses (as a static host does). */
	bytes: number;
	/** The same files' sizes uncompressed. */
	fileBytes: number;
	requests: number;
	/** Milliseconds from typing to results on screen, the index loading included. */
	ms: number;
	/** Bytes and requests per {@link kindOf}. */
	byKind: Map<string, { bytes: number; requests: number }>;
}

/**
 * The first query of a session: everything the server sends from opening search to the
 * question's results on screen (the page itself, already loaded, not counted).
 */
export async function firstQuery(
	browser: Browser,
	siteUrl: string,
	engine: EngineName,
	question: GoldenQuestion,
	meter: TrafficMeter,
): Promise<FirstQuery> {
	const page = await openEngine(browser, siteUrl, engine);
	try {
		await page.waitForLoadState('networkidle');
		meter.start();
		const { ms } = await ask(page, engine, question);
		const sent = meter.stop();
		const byKind = new Map<string, { bytes: number; requests: number }>();
		for (const { path, bytes } of sent) {
			const kind = byKind.get(kindOf(path)) ?? { bytes: 0, requests: 0 };
			kind.bytes += bytes;
			kind.requests += 1;
			byKind.set(kindOf(path), kind);
		}
		return {
			bytes: sent.reduce((sum, s) => sum + s.bytes, 0),
			fileBytes: sent.reduce((sum, s) => sum + s.fileBytes, 0),
			requests: sent.length,
			ms,
			byKind,
		};
	} finally {
		await page.close();
	}
}
