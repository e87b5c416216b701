import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError, UsageError } from '../../src/lib/cli-errors.ts';

// The command modules throw these; scripts import them from here or from src/lib/cli-errors.ts.
export { InputError, UsageError };

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

/** A wrong option value found after parsing: one line and the usage, exit 2. */
export function usageExit(name: string, usage: string, message: string): never {
	console.error(`${name}: ${message}`);
	console.error(`usage: ${usage}`);
	process.exit(2);
}

/**
 * Runs `run` and turns a command's mistakes into exit codes: 2 with the usage for a
 * {@link UsageError}, 1 for an {@link InputError} or anything with a `format()` (one line, no
 * stack trace). Anything else is a bug and keeps its stack trace.
 */
async function guarded(name: string, usage: string, run: () => Promise<void>): Promise<void> {
	try {
		await run();
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`${name}: ${error.message}`);
			console.error(`usage: ${usage}`);
			process.exitCode = 2;
		} else if (error instanceof InputError || typeof (error as { format?: unknown }).format === 'function') {
			console.error(`${name}: ${(error as InputError).format()}`);
			process.exitCode = 1;
		} else throw error;
	}
}

/** Runs a command module and prints the lines it returns (see {@link guarded} for errors). */
export async function runCommand(name: string, usage: string, command: () => Promise<readonly string[]>): Promise<void> {
	await guarded(name, usage, async () => {
		for (const line of await command()) console.log(line);
	});
}

/**
 * The one shape of a CLI: parse the arguments, run the command module (which does the I/O over
 * pure code) with them. The command prints, and may return an exit code (1 when a check found
 * problems it has printed); its mistakes become exit codes as in {@link guarded}.
 */
export async function runCli<T extends ParseArgsConfig>(
	name: string,
	usage: string,
	config: T,
	command: (parsed: ReturnType<typeof parseArgs<T>>) => Promise<number | void> | number | void,
): Promise<void> {
	const parsed = parseCli(name, usage, config);
	await guarded(name, usage, async () => {
		const code = await command(parsed);
		if (typeof code === 'number') process.exitCode = code;
	});
}
