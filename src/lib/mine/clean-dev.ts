/**
 * Cleaning for developer tickets (GitHub issues, bug reports pasted into a helpdesk): the parts
 * an issue template or a terminal wrote are cut before grouping, since tickets that share them
 * would otherwise group around the boilerplate instead of the question. Cut: HTML comments,
 * template headings and prompts ("Describe the bug", "Steps to reproduce"), checkbox lists,
 * environment and version dumps, code fences, stack traces (Python, Node, Java, Go, .NET) and log
 * lines. Kept: the error message line of a trace (`ValueError: …`, `panic: …`), which is often
 * the question itself.
 */

/** Headings and prompts of common issue templates (GitHub's defaults and large projects'). */
const TEMPLATE_LINE = new RegExp(
	'^(?:#{1,6}\\s*)?(?:' +
		[
			'describe the bug',
			'bug description',
			'describe the issue',
			'description',
			'to reproduce',
			'steps to reproduce(?: the (?:bug|behaviou?r|issue))?',
			'reproduction',
			'minimal reproducible example',
			'code sample',
			'expected (?:behaviou?r|result|outcome)',
			'actual (?:behaviou?r|result|outcome)',
			'current behaviou?r',
			'screenshots?',
			'environment(?: info(?:rmation)?| details)?',
			'system info(?:rmation)?',
			'desktop',
			'smartphone',
			'additional (?:context|information|info)',
			'is your feature request related to a problem',
			"describe the solution you(?:'|’)?d like",
			"describe alternatives you(?:'|’)?ve considered",
			'motivation',
			'your contribution',
			'who can help',
			'information',
			'possible solution',
			'checklist',
			'version',
			'logs?',
			'stack ?trace',
			'error (?:message|output)',
			'please describe',
			'(?:a )?clear and concise description of what (?:the bug is|you expected to happen|the problem is)',
		].join('|') +
		')(?:\\s*\\([^)]*\\))?(?:[?:.!]+\\s*(?:please (?:describe|complete the following information)|if applicable[^\\n]*)?)?$',
	'i',
);

/** `- Platform: Linux-5.15…`, `- Python version: 3.10`, `OS: Windows 11` */
const ENV_LINE =
	/^\s*[-*+]?\s*`?[\w .()/-]{0,40}(?:version|platform|os|operating system|python|node(?:\.js)?|npm|browser|cuda|cudnn|gpu|cpu|architecture|kernel|pytorch|torch|tensorflow|jax|java|jdk|go|dotnet|\.net|runtime|device|distro)`?\s*(?:\([^)]*\))?\s*[:=]\s*\S.*$/i;
/** `numpy==1.24.2`, `datasets 2.1.0`, `- react: ^18.2.0` */
const VERSION_DUMP =
	/^\s*[-*+]?\s*`?[@\w./-]+`?\s*(?:==|>=|<=|~=|@|:)?\s*[\^~v]?\d+(?:\.\d+)+[\w.+-]*\s*$/i;
