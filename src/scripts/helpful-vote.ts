// "Was this helpful?": shown only where the vote can be recorded (JavaScript on, no Do Not Track
// or Global Privacy Control); the answer goes out as a DOM event that the analytics script sends.
import { HELPFUL_VOTE_EVENT, type HelpfulVoteDetail } from '../lib/analytics/dom-events.ts';
import { readPrivacySignals, trackingAllowed } from '../lib/analytics/consent.ts';

export function enableHelpfulVotes(root: ParentNode): void {
	for (const widget of root.querySelectorAll<HTMLElement>('[data-helpful-vote]')) {
		const id = widget.dataset.entry ?? '';
		const vote = widget.querySelector<HTMLElement>('[data-step="vote"]');
		const form = widget.querySelector<HTMLFormElement>('[data-step="reason"]');
		const status = widget.querySelector<HTMLElement>('[data-status]');
		const textarea = form?.querySelector('textarea');
		if (!vote || !form || !status || !textarea || !trackingAllowed(readPrivacySignals(navigator, window))) continue;
		widget.hidden = false;

		const send = (detail: HelpfulVoteDetail) =>
			document.dispatchEvent(new CustomEvent(HELPFUL_VOTE_EVENT, { detail }));

		vote.addEventListener('click', (event) => {
			const choice = (event.target as Element).closest<HTMLButtonElement>('button[data-vote]')?.dataset.vote;
			if (!choice) return;
			// Recorded at once, so a "No" counts even if the visitor leaves without a reason.
			send({ id, helpful: choice === 'yes' });
			vote.hidden = true;
			if (choice === 'yes') {
				status.textContent = 'Thanks for letting us know.';
				// The pressed button is gone: keep keyboard focus on the answer, not the page top.
				status.focus();
				return;
			}
			status.textContent = 'Thanks. What could we improve? You can tell us below.';
			form.hidden = false;
			textarea.focus();
		});

		form.addEventListener('submit', (event) => {
			event.preventDefault();
			const reason = textarea.value.trim();
			// The same session's later vote on this entry replaces the first in the report.
			if (reason) send({ id, helpful: false, reason });
			form.hidden = true;
			status.textContent = 'Thanks for your feedback. It helps us improve this page.';
			status.focus();
		});
	}
}

enableHelpfulVotes(document);
