// npm run serve -- [DIR] [--port 4321] [--host 127.0.0.1]: serves a built site the way a static
// host does (scripts/lib/static-server.ts); `npm start` builds first.
import { existsSync } from 'node:fs';
import { InputError, UsageError } from '../src/lib/cli-errors.ts';
import { runCli } from './lib/cli.ts';
import { serveSite } from './lib/static-server.ts';

await runCli(
	'serve',
	'npm run serve -- [DIR] [--port 4321] [--host 127.0.0.1]   (default: dist/, or TIERZERO_OUT_DIR)',
	{ allowPositionals: true, options: { port: { type: 'string', default: '4321' }, host: { type: 'string', default: '127.0.0.1' } } },
	async ({ values, positionals }) => {
		if (positionals.length > 1) throw new UsageError('one folder at most');
		const port = Number(values.port);
		if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: must be 0-65535, got "${values.port}"`);
		const dir = positionals[0] ?? process.env.TIERZERO_OUT_DIR ?? 'dist';
		if (!existsSync(`${dir}/index.html`)) throw new InputError('no built site here; run `npm run build` first', dir);
		const site = await serveSite(dir, { port, host: values.host });
		console.log(`serving ${dir} on ${site.url}/ (as a static host does; Ctrl+C stops)`);
		const stop = () => void site.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	},
);
