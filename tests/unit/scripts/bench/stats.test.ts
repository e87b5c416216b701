import { describe, expect, it } from 'vitest';
import {
	formatBytes,
	formatTable,
	parseAstroPages,
	parsePagefind,
	parseRenderSeconds,
	parseVmHwm,
	ratioLines,
	type SiteResult,
} from '../../../../scripts/lib/bench/stats.ts';

describe('parsing tool output', () => {
	it("reads Astro's page count, coloured or not", () => {
		expect(parseAstroPages('05:20:01 [build] 96 page(s) built in 12.34s\n[build] Complete!')).toBe(
			96,
		);
		expect(
			parseAstroPages('[build] \u001b[1m5123\u001b[22m page(s) built in \u001b[1m301s\u001b[22m'),
		).toBe(5123);
		expect(parseAstroPages('error')).toBeNull();
	});

	it("reads the render phase's time from the step that closes `generating static routes`, in each of Astro's formats", () => {
		const log = (time: string) =>
			`[build] \u2713 Completed in 47.53s.\n\n\u001b[42m generating static routes \u001b[49m\n  \u251c\u2500 /404.html (+26ms)\n\u2713 Completed in ${time}.\n\n[build] \u2713 Completed in 1m 29s.\n`;
		expect(parseRenderSeconds(log('1m 19s'))).toBe(79);
		expect(parseRenderSeconds(log('25.85s'))).toBe(25.85);
		expect(parseRenderSeconds(log('450ms'))).toBe(0.45);
		// The content sync's "Completed" before the step is not the render phase.
		expect(parseRenderSeconds('[build] \u2713 Completed in 47.53s.\n')).toBeNull();
	});

	it("reads Pagefind's indexed pages and words", () => {
		const out =
			'Running Pagefind v1.6.0\n\nIndexed 1 language\nIndexed 95 pages\nIndexed 4210 words\nIndexed 0 filters\n';
		expect(parsePagefind(out)).toEqual({ pages: 95, words: 4210 });
		expect(parsePagefind('Indexed 1 page')).toEqual({ pages: 1, words: null });
		expect(parsePagefind('Error: no pages')).toBeNull();
	});

	it('reads the peak RSS from /proc/<pid>/status', () => {
		expect(
			parseVmHwm('Name:\tnode\nVmPeak:\t  900000 kB\nVmHWM:\t  512340 kB\nVmRSS:\t  400000 kB\n'),
		).toBe(512340);
		expect(parseVmHwm('Name:\tzombie\n')).toBeNull();
	});
});

describe('formatting', () => {
	it('formats byte counts in binary units', () => {
		expect([812, 42_188, 12_897_484, 3 * 2 ** 30].map(formatBytes)).toEqual([
			'812 B',
			'41.2 KiB',
			'12.3 MiB',
			'3.00 GiB',
		]);
	});

	it('pads a Markdown table and right-aligns numeric columns', () => {
		expect(
			formatTable(
				['site', 'pages', 'index size'],
				[
					['starter', '96', '1.2 MiB'],
					['5000', '5123', '48.0 MiB'],
				],
			),
		).toBe(
			[
				'| site    | pages | index size |',
				'|---------|------:|-----------:|',
				'| starter |    96 |    1.2 MiB |',
				'| 5000    |  5123 |   48.0 MiB |',
			].join('\n'),
		);
	});

	it('compares each site with the starter per page', () => {
		const site = (
			name: string,
			pages: number,
			seconds: number,
			indexBytes: number,
			mem: number,
		): SiteResult => ({
			site: name,
			kbArticles: pages,
			pages,
			buildSeconds: seconds,
			astroPeakBytes: mem,
			pagefindSeconds: 1,
			pagefindPeakBytes: 1,
			indexedPages: pages,
			indexBytes,
			distBytes: 1,
		});
		expect(
			ratioLines([
				site('starter', 100, 10, 102_400, 100),
				site('5000', 5000, 100, 10_240_000, 400),
			]),
		).toEqual([
			'5000 vs starter: 50.0× the pages, 10.0× the build time; time per page 20.0 ms vs 100.0 ms (×0.20); ' +
				'index +2.0 KiB per added indexed page; astro peak memory ×4.0',
		]);
		expect(ratioLines([site('5000', 1, 1, 1, 1)])).toEqual([]);
	});
});
