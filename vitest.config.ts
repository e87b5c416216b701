import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					// Some unit tests start a CLI several times; with both cores busy (load 30+) one such
					// test took 36 s. A generous limit keeps them about behaviour, not the machine's speed.
					testTimeout: 120_000,
				},
			},
			{
				// Full `astro build` runs over fixture content: slow, so apart from the unit tests.
				test: {
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					testTimeout: 240_000,
					hookTimeout: 240_000,
					fileParallelism: false,
				},
			},
			{
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					// Browser tests must pass with both cores busy (npm run test:stress): a journey
					// may take minutes there, and expect.poll waits 15 s, not vitest's default 1 s,
					// for what the page will show.
					testTimeout: 180_000,
					// The analytics journey builds its own site first.
					hookTimeout: 600_000,
					expect: { poll: { timeout: 15_000 } },
					// One browser and one server at a time: the machines have two cores.
					fileParallelism: false,
				},
			},
		],
	},
});
