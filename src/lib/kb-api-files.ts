/**
 * Which `/api/kb/<ID>.json` files a build writes, keeps or removes. The build writes them itself
 * after Astro's pages (src/integrations/kb-api.ts says why), and reuses a file from the last
 * build when nothing it is made from changed: the article's fields and body, the kind of file
 * (`.md` and `.mdx` render through different processors), the origins its links point to, and
 * the code that renders it. Pure; src/lib/kb-api-files-fs.ts reads and writes.
 */
import { createHash } from 'node:crypto';
import * as devalue from 'devalue';
import type { Origins } from './api.ts';

/** The folder of the output the build owns for these files: Astro's output pruning leaves it alone. */
export const KB_API_FOLDER = 'api/kb/';

/** The file of an article, in KB_API_FOLDER. */
export const kbApiFileName = (id: string): string => `${id}.json`;

/**
 * What a file is made from, as one digest. `codeDigest` stands for the renderer (the project's
 * code and the installed packages); the fields are serialized with devalue, which keeps a date a
 * date and a `Map` a `Map`, so two different values never give the same text.
 */
export function kbApiKey(codeDigest: string, origins: Origins, filePath: string, data: unknown, body: string): string {
	const kind = filePath.endsWith('.mdx') ? 'mdx' : 'md';
	return createHash('sha256')
		.update(JSON.stringify([codeDigest, origins.site, origins.public, kind, body]))
		.update('\0')
		.update(devalue.stringify(data))
		.digest('base64url');
}

export interface KbApiPlan {
	/** Article IDs whose file is written. */
	write: string[];
	/** Article IDs whose file from the last build stays as it is. */
	keep: string[];
	/** File names in the folder that no article of this build has (deleted, drafted, renumbered). */
	remove: string[];
}

/**
 * `wanted`: this build's articles, ID → key. `previous`: the keys the last build wrote its files
 * with. `present`: the file names now in the folder. A file is kept only when it is there and was
 * written from the same key; anything else in the folder goes.
 */
export function planKbApiFiles(
	wanted: ReadonlyMap<string, string>,
	previous: Readonly<Record<string, string>>,
	present: ReadonlySet<string>,
): KbApiPlan {
	const plan: KbApiPlan = { write: [], keep: [], remove: [] };
	const names = new Set<string>();
	for (const [id, key] of wanted) {
		const name = kbApiFileName(id);
		names.add(name);
		if (present.has(name) && Object.hasOwn(previous, id) && previous[id] === key) plan.keep.push(id);
		else plan.write.push(id);
	}
	for (const name of present) if (!names.has(name)) plan.remove.push(name);
	return plan;
}
