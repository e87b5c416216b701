/**
 * The retention cut-off for `npm run prune-events`: `--older-than 90d` (days before now) or
 * `--before DATE`. Pure, so the CLI stays a thin shell.
 */
import { parseDateBound } from './dates.ts';

const DAY_MS = 86_400_000;

/** The cut-off in epoch ms, or a message saying what is wrong with the flags. */
export function retentionCutoff(
	flags: { olderThan?: string | undefined; before?: string | undefined },
	now: number,
): { before: number } | { error: string } {
	if ((flags.olderThan === undefined) === (flags.before === undefined)) {
		return { error: 'give either --older-than DAYS (e.g. 90d) or --before DATE' };
	}
	if (flags.olderThan !== undefined) {
		const m = /^(\d+)d?$/.exec(flags.olderThan.trim());
		const days = m ? Number(m[1]) : Number.NaN;
		if (!Number.isSafeInteger(days) || days < 1) {
			return {
				error: `--older-than: must be a number of days of at least 1, e.g. 90d, got "${flags.olderThan}"`,
			};
		}
		// No event is older than 1970; a longer period would also be a date JavaScript cannot print.
		const most = Math.floor(now / DAY_MS);
		if (days > most) {
			return {
				error: `--older-than: at most ${most} days (back to 1970-01-01), got "${flags.olderThan}"`,
			};
		}
		return { before: now - days * DAY_MS };
	}
	const before = parseDateBound(flags.before!, 'start');
	if (before === null) {
		return {
			error: `--before: must be a date (YYYY-MM-DD) or an ISO-8601 date-time, got "${flags.before}"`,
		};
	}
	if (before > now)
		return { error: `--before: ${flags.before} is in the future; that would delete everything` };
	return { before };
}