const CHECKBOX = /^\s*[-*+]\s+\[[ xX]\]/;
const FENCE = /^\s*(?:```|~~~)/;

/** Lines of a stack trace or a log: cut, their error message aside. */
const TRACE_LINE = [
	// Python
	/^\s*Traceback \(most recent call last\):?\s*$/,
	/^\s*File "[^"]+", line \d+/,
	/^\s*(?:\^+|~+)\s*$/,
	/^\s*During handling of the above exception/,
	/^\s*The above exception was the direct cause/,
	// Node, Java, .NET: "at fn (file:line)", "at pkg.Class.method(File.java:10)"
	/^\s*at\s+\S.*(?:\(.*\)|:\d+(?::\d+)?\)?)\s*$/,
	/^\s*at\s+[\w$.<>]+\s*$/,
	/^\s*\.\.\. \d+ more\s*$/,
	/^\s*--- End of (?:inner exception )?stack trace/,
	// Go
	/^\s*goroutine \d+ \[[^\]]+\]:?\s*$/,
	/^\s*[\w./-]+\.go:\d+(?: \+0x[0-9a-f]+)?\s*$/,
	/^\s*[\w/-]+\.[\w.*()]+\((?:0x[0-9a-f, .]*|\.\.\.)?\)\s*$/,
	/^\s*exit status \d+\s*$/,
	// Node's "node:internal/…" and "    ^" markers, npm's log lines
	/^\s*node:internal\//,
	/^\s*npm (?:ERR!|WARN|notice)/,
];
/** The line that says what went wrong: kept from a trace. */
const ERROR_MESSAGE =
	/^\s*(?:Exception in thread "[^"]*"\s+)?(?:Uncaught\s+)?(?:[\w$.]*(?:Error|Exception|Warning|Fault)|panic|fatal error|error(?:\[E\d+\])?|FATAL|Caused by: [\w$.]+)\s*:\s*\S/;
/** A log line: timestamp or level first. */
const LOG_LINE =
	/^\s*\[?(?:\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?[\d.,]*(?:Z|[+-]\d{2}:?\d{2})?|\d{2}:\d{2}:\d{2}(?:[.,]\d+)?)\]?\s|^\s*\[?(?:INFO|DEBUG|TRACE|WARN|WARNING|NOTICE|VERBOSE)\]?[\s:]/;

/** Whether a line is a heading or prompt of an issue template. */
export function isTemplateLine(line: string): boolean {
	return TEMPLATE_LINE.test(
		line
			.trim()
			.replace(/[*_]+$/, '')
			.replace(/^[*_]+/, ''),
	);
}

/** Whether a line is the message of an error rather than one of its frames. */
export function isErrorMessage(line: string): boolean {
	return ERROR_MESSAGE.test(line) && !TRACE_LINE.some((re) => re.test(line));
}

/** The error line of a log line, its timestamp and level dropped, or null for other log lines. */
function logMessage(line: string): string | null {
	if (!LOG_LINE.test(line)) return null;
	const rest = line
		.replace(/^\s*\[?[\d:.,TZ+ -]+\]?\s*/, '')
		.replace(/^\[?(?:ERROR|ERR|FATAL|CRITICAL)\]?[\s:]+/, '');
	return isErrorMessage(rest) ||
		/^\s*\[?(?:ERROR|FATAL|CRITICAL)\b/.test(line.replace(/^\s*\[?[\d:.,TZ+ -]+\]?\s*/, ''))
		? rest.trim()
		: null;
}

/**
 * The lines of a developer ticket without template, trace, log and environment text. Code fences
 * are cut whole except for the error message lines in them.
 */
export function cutDeveloperNoise(lines: readonly string[]): string[] {
	const out: string[] = [];
	let inFence = false;
	for (const raw of lines) {
		const line = raw.replace(/<!--[\s\S]*?-->/g, '');
		if (FENCE.test(line)) {
			inFence = !inFence;
			continue;
		}
		const trimmed = line.trim();
		if (trimmed === '') {
			out.push('');
			continue;
		}
		if (inFence) {
			if (isErrorMessage(trimmed)) out.push(trimmed);
			continue;
		}
		if (TRACE_LINE.some((re) => re.test(line))) continue;
		const log = LOG_LINE.test(line) ? logMessage(line) : undefined;
		if (log !== undefined) {
			if (log) out.push(log);
			continue;
		}
		if (CHECKBOX.test(line) || isTemplateLine(trimmed)) continue;
		if (ENV_LINE.test(line) || VERSION_DUMP.test(line)) continue;
		out.push(line);
	}
	return out;
}

/** Whether a text shows any of the shapes cut above: most support e-mail has none. */
export function looksTechnical(text: string): boolean {
	return /```|~~~|<!--|Traceback|\n\s*at\s|goroutine|Exception|Error:|panic:|\n\s*[-*]\s+\[[ xX]\]|\n\s*#{1,6}\s|\b(?:version|platform)\s*:/i.test(
		text,
	);
}
