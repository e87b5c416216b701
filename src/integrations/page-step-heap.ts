/**
 * From the page step on, `astro build`'s process counts the buffers outside V8's heap in the
 * heap's growing limit (src/lib/v8-heap.ts says why). Set when the build starts, after the
 * content sync, which makes few such buffers: the pages and the passes after them do.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { countExternalMemoryInHeapLimit, EXTERNAL_MEMORY_FLAG } from '../lib/v8-heap.ts';

export function pageStepHeap(): AstroIntegration {
	let knownFlagsFile: string | undefined;
	return {
		name: 'tierzero:page-step-heap',
		hooks: {
			'astro:config:done': ({ config }) => {
				knownFlagsFile = join(fileURLToPath(config.cacheDir), 'tierzero', 'v8-flags.json');
			},
			'astro:build:start': ({ logger }) => {
				if (!countExternalMemoryInHeapLimit(knownFlagsFile)) logger.info(`this Node's V8 has no ${EXTERNAL_MEMORY_FLAG}: the page step collects garbage more often`);
			},
		},
	};
}
