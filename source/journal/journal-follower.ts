import {closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync} from 'node:fs';
import {basename, dirname} from 'node:path';
import {appendLines} from './append-event.js';
import type {AnyEvent} from '../core/events.js';
import type {JournalMark} from './journal-checkpoint.js';
import {journalFilesIn, lineKey, parseJournalLines, type DamagedLine} from './read-journal.js';

interface FilePosition {
	offset: number;
	linesRead: number;
	/**
	 * Every whole line's bytes read so far, kept so a deleted file can be
	 * written again. Raw bytes, outside the JavaScript heap: a 100,000-line
	 * journal as strings and arrays cost several times its size.
	 */
	chunks: Buffer[];
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
 * is still writing is picked up by the next poll. Lines before a file's mark
 * were folded already (a checkpoint): they are kept as bytes, not parsed.
 */
export class JournalFollower {
	private positions = new Map<string, FilePosition>();
	private readonly marks: Map<string, JournalMark>;

	constructor(
		private readonly eventsDir: string,
		marks: readonly JournalMark[] = [],
	) {
		this.marks = new Map(marks.map(mark => [mark.file, mark]));
	}

	/**
	 * A journal file that vanished while we had its lines (deleted by hand, a
	 * bad `git clean`) is written again from memory, so nothing acknowledged is
	 * lost. Lines appended meanwhile by others are merged by id on the next poll.
	 */
	restoreDeletedFiles(): RestoredFile[] {
		const restored: RestoredFile[] = [];
		for (const [file, position] of this.positions) {
			if (position.offset === 0) continue;
			const size = existsSync(file) ? statSync(file).size : -1;
			// Still there and not shorter than what we read: nothing to restore.
			if (size >= position.offset) continue;
			const present = new Set(size > 0 ? readFileSync(file, 'utf8').split('\n').map(lineKey) : []);
			const missing = linesOf(position.chunks).filter(line => !present.has(lineKey(line)));
			if (missing.length > 0) {
				mkdirSync(dirname(file), {recursive: true});
				appendLines(file, missing);
				restored.push({file, lines: missing.length});
			}
			this.positions.delete(file);
		}
		return restored;
	}

	/** New lines from every file since the last poll; undefined when nothing new arrived. */
	poll(): NewLines | undefined {
		const found: NewLines = {events: [], damaged: []};
		for (const file of journalFilesIn(this.eventsDir)) {
			let size: number;
			try {
				size = statSync(file).size;
			} catch {
				continue;
			}
			const position = this.positions.get(file) ?? {offset: 0, linesRead: 0, chunks: []};
			// Shorter than what we read means the file was replaced; read it again from the start.
			if (size < position.offset) {
				position.offset = 0;
				position.linesRead = 0;
				position.chunks = [];
			}
			if (size > position.offset) this.readNewLines(file, position, size, found);
			this.positions.set(file, position);
		}
		return found.events.length > 0 || found.damaged.length > 0 ? found : undefined;
	}

	/** Every line read so far, parsed again: for the rare event that needs the incident folded from the start. */
	allLines(): NewLines {
		const all: NewLines = {events: [], damaged: []};
		for (const [file, position] of [...this.positions].sort(([a], [b]) => (a < b ? -1 : 1))) {
			const {events, damaged} = parseJournalLines(linesOf(position.chunks, false), file, 1);
			all.events.push(...events);
			all.damaged.push(...damaged);
		}
		return all;
	}

	private readNewLines(file: string, position: FilePosition, size: number, found: NewLines): void {
		const buffer = Buffer.alloc(size - position.offset);
		const fd = openSync(file, 'r');
		try {
			readSync(fd, buffer, 0, buffer.length, position.offset);
		} finally {
			closeSync(fd);
		}
		const end = buffer.lastIndexOf(0x0a) + 1;
		if (end === 0) return;
		const whole = buffer.subarray(0, end);
		// A mark is used once, on the first read of its file from the start (and only if the file is still that long).
		const mark = position.offset === 0 ? this.marks.get(basename(file)) : undefined;
		this.marks.delete(basename(file));
		const skip = mark && mark.size <= end ? mark : {size: 0, lines: 0};
		const lines = whole.subarray(skip.size).toString('utf8').split('\n');
		lines.pop();
		const {events, damaged} = parseJournalLines(lines, file, position.linesRead + skip.lines + 1);
		position.offset += end;
		position.linesRead += skip.lines + lines.length;
		position.chunks.push(whole);
		found.events.push(...events);
		found.damaged.push(...damaged);
	}
}

function linesOf(chunks: readonly Buffer[], skipEmpty = true): string[] {
	const lines = Buffer.concat(chunks).toString('utf8').split('\n');
	lines.pop();
	return skipEmpty ? lines.filter(line => line !== '') : lines;
}
