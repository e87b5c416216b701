import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
// The settings the collector reads: `env.NAME` in its script and the store it opens.
const collectorSettings = new Set(
	[read('scripts/collector.ts'), read('src/lib/analytics/open-store-fs.ts')].flatMap((s) => [...s.matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]!)),
);

describe('the collector deployment files', () => {
	it('the systemd unit starts an npm script that exists, with settings the collector reads', () => {
		const unit = read('deploy/tierzero-collector.service');
		const script = /^ExecStart=\/usr\/bin\/npm run (\S+)$/m.exec(unit)?.[1];
		expect(script).toBe('collector');
		expect(scripts[script!]).toBe('node scripts/collector.ts');
		const names = [...unit.matchAll(/^Environment=([A-Z_]+)=/gm)].map((m) => m[1]!).filter((n) => n !== 'NODE_ENV');
		expect(names.filter((n) => !collectorSettings.has(n))).toEqual([]);
	});

	it('the compose file runs the container file with PostgreSQL and settings the collector reads', () => {
		const compose = parse(read('deploy/compose.yaml')) as { services: Record<string, { image?: string; build?: { dockerfile: string }; environment?: Record<string, string> }> };
		expect(compose.services.postgres!.image).toMatch(/^postgres:\d+/);
		const collector = compose.services.collector!;
		expect(read(collector.build!.dockerfile)).toContain('CMD ["node", "scripts/collector.ts"]');
		expect(Object.keys(collector.environment!).filter((n) => !collectorSettings.has(n))).toEqual([]);
		expect(collector.environment!.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres\//);
	});
});
