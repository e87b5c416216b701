// Checks content/ against the schemas and cross-entry rules without a full site build.
import { existsSync, statSync } from 'node:fs';
import { loadAndCheckContent } from '../src/lib/content-fs.ts';
import { formatProblems } from '../src/lib/content-rules.ts';

const arg = process.argv[2];
const root = arg ?? process.env.TIERZERO_CONTENT_DIR ?? 'content';
if (arg?.startsWith('-') || process.argv.length > 3) {
	console.error('usage: npm run check:content -- [CONTENT_DIR]   (default: content/)');
	process.exit(2);
}
// A mistyped folder must not pass as an empty, "valid" help center.
if (!existsSync(root) || !statSync(root).isDirectory()) {
	console.error(`${root}: no such content folder`);
	process.exit(2);
}
const { problems, counts } = loadAndCheckContent(root);
if (problems.length > 0) {
	console.error(formatProblems(problems));
	process.exitCode = 1;
} else {
	console.log(`content ok: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
}
