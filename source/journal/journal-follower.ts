import {closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync} from 'node:fs';
import {dirname} from 'node:path';
import {appendLines} from './append-event.js';
import {compareEvents, type AnyEvent} from '../core/events.js';
import {journalFilesIn, lineKey, parseJournalLines, type DamagedLine} from './read-journal.js';

interface FilePosition {
	offset: number;
	linesRead: number;
	/** Every whole line read so far, kept so a deleted file can be written again. */
	lines: string[];
}

export interface RestoredFile {
	file: string;
	lines: number;
}

/**
 * Follows every writer's file of one incident, reading only what was appended
 * since the last poll, so a 10,000-event incident costs no more per new event
 * than a 10-event one. Only whole lines are consumed: a line another process
 * is still writing is picked up by the next poll.
 */
export class JournalFollower {
	private positions = new Map<string, FilePosition>();
	private seen = new Set<string>();
	private merged: AnyEvent[] = [];
	private damagedLines: DamagedLine[] = [];

	constructor(private readonly eventsDir: string) {}

	get events(): readonly AnyEvent[] {
		return this.merged;
	}

	get damaged(): readonly DamagedLine[] {
		return this.damagedLines;
	}

	/**
	 * A journal file that vanished while we had its lines (deleted by hand, a
	 * bad `git clean`) is written again from memory, so nothing acknowledged is
	 * lost. Lines appended meanwhile by others are merged by id on the next poll.
	 */
	restoreDeletedFiles(): RestoredFile[] {
		const restored: RestoredFile[] = [];
		for (const [file, position] of this.positions) {
			if (position.lines.length === 0) continue;
			const size = existsSync(file) ? statSync(file).size : -1;
			// Still there and not shorter than what we read: nothing to restore.
			if (size >= position.offset) continue;
			const present = new Set(size > 0 ? readFileSync(file, 'utf8').split('\n').map(lineKey) : []);
			const missing = position.lines.filter(line => !present.has(lineKey(line)));
			if (missing.length > 0) {
				mkdirSync(dirname(file), {recursive: true});
				appendLines(file, missing);
				restored.push({file, lines: missing.length});
			}
			this.positions.delete(file);
		}
		return restored;
	}

	/** Reads new lines from every file; true when anything new arrived. */
	poll(): boolean {
		let changed = false;
		for (const file of journalFilesIn(this.eventsDir)) {
			let size: number;
			try {
				size = statSync(file).size;
			} catch {
				continue;
			}
			const position = this.positions.get(file) ?? {offset: 0, linesRead: 0, lines: []};
			// Shorter than what we read means the file was replaced; read it again from the start.
			if (size < position.offset) {
				position.offset = 0;
				position.linesRead = 0;
				position.lines = [];
			}
			if (size === position.offset) {
				this.positions.set(file, position);
				continue;
			}
			changed = this.readNewLines(file, position, size) || changed;
			this.positions.set(file, position);
		}
		if (changed) this.merged.sort(compareEvents);
		return changed;
	}

	private readNewLines(file: string, position: FilePosition, size: number): boolean {
		const buffer = Buffer.alloc(size - position.offset);
		const fd = openSync(file, 'r');
		try {
			readSync(fd, buffer, 0, buffer.length, position.offset);
		} finally {
			closeSync(fd);
		}
		const end = buffer.lastIndexOf(0x0a) + 1;
		if (end === 0) return false;
		const lines = buffer.subarray(0, end).toString('utf8').split('\n');
		lines.pop();
		const {events, damaged} = parseJournalLines(lines, file, position.linesRead + 1);
		position.offset += end;
		position.linesRead += lines.length;
		position.lines.push(...lines.filter(line => line !== ''));
		this.damagedLines.push(...damaged);
		let added = damaged.length > 0;
		for (const event of events) {
			if (this.seen.has(event.id)) continue;
			this.seen.add(event.id);
			this.merged.push(event);
			added = true;
		}
		return added;
	}
}
