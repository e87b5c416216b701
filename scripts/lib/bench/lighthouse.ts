/**
 * Lighthouse over a built site: Debian's chromium, started here with a DevTools port, audits
 * each page through Lighthouse's Node API (its default mobile profile with simulated throttling),
 * and the four category scores come back as 0–100.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface PageScores {
	path: string;
	scores: Record<Category, number>;
	/** Titles of the audits that cost points outside performance, to say what to fix. */
	failed: string[];
	/** The performance metrics behind the score, as Lighthouse displays them ("1.2 s"). */
	metrics: Record<string, string>;
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** What the issue asks of every audited page. */
export const TARGETS: Record<Category, number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

async function launchChromium(path: string): Promise<{ port: number; child: ChildProcess; stop: () => void }> {
	const profile = mkdtempSync(join(tmpdir(), 'tz-lighthouse-'));
	const child = spawn(
		path,
		[
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--remote-debugging-port=0',
			`--user-data-dir=${profile}`,
			'about:blank',
		],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const stop = () => {
		child.kill();
		rmSync(profile, { recursive: true, force: true });
	};
	const port = await new Promise<number>((resolve, reject) => {
		let err = '';
		child.stderr!.on('data', (d: Buffer) => {
			err += d;
			const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
			if (m) resolve(Number(m[1]));
		});
		child.on('exit', (code) => reject(new Error(`chromium exited (${code}) before it opened DevTools:\n${err}`)));
	});
	return { port, child, stop };
}

/** Audits `origin + path` for each path; one browser, pages in turn. */
export async function auditPages(origin: string, paths: readonly string[], chromiumPath: string): Promise<PageScores[]> {
	const chrome = await launchChromium(chromiumPath);
	try {
		const out: PageScores[] = [];
		for (const path of paths) {
			const result = await lighthouse(`${origin}${path}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...CATEGORIES],
			});
			if (!result) throw new Error(`lighthouse returned no result for ${path}`);
			const { lhr } = result;
			if (lhr.runtimeError) throw new Error(`lighthouse on ${path}: ${lhr.runtimeError.message}`);
			const scores = Object.fromEntries(
				CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
			) as Record<Category, number>;
			const failed = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
				(lhr.categories[c]?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
					.map((ref) => `${c}: ${lhr.audits[ref.id]?.title ?? ref.id}`),
			);
			const metrics = Object.fromEntries(
				METRICS.map((id) => [id, lhr.audits[id]?.displayValue ?? '?']),
			);
			out.push({ path, scores, failed, metrics });
		}
		return out;
	} finally {
		chrome.stop();
	}
}

/** A plain-text table of the scores, with the targets and whether each page meets them. */
export function lighthouseTable(results: readonly PageScores[]): string {
	const head = ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'meets targets'];
	const rows = results.map((r) => [
		r.path,
		...CATEGORIES.map((c) => String(r.scores[c])),
		CATEGORIES.every((c) => r.scores[c] >= TARGETS[c]) ? 'yes' : 'NO',
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
	return [line(head), ...rows.map(line)].join('\n');
}
