// Checks content/ against the schemas and cross-entry rules without a full site build.
import { contentFolderError, loadAndCheckContent } from '../src/lib/content-fs.ts';
import { formatProblems } from '../src/lib/content-rules.ts';

const arg = process.argv[2];
const root = arg ?? process.env.TIERZERO_CONTENT_DIR ?? 'content';
if (arg?.startsWith('-') || process.argv.length > 3) {
	console.error('usage: npm run check:content -- [CONTENT_DIR]   (default: content/)');
	process.exit(2);
}
const folderError = contentFolderError(root);
if (folderError) {
	console.error(folderError);
	process.exit(2);
}
const { problems, counts } = loadAndCheckContent(root);
if (problems.length > 0) {
	console.error(formatProblems(problems));
	process.exitCode = 1;
} else {
	console.log(`content ok: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
}
