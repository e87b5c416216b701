/**
 * Titles and URLs for the entry ids events carry (`KB-0042`, `faq/<category>/<slug>`), so the
 * deflection report names "KB-0026 Webhook deliveries are not retried" and links to it rather
 * than leaving the lead to look the ID up. Pure: the CLI reads the content tree.
 */

import { faqFilePath, kbPath } from '../permalinks.ts';

/** What the report shows for an entry id. */
export interface EntryInfo {
	title: string;
	url: string;
}

/** The parts of the loaded content the directory needs (see content-fs.ts). */
export interface EntrySources {
	kb: readonly { data: { id: string; title: string } }[];
	faq: readonly { filePath: string; data: { question: string; category: string } }[];
}

/**
 * Entry id → title and absolute URL on the site at `origin`. FAQ ids are built as the pages build
 * them (src/content.ts `faqId`: `faq/<category>/<slug>`).
 */
export function entryDirectory(sources: EntrySources, origin: string): Map<string, EntryInfo> {
	const base = origin.replace(/\/$/, '');
	const directory = new Map<string, EntryInfo>();
	for (const { data } of sources.kb) {
		directory.set(data.id, { title: data.title, url: `${base}${kbPath(data.id)}` });
	}
	for (const { filePath, data } of sources.faq) {
		const path = faqFilePath(data.category, filePath);
		// The id the FAQ page reports its events under is its path without the slashes at the ends.
		directory.set(path.slice(1, -1), { title: data.question, url: `${base}${path}` });
	}
	return directory;
}
