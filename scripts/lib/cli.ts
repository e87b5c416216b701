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

/**
 * A mistake in the command line (a value that cannot be read, options that exclude each other):
 * printed by {@link runCommand} as `name: message` and the usage, exit 2.
 */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/**
 * Data a command cannot use (a database it cannot open, an export it cannot read): printed by
 * {@link runCommand} as `name: message` without a stack trace, exit 1.
 */
export class InputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InputError';
	}
}

/**
 * Runs a command module and prints the lines it returns; a UsageError exits 2 with the usage, an
 * InputError exits 1 with its message. Anything else is a bug and keeps its stack trace.
 */
export async function runCommand(name: string, usage: string, command: () => Promise<readonly string[]>): Promise<void> {
	try {
		for (const line of await command()) console.log(line);
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`${name}: ${error.message}`);
			console.error(`usage: ${usage}`);
			process.exitCode = 2;
		} else if (error instanceof InputError) {
			console.error(`${name}: ${error.message}`);
			process.exitCode = 1;
		} else throw error;
	}
}
