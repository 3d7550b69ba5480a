import {closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, statSync} from 'node:fs';
import {basename, dirname} from 'node:path';
import {appendLines} from './append-event.js';
import type {AnyEvent} from '../core/events.js';
import type {JournalMark} from './journal-checkpoint.js';
import {journalFilesIn, lineKey, parseJournalLines, type DamagedLine} from './read-journal.js';
import {readRange} from './read-range.js';

interface FilePosition {
	offset: number;
	linesRead: number;
	/**
	 * The file as it was opened, held open: when its name is deleted or given
	 * to another file, the lines we read are still here to be written back.
	 * Bytes in memory instead cost as much as the journal (19 MB at 100,000 events).
	 */
	fd: number;
	inode: number;
}

export interface RestoredFile {
	file: string;
	lines: number;
}

export interface NewLines {
	events: AnyEvent[];
	damaged: DamagedLine[];
}

/**
 * Follows every writer's file of one incident, reading only what was appended
 * since the last poll, so a 100,000-event incident costs no more per new event
 * than a 10-event one. Only whole lines are consumed: a line another process
 * is still writing is picked up by the next poll. A file starts at its mark:
 * the lines before it were folded already (a checkpoint).
 */
export class JournalFollower {
	private positions = new Map<string, FilePosition>();

	constructor(
		private readonly eventsDir: string,
		marks: readonly JournalMark[] = [],
	) {
		for (const file of journalFilesIn(eventsDir)) {
			const mark = marks.find(candidate => candidate.file === basename(file));
			const position = mark && openPosition(file, mark.size, mark.lines);
			if (position) this.positions.set(file, position);
		}
	}

	/**
	 * A journal file that vanished while we had its lines (deleted by hand, a
	 * bad `git clean`, replaced by a shorter one) is written again from the file
	 * we hold open, so nothing acknowledged is lost. Lines appended meanwhile by
	 * others are merged by id on the next poll.
	 */
	restoreDeletedFiles(): RestoredFile[] {
		const restored: RestoredFile[] = [];
		for (const [file, position] of this.positions) {
			if (position.offset === 0) continue;
			const now = existsSync(file) ? statSync(file) : undefined;
			// Still the file we read, and not shorter than what we read: nothing to restore.
			if (now && now.ino === position.inode && now.size >= position.offset) continue;
			const present = new Set(now && now.size > 0 ? readFileSync(file, 'utf8').split('\n').map(lineKey) : []);
			const missing = linesOf(readRange(position.fd, 0, position.offset)).filter(line => line !== '' && !present.has(lineKey(line)));
			if (missing.length > 0) {
				mkdirSync(dirname(file), {recursive: true});
				appendLines(file, missing);
				restored.push({file, lines: missing.length});
			}
			this.forget(file, position);
		}
		return restored;
	}

	/** New lines from every file since the last poll; undefined when nothing new arrived. */
	poll(): NewLines | undefined {
		const found: NewLines = {events: [], damaged: []};
		for (const file of journalFilesIn(this.eventsDir)) {
			let size: number;
			let inode: number;
			try {
				({size, ino: inode} = statSync(file));
			} catch {
				continue;
			}
			let position = this.positions.get(file);
			// Shorter than what we read, or another file under the name: read it again from the start.
			if (position && (size < position.offset || inode !== position.inode)) {
				this.forget(file, position);
				position = undefined;
			}
			position ??= openPosition(file, 0, 0);
			if (!position) continue;
			this.positions.set(file, position);
			if (size > position.offset) this.readNewLines(file, position, size, found);
		}
		return found.events.length > 0 || found.damaged.length > 0 ? found : undefined;
	}

	/** Every line read so far, and those before the marks, parsed: for the rare event that needs the incident folded from the start. */
	allLines(): NewLines {
		const all: NewLines = {events: [], damaged: []};
		for (const [file, position] of [...this.positions].sort(([a], [b]) => (a < b ? -1 : 1))) {
			const {events, damaged} = parseJournalLines(linesOf(readRange(position.fd, 0, position.offset)), file, 1);
			all.events.push(...events);
			all.damaged.push(...damaged);
		}
		return all;
	}

	/** Closes the files held open. */
	close(): void {
		for (const [file, position] of this.positions) this.forget(file, position);
	}

	private forget(file: string, position: FilePosition): void {
		closeSync(position.fd);
		this.positions.delete(file);
	}

	private readNewLines(file: string, position: FilePosition, size: number, found: NewLines): void {
		const buffer = readRange(position.fd, position.offset, size);
		const end = buffer.lastIndexOf(0x0a) + 1;
		if (end === 0) return;
		const lines = linesOf(buffer.subarray(0, end));
		const {events, damaged} = parseJournalLines(lines, file, position.linesRead + 1);
		position.offset += end;
		position.linesRead += lines.length;
		found.events.push(...events);
		found.damaged.push(...damaged);
	}
}

function openPosition(file: string, offset: number, linesRead: number): FilePosition | undefined {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch {
		return undefined;
	}
	return {offset, linesRead, fd, inode: fstatSync(fd).ino};
}


/** Whole lines, empty ones kept so line numbers stay true. */
function linesOf(bytes: Buffer): string[] {
	const lines = bytes.toString('utf8').split('\n');
	lines.pop();
	return lines;
}
