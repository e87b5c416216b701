/**
 * Opening export files for {@link ingest}: a streaming read, never the whole file at once, and a
 * way to find the line of a JSON syntax error by verifying the file from the start.
 */
import { createReadStream, statSync } from 'node:fs';
import { verifyFile } from 'stream-json/file/verifier.js';
import { MineError } from './errors.ts';
import type { InputFile } from './ingest.ts';

/** An export file as an ingest input; throws a MineError when it is not a readable file. */
export function openInput(path: string): InputFile {
	let isFile: boolean;
	try {
		isFile = statSync(path).isFile();
	} catch {
		throw new MineError('no such file', path);
	}
	if (!isFile) throw new MineError('not a file', path);
	return {
		name: path,
		chunks: createReadStream(path, { highWaterMark: 256 * 1024 }),
		locateJsonError: () =>
			verifyFile(path, { jsonStreaming: true }).then(
				() => undefined,
				(e: unknown) => (e as { line?: number }).line,
			),
	};
}
