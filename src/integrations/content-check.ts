/**
 * Runs the content checks of `npm run check:content` before `astro build` starts. Astro's own
 * validation stops at the first entry that fails its schema and names no line; this lists every
 * problem at once, as `file:line: field: message`, before any page is rendered.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { contentFolderError, loadAndCheckContent } from '../lib/content-fs.ts';
import { formatProblems } from '../lib/content-rules.ts';

export function contentCheck(contentDir: string): AstroIntegration {
	return {
		name: 'tierzero:content-check',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				// The dev server reports content errors live, per edit; failing its start would not help.
				if (command !== 'build') return;
				const folderError = contentFolderError(contentDir);
				if (folderError) {
					throw new AstroError(folderError, 'Check TIERZERO_CONTENT_DIR, or unset it to build content/.');
				}
				const { problems } = loadAndCheckContent(contentDir);
				if (problems.length === 0) return;
				// Logged as is: Astro renders an error's message as Markdown, which would turn
				// `**Fix**` quoted from a runbook into bold and lose what the writer must look for.
				logger.error(formatProblems(problems));
				throw new AstroError(
					`The content check found ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}, listed above.`,
					'Fix each file at the line shown; `npm run check:content` checks again in about a second.',
				);
			},
		},
	};
}
