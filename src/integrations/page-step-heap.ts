/**
 * From the page step on, `astro build`'s process counts the buffers outside V8's heap in the
 * heap's growing limit (src/lib/v8-heap.ts says why). Set when the build starts, after the
 * content sync, which makes few such buffers: the pages and the passes after them do.
 */
import type { AstroIntegration } from 'astro';
import { countExternalMemoryInHeapLimit, EXTERNAL_MEMORY_FLAG } from '../lib/v8-heap.ts';

export function pageStepHeap(): AstroIntegration {
	return {
		name: 'tierzero:page-step-heap',
		hooks: {
			'astro:build:start': ({ logger }) => {
				if (!countExternalMemoryInHeapLimit()) logger.info(`this Node's V8 has no ${EXTERNAL_MEMORY_FLAG}: the page step collects garbage more often`);
			},
		},
	};
}
