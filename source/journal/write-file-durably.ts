import {readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {syncDirectory} from './append-event.js';
import {isProcessAlive} from './file-lock.js';

/**
 * Replaces the file whole or not at all: write a temporary file, fsync, rename,
 * fsync the directory. The temporary file goes on failure (and the error is
 * thrown on); one left by a process that was killed goes at the next write
 * into the same directory. Reports and INCIDENT_LOG.md are written this way.
 */
export function writeFileDurably(path: string, content: string): void {
	const directory = dirname(path);
	removeStaleTemporaries(directory);
	const temporary = join(directory, `.${basename(path)}.${process.pid}.tmp`);
	try {
		writeFileSync(temporary, content, {flush: true});
		renameSync(temporary, path);
		syncDirectory(directory);
	} catch (error) {
		try {
			rmSync(temporary, {force: true});
		} catch {
			// The next write into this directory removes it.
		}
		throw error;
	}
}

// Only Markdown files are written whole, so only their temporaries are ever ours.
const TEMPORARY_NAME = /^\..+\.md\.(\d+)\.tmp$/;
/** A whole-file write takes milliseconds; a temporary file this old was abandoned, whoever made it. */
const ABANDONED_AFTER_MS = 5 * 60_000;

function removeStaleTemporaries(directory: string): void {
	let names: string[];
	try {
		names = readdirSync(directory);
	} catch {
		return;
	}
	for (const name of names) {
		const pid = TEMPORARY_NAME.exec(name)?.[1];
		if (pid === undefined) continue;
		const file = join(directory, name);
		try {
			if (!isProcessAlive(Number(pid)) || Date.now() - statSync(file).mtimeMs > ABANDONED_AFTER_MS) unlinkSync(file);
		} catch {
			// Gone already, or not ours to remove: the write goes ahead regardless.
		}
	}
}
