import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../../../src/lib/edition.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const workflow = parse(readFileSync(`${ROOT}.github/workflows/content.yml`, 'utf8')) as {
	on: Record<string, unknown>;
	jobs: Record<string, { if?: string; steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] }>;
};
const scripts = Object.keys((JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts);
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const runs = steps.flatMap((s) => (s.run ? [s.run] : []));

describe('.github/workflows/content.yml', () => {
	it('runs only npm scripts that package.json has', () => {
		const used = runs.flatMap((r) => [...r.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!));
		expect(used.length).toBeGreaterThan(4);
		expect(used.filter((s) => !scripts.includes(s))).toEqual([]);
	});

	it('pins every action to a full commit SHA', () => {
		const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
		expect(uses.length).toBeGreaterThan(4);
		expect(uses.filter((u) => !/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/.test(u))).toEqual([]);
	});

	it('checks, builds, link-checks and uploads a preview on pull requests, and deploys main', () => {
		expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
		const pr = workflow.jobs.check!;
		expect(pr.if).toContain('pull_request');
		const order = pr.steps.map((s) => s.run ?? s.uses!.split('@')[0]!);
		const at = (what: string) => order.findIndex((s) => s.startsWith(what));
		const positions = ['npm ci', 'npm run check:content', 'npm run build', 'npm run check:links', 'actions/upload-artifact'].map(at);
		expect(positions.every((p) => p >= 0)).toBe(true);
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
		expect(order).toContain('npm run check:content -- --format github');
		expect(order.some((s) => s.includes('$GITHUB_STEP_SUMMARY'))).toBe(true);
		const deploy = workflow.jobs.deploy!.steps;
		// The public-URL check comes after npm ci (site-url reads site.config.ts) and before the build.
		const deployOrder = deploy.map((s) => s.run ?? s.uses!.split('@')[0]!);
		const siteUrl = deployOrder.indexOf('npm run site-url');
		expect(siteUrl).toBeGreaterThan(deployOrder.indexOf('npm ci'));
		expect(siteUrl).toBeLessThan(deployOrder.indexOf('npm run build'));
		expect(deploy.at(-1)!.uses).toMatch(/^actions\/deploy-pages@/);
	});

	it("restores Astro's build cache after npm ci and before the build, in both jobs", () => {
		for (const job of Object.values(workflow.jobs)) {
			const order = job.steps.map((s) => s.run ?? s.uses!.split('@')[0]!);
			const cache = order.indexOf('actions/cache');
			// npm ci empties node_modules, where the cache lives.
			expect(cache).toBeGreaterThan(order.indexOf('npm ci'));
			expect(cache).toBeLessThan(order.indexOf('npm run build'));
			const { path, key } = job.steps[cache]!.with as { path: string; key: string };
			expect(path).toBe(CACHE_DIR.public.replace(/^\.\//, ''));
			expect(key).toContain("hashFiles('package-lock.json', 'astro.config.mjs'");
		}
	});
});
