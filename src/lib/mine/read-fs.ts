/**
 * Opening export files for {@link ingest}: a streaming read, never the whole file at once, which
 * can start over when a JSON syntax error needs its records and line recovered.
 */
import { createReadStream, statSync } from 'node:fs';
import { InputError } from '../cli-errors.ts';
import type { InputFile } from './ingest.ts';

/** An export file as an ingest input; throws a InputError when it is not a readable file. */
export function openInput(path: string): InputFile {
	let isFile: boolean;
	try {
		isFile = statSync(path).isFile();
	} catch {
		throw new InputError('no such file', path);
	}
	if (!isFile) throw new InputError('not a file', path);
	const open = () => createReadStream(path, { highWaterMark: 256 * 1024 });
	// Opened when reading starts, so a run over many files holds one file open at a time.
	return {
		name: path,
		chunks: { [Symbol.asyncIterator]: () => open()[Symbol.asyncIterator]() },
		reopen: open,
	};
}
