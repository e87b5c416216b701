import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../../../src/lib/frontmatter.ts';
import {
	EDIT_MARKER,
	STARLIGHT_VERSION,
	costLine,
	editedArticle,
	medianRun,
	parseStarlightPagefind,
	peerTable,
	queryWord,
	ratioLines,
	renderCpuFromMarks,
	renderGrowthLines,
	RENDER_MARKS,
	starlightAstroConfig,
	starlightDoc,
	starlightHref,
	starlightPackageJson,
	type PeerResult,
} from '../../../../scripts/lib/bench/peer.ts';
import { markWatcher } from '../../../../scripts/lib/bench/measure.ts';
import { planKb, renderKbEntry } from '../../../../scripts/lib/bench/plan.ts';
import { syntheticDraft } from '../../../../scripts/lib/bench/synthetic.ts';

const GIB = 1024 ** 3;

describe('the Starlight project the benchmark builds', () => {
	it('pins Starlight, and Astro and Pagefind to the versions given', () => {
		const pkg = JSON.parse(starlightPackageJson({ astro: '7.3.5', pagefind: '1.6.0' }));
		expect(pkg.dependencies).toEqual({ '@astrojs/starlight': STARLIGHT_VERSION, astro: '7.3.5' });
		expect(pkg.overrides).toEqual({ pagefind: '1.6.0' });
		expect(STARLIGHT_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it('turns a generated article into a Starlight page with its title, summary and body', () => {
		const [kb] = planKb([syntheticDraft(0, 1)], 1, 1);
		const source = renderKbEntry(kb!);
		const doc = starlightDoc(source);
		const { data, body } = splitFrontmatter(doc);
		expect(data).toEqual({ title: kb!.data.title, description: kb!.data.summary });
		expect(body.trim()).toBe(kb!.body.trim());
	});

	it('keeps titles with YAML-special characters intact', () => {
		const title = 'Error: "0x800" # not a comment: [x] {y} & more';
		const doc = starlightDoc(`---\ntitle: ${JSON.stringify(title)}\n---\n\nBody.\n`);
		expect(splitFrontmatter(doc).data).toEqual({ title });
	});

	it('refuses an article without a title', () => {
		expect(() => starlightDoc('---\nsummary: x\n---\nBody')).toThrow(/without a title/);
	});

	it('links the sidebar to the pages Starlight builds', () => {
		expect(starlightHref('kb/exchange-online/kb-0001-x.md')).toBe('/kb/exchange-online/kb-0001-x/');
		expect(starlightHref('kb/a/kb-0002-y.mdx')).toBe('/kb/a/kb-0002-y/');
		const config = starlightAstroConfig([{ label: 'Exchange "online"', link: '/kb/a/' }]);
		const items = /items: (\[.*\]) \}\],/.exec(config)![1]!;
		expect(JSON.parse(items)).toEqual([{ label: 'Exchange "online"', link: '/kb/a/' }]);
	});
});

describe('the rebuild edit and the first query', () => {
	it('adds one paragraph at the end of an article, once', () => {
		const edited = editedArticle('---\ntitle: x\n---\n\nBody.\n\n');
		expect(edited).toBe(`---\ntitle: x\n---\n\nBody.\n\n${EDIT_MARKER}\n`);
		expect(() => editedArticle(edited)).toThrow(/already edited/);
	});

	it('queries the most frequent long title word, ties alphabetically', () => {
		expect(queryWord(['Outlook crashes on start', 'Outlook search is slow', 'Mailbox search fails'])).toBe('outlook');
		expect(queryWord(['Zebras crossing', 'Alpaca crossing', 'Alpaca zebras'])).toBe('alpaca');
		// Counted once per title, however often a title repeats it.
		expect(queryWord(['Mailbox mailbox mailbox', 'Outlook one', 'Outlook two'])).toBe('outlook');
		expect(() => queryWord(['a b c'])).toThrow();
	});

	it("reads Starlight's Pagefind time in seconds or milliseconds", () => {
		expect(parseStarlightPagefind('[starlight:pagefind] Finished building search index in 7.86s.')).toBe(7.86);
		expect(parseStarlightPagefind('Finished building search index in 450ms.')).toBe(0.45);
		expect(parseStarlightPagefind('\u001b[2m[starlight:pagefind]\u001b[22m Finished building search index in 1.5s.')).toBe(1.5);
		expect(parseStarlightPagefind('no pagefind here')).toBeNull();
	});
});

const result = (label: string, cpu: number, peakGib: number, rebuildCpu: number, fq = 100_000): PeerResult => ({
	articles: 5000,
	label,
	pages: 5000,
	cold: { wallSeconds: cpu / 2, cpuSeconds: cpu, peakBytes: peakGib * GIB },
	renderSeconds: cpu / 4,
	renderCpuSeconds: cpu / 5,
	pagefindSeconds: 10,
	indexBytes: 15 * 1024 ** 2,
	rebuild: { wallSeconds: rebuildCpu / 2, cpuSeconds: rebuildCpu, peakBytes: peakGib * GIB },
	firstQuery: { query: 'outlook', bytes: fq, requests: 5, ms: 900 },
});

describe('the side-by-side figures', () => {
	it('prints one build on a line as it ends', () => {
		expect(costLine({ wallSeconds: 161.52, cpuSeconds: 250.04, peakBytes: 4.5 * GIB })).toBe(
			'161.5 s wall, 250.0 s CPU, peak 4608 MiB',
		);
	});

	it('prints one row per site with pages per second and the rebuild share', () => {
		const table = peerTable([result('Tier Zero', 200, 1.5, 40), result('Starlight 0.42.4', 160, 3.5, 150)]);
		const rows = table.split('\n');
		expect(rows).toHaveLength(4);
		expect(rows[2]).toMatch(/\| Tier Zero +\|/);
		expect(rows[2]).toContain('50.0'); // 5,000 pages in 100 s
		expect(rows[2]).toContain('20 %'); // 40 of 200 CPU seconds
		expect(rows[2]).toContain('1536 MiB');
		expect(rows[3]).toContain('94 %');
	});

	it('gives ratios against the peer and says which goals are met', () => {
		const lines = ratioLines([result('Tier Zero', 150, 1.9, 30, 140_000), result('Starlight 0.42.4', 160, 3.5, 150, 400_000)]);
		expect(lines[0]).toContain('CPU 0.94×');
		expect(lines[0]).toContain('first-query bytes 0.35×');
		expect(lines[1]).toMatch(/CPU 0\.94× \(goal ≤ 1\.0×\) met; peak 1\.90 GiB \(goal ≤ 2\.0 GiB\) met; rebuild 20 % .* met/);
		const missed = ratioLines([result('Tier Zero', 200, 4.4, 190), result('Starlight 0.42.4', 100, 3.5, 100)]);
		expect(missed[1]).toMatch(/CPU 2\.00× .* NOT met; peak 4\.40 GiB .* NOT met; rebuild 95 % .* NOT met/);
	});

	it('takes the run whose cold build took the median CPU time, the lower middle one for an even count', () => {
		const run = (cpu: number) => ({ cold: { wallSeconds: 1, cpuSeconds: cpu, peakBytes: 1 }, rebuild: { wallSeconds: 1, cpuSeconds: 1, peakBytes: 1 } });
		const runs = [run(97.6), run(86.3), run(147.7)];
		expect(medianRun(runs)).toBe(runs[0]);
		expect(medianRun([run(5)])).toEqual(run(5));
		const even = [run(4), run(1), run(3), run(2)];
		expect(medianRun(even)).toBe(even[3]);
		expect(() => medianRun([])).toThrow(/no run/);
	});

	it("lists every run of a repeated benchmark with each pair's CPU ratio, and judges the goals on the median runs", () => {
		const runsOf = (...cpu: number[]) =>
			cpu.map((c) => ({ cold: { wallSeconds: c / 2, cpuSeconds: c, peakBytes: 1.5 * GIB }, rebuild: { wallSeconds: 5, cpuSeconds: c / 5, peakBytes: GIB } }));
		const tz = { ...result('Tier Zero', 150, 1.5, 30), runs: runsOf(140, 150, 190) };
		const sl = { ...result('Starlight 0.42.4', 200, 3.5, 150), runs: runsOf(200, 300, 180) };
		const lines = ratioLines([tz, sl]);
		expect(lines[0]).toContain('CPU 0.75×');
		expect(lines[1]).toBe(
			'5000 articles, 3 runs, cold CPU of each: Tier Zero 140.0 s (rebuild 20 %, peak 1.50 GiB), 150.0 s (rebuild 20 %, peak 1.50 GiB), ' +
				'190.0 s (rebuild 20 %, peak 1.50 GiB); Starlight 0.42.4 200.0 s (rebuild 20 %, peak 1.50 GiB), 300.0 s (rebuild 20 %, peak 1.50 GiB), ' +
				"180.0 s (rebuild 20 %, peak 1.50 GiB); CPU ratio of each run's pair of cold builds: 0.70×, 0.50×, 1.06×. " +
				"The table, the ratios and the goals take each site's median run by cold CPU",
		);
		expect(lines[2]).toMatch(/^5000 articles, Tier Zero goals: CPU 0\.75× \(goal ≤ 1\.0×\) met/);
		// One run each: no such line.
		expect(ratioLines([result('Tier Zero', 150, 1.5, 30), result('Starlight 0.42.4', 200, 3.5, 150)])[1]).toMatch(/goals/);
	});

	it('has no goal for counts the issue sets none for, beyond the rebuild', () => {
		const r = [result('Tier Zero', 10, 1, 2), result('Starlight 0.42.4', 10, 1, 2)].map((x) => ({ ...x, articles: 500 }));
		expect(ratioLines(r)[1]).toBe('500 articles, Tier Zero goals: rebuild 20 % of cold CPU (goal ≤ 25 %) met');
	});

	it("says how each site's render phase grew from the smallest size to the largest, and judges the goal on CPU time", () => {
		const at = (articles: number, label: string, renderSeconds: number | null, renderCpuSeconds: number | null = null) => ({
			...result(label, 100, 1, 20),
			articles,
			renderSeconds,
			renderCpuSeconds,
		});
		const lines = renderGrowthLines([
			at(5000, 'Tier Zero', 40, 44),
			at(5000, 'Starlight 0.42.4', 30, 33),
			at(10000, 'Tier Zero', 90, 88),
			at(10000, 'Starlight 0.42.4', 58.5, 70),
		]);
		expect(lines).toEqual([
			// A wall time grown 2.25× on a busy machine, for CPU time grown 2.00×: the goal is met.
			'Tier Zero render phase, 10000 / 5000 articles: wall 90.0 s / 40.0 s = 2.25×; CPU 88.0 s / 44.0 s = 2.00× (goal ≤ 2.1× in CPU time) met',
			'Starlight 0.42.4 render phase, 10000 / 5000 articles: wall 58.5 s / 30.0 s = 1.95×; CPU 70.0 s / 33.0 s = 2.12×',
		]);
		expect(renderGrowthLines([at(5000, 'Tier Zero', 40, 40), at(10000, 'Tier Zero', 80, 88)])[0]).toMatch(
			/CPU 88\.0 s \/ 40\.0 s = 2\.20× \(goal ≤ 2\.1× in CPU time\) NOT met$/,
		);
		// Without a CPU time at either size, the wall time is judged, and the line says so.
		expect(renderGrowthLines([at(5000, 'Tier Zero', 40, 40), at(10000, 'Tier Zero', 80)])[0]).toBe(
			'Tier Zero render phase, 10000 / 5000 articles: wall 80.0 s / 40.0 s = 2.00× (goal ≤ 2.1× in wall time: no CPU time was read) met',
		);
		// One size, or no timing in the log: nothing to compare.
		expect(renderGrowthLines([at(5000, 'Tier Zero', 40)])).toEqual([]);
		expect(renderGrowthLines([at(5000, 'Tier Zero', null), at(10000, 'Tier Zero', 80)])).toEqual([]);
	});

	it("takes the render phase's CPU time from the marks at its first and last lines", () => {
		expect(renderCpuFromMarks([12.5, 40])).toBe(27.5);
		expect(renderCpuFromMarks([12.5, null])).toBeNull();
		expect(renderCpuFromMarks([null, null])).toBeNull();
		expect(renderCpuFromMarks([])).toBeNull();
		// The marks find the phase in Astro's own lines: its start, then the first end after it
		// (the sync and the build print the same end), however the output is cut into chunks.
		const log =
			'[build] \u2713 Completed in 25.09s.\n\n generating static routes \n/kb/a (+3ms)\n\u2713 Completed in 30.32s.\n[build] \u2713 Completed in 34.13s.\n';
		for (const size of [1, 7, 4096]) {
			const seenAt: number[] = [];
			let read = 0;
			const watch = markWatcher(RENDER_MARKS, () => seenAt.push(read));
			for (let i = 0; i < log.length; i += size) {
				read = Math.min(log.length, i + size);
				watch(log.slice(i, i + size));
			}
			expect(seenAt).toHaveLength(2);
			expect(seenAt[0]).toBeGreaterThanOrEqual(log.indexOf('generating static routes') + 'generating static routes'.length);
			expect(seenAt[1]).toBeGreaterThanOrEqual(log.indexOf('Completed in 30.32s'));
			// It fired in a chunk that began before the build's own end.
			expect(seenAt[1]! - size).toBeLessThan(log.indexOf('\u2713 Completed in 34.13s'));
		}
	});
});
