// Starts the analytics collector: POST /api/events, GET /healthz. Configured by the environment:
// PORT (8787), HOST (127.0.0.1), TIERZERO_DB (data/analytics.db) or DATABASE_URL (PostgreSQL),
// TIERZERO_ORIGINS (comma list), TIERZERO_RATE_LIMIT (requests/minute/client, 0 = off),
// TIERZERO_TRUST_PROXY=N (N proxies of your own in front: the client is the Nth X-Forwarded-For
// entry from the right).
import { parseOrigins, parseTrustProxy, startCollector } from '../src/lib/analytics/collector.ts';
import { openStore } from '../src/lib/analytics/open-store-fs.ts';
import { siteConfig } from '../src/site-config.ts';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const rateLimit = Number(env.TIERZERO_RATE_LIMIT ?? 120);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT: must be 0-65535, got "${env.PORT}"`);
const trustProxy = parseTrustProxy(env.TIERZERO_TRUST_PROXY);
if (trustProxy === null) {
	fail(
		`TIERZERO_TRUST_PROXY: must be the number of proxies of your own in front of the collector (0 or unset for none), got "${env.TIERZERO_TRUST_PROXY}"`,
	);
}
if (!Number.isFinite(rateLimit) || rateLimit < 0) {
	fail(`TIERZERO_RATE_LIMIT: must be requests per minute (0 turns it off), got "${env.TIERZERO_RATE_LIMIT}"`);
}

const { store, description } = await openStore({ databaseUrl: env.DATABASE_URL, dbPath: env.TIERZERO_DB }).catch(
	(error: unknown) => fail(`storage: ${(error as Error).message}`),
);
const origins = parseOrigins(env.TIERZERO_ORIGINS, siteConfig.origin);
const collector = await startCollector({
	store,
	origins,
	rateLimitPerMinute: rateLimit,
	trustProxy,
	port,
	host: env.HOST ?? '127.0.0.1',
}).catch((error: unknown) => fail(`listen: ${(error as Error).message}`));

console.log(`collector listening on ${collector.url} (storage: ${description}; origins: ${origins.join(', ')})`);

let closing = false;
const shutdown = () => {
	if (closing) return;
	closing = true;
	collector.close().then(
		() => process.exit(0),
		(error: unknown) => fail(`shutdown: ${String(error)}`),
	);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

function fail(message: string): never {
	console.error(`collector: ${message}`);
	process.exit(1);
}
