/**
 * The two kinds of mistake a command reports to its user, one line and no stack trace each
 * (scripts/lib/cli.ts maps them to exit codes). Anything else thrown is a bug and keeps its stack.
 */

/** A mistake in the command line (a value that cannot be read, options that exclude each other): exit 2, with the usage. */
export class UsageError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}

/**
 * Data a command cannot use (a file, the content tree, a database it cannot open): printed as
 * `file:line: message` (or just the message), exit 1.
 */
export class InputError extends Error {
	file: string | undefined;
	line: number | undefined;

	constructor(message: string, file?: string, line?: number) {
		super(message);
		this.name = 'InputError';
		this.file = file;
		this.line = line;
	}

	format(): string {
		if (this.file === undefined) return this.message;
		return `${this.file}${this.line === undefined ? '' : `:${this.line}`}: ${this.message}`;
	}
}
