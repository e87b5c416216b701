import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * `node:util` parseArgs for the scripts, with the house error style: a wrong option prints one
 * line and the usage, and exits 2, instead of a stack trace.
 */
export function parseCli<T extends ParseArgsConfig>(name: string, usage: string, config: T): ReturnType<typeof parseArgs<T>> {
	try {
		return parseArgs(config);
	} catch (error) {
		console.error(`${name}: ${(error as Error).message}`);
		console.error(`usage: ${usage}`);
		process.exit(2);
	}
}
