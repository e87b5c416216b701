/**
 * A problem with the user's input or arguments. The CLI prints it as `file:line: message` without a
 * stack trace; anything else that is thrown is a bug and keeps its stack.
 */
export class MineError extends Error {
	file: string | undefined;
	line: number | undefined;

	constructor(message: string, file?: string, line?: number) {
		super(message);
		this.name = 'MineError';
		this.file = file;
		this.line = line;
	}

	/** `file:line: message`, `file: message` or the bare message, as the CLI prints it. */
	format(): string {
		if (this.file === undefined) return this.message;
		return `${this.file}${this.line === undefined ? '' : `:${this.line}`}: ${this.message}`;
	}
}

/**
 * A mistake in the command line itself (a missing or empty path, an unknown format): the CLI
 * prints the message and the usage line and exits with status 2, before reading or writing anything.
 */
export class UsageError extends MineError {
	constructor(message: string) {
		super(message);
		this.name = 'UsageError';
	}
}
