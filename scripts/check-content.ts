// Checks content/ against the schemas and cross-entry rules without a full site build.
import { loadAndCheckContent } from '../src/lib/content-fs.ts';
import { formatProblems } from '../src/lib/content-rules.ts';

const root = process.argv[2] ?? process.env.TIERZERO_CONTENT_DIR ?? 'content';
const { problems, counts } = loadAndCheckContent(root);
if (problems.length > 0) {
	console.error(formatProblems(problems));
	process.exitCode = 1;
} else {
	console.log(`content ok: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
}
