import {
	appendFileSync,
	closeSync,
	constants,
	fdatasyncSync,
	fstatSync,
	fsyncSync,
	ftruncateSync,
	openSync,
	readSync,
	writeSync,
} from 'node:fs';
import {dirname} from 'node:path';
import type {IncidentEvent} from '../core/events.js';
import {withFileLock} from './file-lock.js';
import {lockPathOf, tornPathOf} from './journal-paths.js';

export interface AppendResult {
	/** Bytes of a torn last line that were moved to the `.torn` file before this append. */
	tornBytesSetAside: number;
}

/**
 * Appends one event: one write of the whole line, then fdatasync. When this
 * returns, the event is on disk; only then may a caller show it as logged.
 */
export function appendEvent(journalPath: string, event: IncidentEvent): AppendResult {
	return appendLines(journalPath, [JSON.stringify(event)]);
}

/**
 * Appends whole lines (each without its `\n`) in one write + fdatasync, under
 * the journal's lock; sync uses it to add lines that arrived from the remote.
 */
export function appendLines(journalPath: string, lines: readonly string[]): AppendResult {
	const line = Buffer.from(lines.map(text => `${text}\n`).join(''), 'utf8');
	return withFileLock(lockPathOf(journalPath), () => {
		const fd = openSync(journalPath, constants.O_RDWR | constants.O_CREAT | constants.O_APPEND, 0o644);
		try {
			const sizeBefore = fstatSync(fd).size;
			const tornBytesSetAside = sizeBefore > 0 ? setTornTailAside(fd, journalPath, sizeBefore) : 0;
			const written = writeSync(fd, line);
			if (written !== line.length) {
				// The short line is a torn tail now; the next append sets it aside.
				throw new Error(`only ${written} of ${line.length} bytes reached ${journalPath} (disk full?)`);
			}
			fdatasyncSync(fd);
			if (sizeBefore === 0) syncDirectory(dirname(journalPath));
			return {tornBytesSetAside};
		} finally {
			closeSync(fd);
		}
	});
}

/**
 * A last line without `\n` is a write cut short by a crash. Gluing the next
 * event onto it would make both unreadable, so the tail is copied to the
 * `.torn` file (synced) and only then cut from the journal.
 */
function setTornTailAside(fd: number, journalPath: string, size: number): number {
	if (readByte(fd, size - 1) === 0x0a) return 0;
	const keep = lastNewlineEnd(fd, size);
	const tail = Buffer.alloc(size - keep);
	readSync(fd, tail, 0, tail.length, keep);
	appendFileSync(tornPathOf(journalPath), Buffer.concat([tail, Buffer.from('\n')]), {flush: true});
	ftruncateSync(fd, keep);
	fdatasyncSync(fd);
	return tail.length;
}

function readByte(fd: number, position: number): number {
	const one = Buffer.alloc(1);
	readSync(fd, one, 0, 1, position);
	return one[0]!;
}

/** Offset just after the last `\n` before `size`, or 0. */
function lastNewlineEnd(fd: number, size: number): number {
	const chunk = Buffer.alloc(64 * 1024);
	let end = size;
	while (end > 0) {
		const start = Math.max(0, end - chunk.length);
		const length = end - start;
		readSync(fd, chunk, 0, length, start);
		const index = chunk.subarray(0, length).lastIndexOf(0x0a);
		if (index !== -1) return start + index + 1;
		end = start;
	}
	return 0;
}

/** A new or renamed file's directory entry must be durable too, or a crash can lose the whole file. */
export function syncDirectory(directory: string): void {
	const fd = openSync(directory, constants.O_RDONLY);
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}
