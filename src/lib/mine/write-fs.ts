/**
 * Writing the miner's folders all or nothing: each folder is written in full under a temporary
 * name beside it, then swapped in by renames, so a crash or a full disk never leaves half a report.
 * A folder is only ever replaced if the miner wrote it (it holds a marker file) or it is empty,
 * so `--out content/faq` cannot wipe someone's work.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../cli-errors.ts';

/** The file that marks a folder as the miner's own, replaced on every run. */
export const MARKER = '.tierzero-mine';

/** A folder to (re)write: every file in it, by relative name. */
export interface OutputDir {
	dir: string;
	files: ReadonlyMap<string, string>;
}

/** Throws a InputError when `dir` exists and was not written by the miner. */
export function checkReplaceable(dir: string): void {
	if (!existsSync(dir)) return;
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		throw new InputError('exists and is not a folder; choose another output folder', dir);
	}
	if (names.length > 0 && !names.includes(MARKER)) {
		throw new InputError(
			`exists and was not written by npm run mine (no ${MARKER} in it); the miner replaces its output folders whole, so choose an empty or new folder`,
			dir,
		);
	}
}

/**
 * Write each folder completely, then replace the old folders. On any failure before the swap,
 * the temporary folders are removed and the old output stays as it was.
 */
export function writeDirsAtomically(outputs: readonly OutputDir[]): void {
	for (const o of outputs) checkReplaceable(o.dir);
	const stamp = `${process.pid}-${Date.now()}`;
	const staged: { dir: string; tmp: string }[] = [];
	try {
		for (const o of outputs) {
			const tmp = join(dirname(o.dir), `.${basename(o.dir)}.tmp-${stamp}`);
			mkdirSync(tmp, { recursive: true });
			staged.push({ dir: o.dir, tmp });
			writeFileSync(
				join(tmp, MARKER),
				'Written by npm run mine; this folder is replaced on every run.\n',
			);
			for (const [name, content] of o.files) {
				const path = join(tmp, name);
				mkdirSync(dirname(path), { recursive: true });
				writeFileSync(path, content);
			}
		}
	} catch (e) {
		for (const s of staged) rmSync(s.tmp, { recursive: true, force: true });
		throw e;
	}
	for (const s of staged) {
		const old = `${s.tmp}.old`;
		const had = existsSync(s.dir);
		if (had) renameSync(s.dir, old);
		renameSync(s.tmp, s.dir);
		if (had) rmSync(old, { recursive: true, force: true });
	}
}
