import {createHash} from 'node:crypto';
import {closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {basename, join, resolve} from 'node:path';
import type {AnyEvent} from '../core/events.js';
import type {IncidentFold} from '../core/reducer.js';
import {journalFilesIn, parseJournalLines, type DamagedLine} from './read-journal.js';

// A checkpoint is the folded state of an incident up to a mark in each
// writer's journal, so a command folds only what was appended after it. It is
// derived data: the journals stay the only truth. It is used only when every
// mark still holds (the file is at least that long and the line that ends at
// the mark is the one the checkpoint saw); anything else (missing, damaged,
// stale, a file rewritten or gone) and the journals are folded from the start.
// Each journal is append-only (sync adds remote lines at the end of the other
// writers' files), so a mark per file is enough.
//
// It lives in the user's own cache directory, never beside the journals: it
// must not show up in `git status` or travel with a sync, and a forged one at
// a shared path could show a responder a state the journal does not hold.

const FORMAT = 1;

/** How far one journal file was read: whole lines only. */
export interface JournalMark {
	file: string;
	size: number;
	lines: number;
	/** The line that ends at `size`, without its `\n`: a file rewritten to the same length shows here. */
	lastLine: string;
}

export interface Checkpoint {
	marks: JournalMark[];
	fold: IncidentFold;
	/** Damaged lines before the marks (already in quarantine), to keep reporting them. */
	damaged: DamagedLine[];
}

/** Whole lines appended after the marks, parsed and validated; undefined when a mark no longer holds. */
export interface JournalTail {
	events: AnyEvent[];
	damaged: DamagedLine[];
	marks: JournalMark[];
	linesRead: number;
}

export function readJournalsAfter(eventsDir: string, marks: readonly JournalMark[]): JournalTail | undefined {
	const files = journalFilesIn(eventsDir);
	const byFile = new Map(marks.map(mark => [mark.file, mark]));
	if (marks.some(mark => !files.some(file => basename(file) === mark.file))) return undefined;
	const tail: JournalTail = {events: [], damaged: [], marks: [], linesRead: 0};
	for (const file of files) {
		const mark = byFile.get(basename(file)) ?? {file: basename(file), size: 0, lines: 0, lastLine: ''};
		const read = readAfterMark(file, mark);
		if (!read) return undefined;
		const {events, damaged} = parseJournalLines(read.lines, file, mark.lines + 1);
		tail.events.push(...events);
		tail.damaged.push(...damaged);
		tail.linesRead += read.lines.length;
		tail.marks.push(read.mark);
	}
	return tail;
}

function readAfterMark(file: string, mark: JournalMark): {lines: string[]; mark: JournalMark} | undefined {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch {
		return undefined;
	}
	try {
		const size = fstatSync(fd).size;
		if (size < mark.size) return undefined;
		const lastLine = Buffer.from(`${mark.lastLine}\n`);
		// One read from the byte before the mark's last line (it must be a `\n`) to the end.
		const start = mark.size === 0 ? 0 : mark.size - lastLine.length - 1;
		if (start < -1) return undefined;
		const from = Math.max(0, start);
		const buffer = Buffer.alloc(size - from);
		let got = 0;
		while (got < buffer.length) {
			const n = readSync(fd, buffer, got, buffer.length - got, from + got);
			if (n === 0) break;
			got += n;
		}
		if (mark.size > 0) {
			const heldLine = buffer.subarray(start + 1 - from, mark.size - from);
			if ((start >= 0 && buffer[0] !== 0x0a) || !heldLine.equals(lastLine)) return undefined;
		}
		const rest = buffer.subarray(mark.size - from, got);
		const end = rest.lastIndexOf(0x0a) + 1;
		if (end === 0) return {lines: [], mark};
		const lines = rest.subarray(0, end).toString('utf8').split('\n');
		lines.pop();
		return {lines, mark: {file: mark.file, size: mark.size + end, lines: mark.lines + lines.length, lastLine: lines.at(-1)!}};
	} finally {
		closeSync(fd);
	}
}

/** Where the checkpoints of one incident's journals live: `kind` tells a full state from a summary. */
export function checkpointPathOf(cacheDir: string, eventsDir: string, kind: 'state' | 'summary'): string {
	const key = createHash('sha256').update(resolve(eventsDir)).digest('hex').slice(0, 32);
	return join(cacheDir, 'checkpoints', `${key}.${kind}.json`);
}

export function checkpointExists(path: string): boolean {
	return existsSync(path);
}

export function readCheckpoint(path: string, eventsDir: string): Checkpoint | undefined {
	try {
		if (!isPrivateDirectory(join(path, '..'))) return undefined;
		const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<Checkpoint & {format: number; eventsDir: string}>;
		if (value.format !== FORMAT || value.eventsDir !== resolve(eventsDir)) return undefined;
		if (!Array.isArray(value.marks) || !Array.isArray(value.damaged) || typeof value.fold?.state !== 'object') return undefined;
		return {marks: value.marks, fold: value.fold, damaged: value.damaged};
	} catch {
		return undefined;
	}
}

/** Best effort, never fatal: a checkpoint that is not written only costs the next command time. */
export function writeCheckpoint(path: string, eventsDir: string, checkpoint: Checkpoint): void {
	const directory = join(path, '..');
	const temporary = `${path}.${process.pid}.tmp`;
	try {
		mkdirSync(directory, {recursive: true, mode: 0o700});
		if (!isPrivateDirectory(directory)) return;
		// Written whole and renamed: a reader sees the old checkpoint or the new one, never half.
		writeFileSync(temporary, JSON.stringify({format: FORMAT, eventsDir: resolve(eventsDir), ...checkpoint}), {mode: 0o600});
		renameSync(temporary, path);
	} catch {
		rmSync(temporary, {force: true});
	}
}

/** Ours and a real directory (lstat: a symlink planted there is not followed). */
function isPrivateDirectory(directory: string): boolean {
	const stat = lstatSync(directory);
	const uid = process.getuid?.();
	return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o077) === 0;
}
