/**
 * `astro build` reads and writes its files synchronously (src/lib/sync-fs-promises.ts says why):
 * from the start of the build, before the content layer reads the entries, until the build is
 * done. Only a build: the dev server serves requests while it reads and writes.
 */
import type { AstroIntegration } from 'astro';
import { useSyncFsPromises } from '../lib/sync-fs-promises.ts';

export function syncFileIo(): AstroIntegration {
	let restore: (() => void) | undefined;
	return {
		name: 'tierzero:sync-file-io',
		hooks: {
			'astro:config:setup': ({ command }) => {
				if (command === 'build') restore ??= useSyncFsPromises();
			},
			'astro:build:done': () => {
				restore?.();
				restore = undefined;
			},
		},
	};
}
