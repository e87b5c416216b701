import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * Launches headless Chromium: Debian's (`CHROMIUM_PATH`, default `/usr/bin/chromium`) when it is
 * installed, else Playwright's own download. The flags keep the browser from phoning home, so a
 * test run makes no request beyond the local server.
 */
export async function launchBrowser(): Promise<Browser> {
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	return chromium.launch({
		...(existsSync(executablePath) ? { executablePath } : {}),
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** What went wrong while a page was open; a healthy journey leaves every list empty. */
export interface PageProblems {
	/** `console.error` messages, including the browser's own "Failed to load resource". */
	consoleErrors: string[];
	/** Uncaught exceptions and unhandled promise rejections. */
	pageErrors: string[];
	/** Requests that failed at the network level or got an HTTP status of 400 or more. */
	failedRequests: string[];
	/** Requests to any origin but the site's: the site must make none at runtime. */
	thirdPartyRequests: string[];
}

/** What a healthy journey leaves behind, to compare `problems` with. */
export const NO_PROBLEMS: Readonly<PageProblems> = Object.freeze({
	consoleErrors: [],
	pageErrors: [],
	failedRequests: [],
	thirdPartyRequests: [],
});

/** A page in its own browser context, with the problems it has collected so far. */
export interface OpenedPage {
	page: Page;
	problems: PageProblems;
	/** Closes the page's context. */
	close(): Promise<void>;
}

/**
 * Opens `url` in a fresh context (no shared storage between tests) and records console errors,
 * page errors, failed and third-party requests from the first request on. `contextOptions` pass
 * through, e.g. `{ javaScriptEnabled: false }`.
 */
export async function openPage(
	browser: Browser,
	url: string,
	contextOptions: BrowserContextOptions = {},
): Promise<OpenedPage> {
	const context = await browser.newContext(contextOptions);
	const page = await context.newPage();
	const origin = new URL(url).origin;
	const problems: PageProblems = {
		consoleErrors: [],
		pageErrors: [],
		failedRequests: [],
		thirdPartyRequests: [],
	};
	page.on('console', (message) => {
		if (message.type() === 'error') problems.consoleErrors.push(message.text());
	});
	page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
	page.on('request', (request) => {
		const target = new URL(request.url());
		if (/^https?:$/.test(target.protocol) && target.origin !== origin) {
			problems.thirdPartyRequests.push(request.url());
		}
	});
	page.on('requestfailed', (request) => {
		const reason = request.failure()?.errorText ?? 'failed';
		// Leaving a page cancels its pending requests; that is navigation, not a failure.
		if (reason !== 'net::ERR_ABORTED') problems.failedRequests.push(`${request.url()}: ${reason}`);
	});
	page.on('response', (response) => {
		if (response.status() >= 400) {
			problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
		}
	});
	await page.goto(url);
	return { page, problems, close: () => context.close() };
}
