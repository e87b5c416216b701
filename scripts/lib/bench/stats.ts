/**
 * Reading the build tools' output and printing benchmark figures. Every figure comes from a
 * measurement the caller made; this module only parses and formats.
 */

/** What one benchmarked site measured. */
export interface SiteResult {
	/** `starter` or the generated article count, e.g. `5000`. */
	site: string;
	kbArticles: number;
	/** Pages Astro reports building (HTML pages and endpoints such as robots.txt). */
	pages: number;
	/** Wall-clock seconds of the `astro build` process, start to exit. */
	buildSeconds: number;
	/** Peak resident set size of the `astro build` process, bytes. */
	astroPeakBytes: number;
	/** Wall-clock seconds of the `pagefind` process. */
	pagefindSeconds: number;
	/** Peak resident set size of the `pagefind` process, bytes. */
	pagefindPeakBytes: number;
	/** Pages Pagefind reports indexing. */
	indexedPages: number;
	/** Bytes below `<out>/pagefind/`. */
	indexBytes: number;
	/** Bytes of the whole output directory, index included. */
	distBytes: number;
}

// Astro and Pagefind colour their output when they think a terminal is attached.
const ANSI = /\u001b\[[0-9;]*m/g;

/** Page count from Astro's closing `N page(s) built in …` line, or null when absent. */
export function parseAstroPages(output: string): number | null {
	const m = /(\d+) page\(s\) built in/.exec(output.replace(ANSI, ''));
	return m ? Number(m[1]) : null;
}

/**
 * Seconds of Astro's render phase (wall clock), from the `✓ Completed in …` that closes its
 * `generating static routes` step (`450ms`, `25.85s`, `1m 19s`), or null when absent.
 */
export function parseRenderSeconds(output: string): number | null {
	const text = output.replace(ANSI, '');
	const start = text.indexOf('generating static routes');
	if (start < 0) return null;
	const m = /\u2713 Completed in (?:(\d+)m (\d+)s|([\d.]+)s|(\d+)ms)\./.exec(text.slice(start));
	if (!m) return null;
	if (m[1] !== undefined) return Number(m[1]) * 60 + Number(m[2]);
	return m[3] !== undefined ? Number(m[3]) : Number(m[4]) / 1000;
}

/** Page and word counts from Pagefind's `Indexed N pages` / `Indexed N words` lines. */
export function parsePagefind(output: string): { pages: number; words: number | null } | null {
	const text = output.replace(ANSI, '');
	const pages = /Indexed (\d+) pages?\b/.exec(text);
	if (!pages) return null;
	const words = /Indexed (\d+) words?\b/.exec(text);
	return { pages: Number(pages[1]), words: words ? Number(words[1]) : null };
}

/** Peak RSS in kilobytes from a `/proc/<pid>/status` text (`VmHWM:  123456 kB`), or null. */
export function parseVmHwm(status: string): number | null {
	const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
	return m ? Number(m[1]) : null;
}

const MIB = 1024 * 1024;

/** Bytes as mebibytes with one decimal (`12.3`), the unit the table states in its header. */
export const mib = (bytes: number): string => (bytes / MIB).toFixed(1);

/** Bytes in a unit a reader takes in at a glance: `812 B`, `41.2 KiB`, `12.3 MiB`. */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < MIB) return `${(bytes / 1024).toFixed(1)} KiB`;
	if (bytes < 1024 * MIB) return `${(bytes / MIB).toFixed(1)} MiB`;
	return `${(bytes / (1024 * MIB)).toFixed(2)} GiB`;
}

/** A Markdown table with padded columns; numeric-looking cells are right-aligned. */
export function formatTable(headers: string[], rows: string[][]): string {
	const numeric = headers.map(
		(_, c) => rows.length > 0 && rows.every((r) => /^[\d.,]+( \w+)?$/.test(r[c] ?? '')),
	);
	const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
	const line = (cells: string[]) =>
		`| ${cells.map((cell, c) => (numeric[c] ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
	const rule = `|${widths.map((w, c) => (numeric[c] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
	return [line(headers), rule, ...rows.map(line)].join('\n');
}

/** The benchmark table: one row per site. */
export function resultsTable(results: SiteResult[]): string {
	return formatTable(
		[
			'site',
			'KB articles',
			'pages',
			'astro build s',
			'pages/s',
			'astro peak MiB',
			'pagefind s',
			'pagefind peak MiB',
			'indexed pages',
			'index size',
			'dist size',
		],
		results.map((r) => [
			r.site,
			String(r.kbArticles),
			String(r.pages),
			r.buildSeconds.toFixed(1),
			(r.pages / r.buildSeconds).toFixed(1),
			mib(r.astroPeakBytes),
			r.pagefindSeconds.toFixed(1),
			mib(r.pagefindPeakBytes),
			String(r.indexedPages),
			formatBytes(r.indexBytes),
			formatBytes(r.distBytes),
		]),
	);
}

/** Milliseconds of astro build per page built. */
export const msPerPage = (r: SiteResult): number => (r.buildSeconds * 1000) / r.pages;

/**
 * One line per site compared with the baseline (the starter site): build time per page, and how
 * much the index grows per added indexed page (Pagefind's fixed files, about half a MiB of
 * JavaScript and WebAssembly, would blur a plain per-page average). Ratios hold up better than raw
 * seconds on a shared, noisy machine.
 */
export function ratioLines(results: SiteResult[], baseline = 'starter'): string[] {
	const base = results.find((r) => r.site === baseline);
	if (!base) return [];
	return results
		.filter((r) => r !== base)
		.map((r) => {
			const addedPages = r.indexedPages - base.indexedPages;
			const growth =
				addedPages > 0
					? `; index +${formatBytes(Math.round((r.indexBytes - base.indexBytes) / addedPages))} per added indexed page`
					: '';
			return (
				`${r.site} vs ${base.site}: ${(r.pages / base.pages).toFixed(1)}× the pages, ` +
				`${(r.buildSeconds / base.buildSeconds).toFixed(1)}× the build time; ` +
				`time per page ${msPerPage(r).toFixed(1)} ms vs ${msPerPage(base).toFixed(1)} ms ` +
				`(×${(msPerPage(r) / msPerPage(base)).toFixed(2)})${growth}; ` +
				`astro peak memory ×${(r.astroPeakBytes / base.astroPeakBytes).toFixed(1)}`
			);
		});
}
