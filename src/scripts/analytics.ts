/**
 * The analytics client: records searches, result clicks, KB/FAQ page views, helpful votes and
 * contact clicks, and sends them in batches with `navigator.sendBeacon` to the endpoint in
 * `<meta name="tierzero:analytics-endpoint">` (rendered by Analytics.astro only when the site is
 * built with one). Records nothing under Do Not Track or Global Privacy Control; no cookies, only
 * a random session id in sessionStorage. The logic lives in src/lib/analytics; this is the wiring.
 */
import {
	arrivedFromAgent,
	buildContactClick,
	buildHelpfulVote,
	buildPageView,
	buildResultClick,
	buildSearch,
	type EventBase,
} from '../lib/analytics/build-events.ts';
import { readPrivacySignals, trackingAllowed } from '../lib/analytics/consent.ts';
import { HELPFUL_VOTE_EVENT, RESULT_CLICK_EVENT, SEARCH_EVENT } from '../lib/analytics/dom-events.ts';
import { EventQueue } from '../lib/analytics/queue.ts';
import { sessionId, type StorageLike } from '../lib/analytics/session.ts';
import type { AnalyticsEvent } from '../schemas/event.ts';

function storage(): StorageLike | undefined {
	try {
		return window.sessionStorage;
	} catch {
		// Accessing sessionStorage throws where storage is blocked; the id then lives per page.
		return undefined;
	}
}

function start(): void {
	const endpoint = document
		.querySelector<HTMLMetaElement>('meta[name="tierzero:analytics-endpoint"]')
		?.content.trim();
	if (!endpoint || typeof navigator.sendBeacon !== 'function' || !trackingAllowed(readPrivacySignals(navigator, window))) {
		return;
	}

	const session = sessionId(storage(), (bytes) => crypto.getRandomValues(bytes));
	// A string body goes out as text/plain: a CORS "simple" request, so no preflight per beacon.
	const queue = new EventQueue({ send: (body) => navigator.sendBeacon(endpoint, body) });
	const base = (): EventBase => ({ session, ts: new Date().toISOString(), path: location.pathname });
	const record = (event: AnalyticsEvent | undefined, flushNow = false) => {
		if (!event) return;
		queue.push(event);
		// Clicks usually navigate away: send now rather than trust the page's last moments.
		if (flushNow) queue.flush();
	};

	const pageView = () =>
		record(buildPageView(base(), document.body.dataset.entryId, arrivedFromAgent(location.search)));
	pageView();
	// A page restored from the back/forward cache is shown again without loading the script again.
	addEventListener('pageshow', (event) => {
		if (event.persisted) pageView();
	});

	document.addEventListener(SEARCH_EVENT, (event) => {
		record(buildSearch(base(), (event as CustomEvent).detail));
	});
	document.addEventListener(RESULT_CLICK_EVENT, (event) => {
		record(buildResultClick(base(), (event as CustomEvent).detail), true);
	});
	document.addEventListener(HELPFUL_VOTE_EVENT, (event) => {
		record(buildHelpfulVote(base(), (event as CustomEvent).detail));
	});

	// Capture phase, so a handler that stops propagation on the link cannot hide the click.
	const contact = (event: MouseEvent) => {
		if (event.type === 'auxclick' && event.button !== 1) return;
		const link = (event.target as Element | null)?.closest?.<HTMLElement>('[data-contact]');
		if (link) record(buildContactClick(base(), link.dataset.contact), true);
	};
	document.addEventListener('click', contact, true);
	document.addEventListener('auxclick', contact, true);

	// The last reliable moments of a page: tab hidden, or the page being left or frozen.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') queue.flush();
	});
	addEventListener('pagehide', () => queue.flush());
}

start();
