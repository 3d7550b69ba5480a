import {createHash} from 'node:crypto';
import {closeSync, existsSync, fstatSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {basename, join, resolve} from 'node:path';
import type {AnyEvent} from '../core/events.js';
import type {IncidentState} from '../core/incident-state.js';
import type {IncidentFold} from '../core/reducer.js';
import {journalFilesIn, parseJournalLines, type DamagedLine} from './read-journal.js';
import {readRange} from './read-range.js';

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
		const buffer = readRange(fd, from, size);
		if (mark.size > 0) {
			const heldLine = buffer.subarray(start + 1 - from, mark.size - from);
			if ((start >= 0 && buffer[0] !== 0x0a) || !heldLine.equals(lastLine)) return undefined;
		}
		const rest = buffer.subarray(mark.size - from);
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

// The file is a head line (the fold without its timeline and event ids, the
// marks, the damaged lines and how long the rest is), a line of the active
// event ids, then one line per timeline entry. The screen parses the head and
// the newest entries before its first frame and the rest after it: at 100,000
// events, parsing all of it is 90 ms of a 21 MB file.
const FORMAT = 2;

interface Head extends Checkpoint {
	format: number;
	eventsDir: string;
	/** Bytes after the head line, so a file cut short is refused. */
	bodyBytes: number;
	timelineLength: number;
}

/** What `readCheckpointTail` leaves for later: the older timeline entries and every active event id. */
export interface CheckpointRest {
	olderTimeline: IncidentState['timeline'];
	activeEventIds: string[];
}

export function readCheckpoint(path: string, eventsDir: string): Checkpoint | undefined {
	const read = readCheckpointTail(path, eventsDir, Number.POSITIVE_INFINITY);
	const rest = read?.rest();
	if (!read || !rest) return undefined;
	const {state} = read.checkpoint.fold;
	return {...read.checkpoint, fold: {...read.checkpoint.fold, state: {...state, activeEventIds: rest.activeEventIds, timeline: [...rest.olderTimeline, ...state.timeline]}}};
}

/**
 * The checkpoint with only its newest `keep` timeline entries and no active
 * event ids; `rest` parses the others (once), or is undefined if they are
 * damaged. Only the head and the end of the file are read before `rest`: the
 * file stays open until then, so a newer checkpoint renamed over it meanwhile
 * cannot mix with this one.
 */
export function readCheckpointTail(
	path: string,
	eventsDir: string,
	keep: number,
): {checkpoint: Checkpoint; rest: () => CheckpointRest | undefined} | undefined {
	let fd: number | undefined;
	try {
		if (!isPrivateDirectory(join(path, '..'))) return undefined;
		fd = openSync(path, 'r');
		const size = fstatSync(fd).size;
		const start = readUntilLines(fd, 0, size, 1, 'forwards');
		const headEnd = start.indexOf(0x0a) + 1;
		if (headEnd === 0) return closed(fd);
		const head = JSON.parse(start.subarray(0, headEnd).toString('utf8')) as Partial<Head>;
		if (head.format !== FORMAT || head.eventsDir !== resolve(eventsDir) || head.bodyBytes !== size - headEnd) return closed(fd);
		if (!Array.isArray(head.marks) || !Array.isArray(head.damaged) || typeof head.fold?.state !== 'object') return closed(fd);
		const length = head.timelineLength ?? -1;
		const newest = Math.min(keep, length);
		// The newest entries are the last lines, plus the line before them to know where they start.
		const end = readUntilLines(fd, headEnd, size, newest + 1, 'backwards');
		let cut = end.length;
		for (let found = 0; found < newest; found++) cut = end.lastIndexOf(0x0a, cut - 2) + 1;
		const newer = entriesOf(end.subarray(cut));
		if (newer.length !== newest || (newest > 0 && cut === 0)) return closed(fd);
		const newerStart = size - (end.length - cut);
		const fold = {...head.fold, state: {...head.fold.state, timeline: newer, activeEventIds: []}};
		let rest: CheckpointRest | undefined | null = null;
		const held = fd;
		return {
			checkpoint: {marks: head.marks, fold, damaged: head.damaged},
			rest: () => {
				if (rest !== null) return rest;
				try {
					const body = readRange(held, headEnd, newerStart);
					const idsEnd = body.indexOf(0x0a) + 1;
					const activeEventIds = JSON.parse(body.subarray(0, idsEnd).toString('utf8')) as string[];
					const olderTimeline = entriesOf(body.subarray(idsEnd));
					rest = olderTimeline.length + newest === length && Array.isArray(activeEventIds) ? {olderTimeline, activeEventIds} : undefined;
				} catch {
					rest = undefined;
				} finally {
					closeSync(held);
				}
				return rest;
			},
		};
	} catch {
		if (fd !== undefined) closeSync(fd);
		return undefined;
	}
}

function closed(fd: number): undefined {
	closeSync(fd);
	return undefined;
}

type TimelineEntry = IncidentState['timeline'][number];

function entriesOf(lines: Buffer): TimelineEntry[] {
	if (lines.length === 0) return [];
	// One JSON array: a raw newline cannot occur inside a JSON string, and one parse is faster than 100,000.
	const entries = JSON.parse(`[${lines.subarray(0, lines.length - 1).toString('utf8').replaceAll('\n', ',')}]`) as unknown;
	if (!Array.isArray(entries)) throw new Error('not a list of timeline entries');
	return entries as TimelineEntry[];
}

/** Bytes from the start (or the end) of [from, to), growing until they hold `lines` newlines or the whole range. */
function readUntilLines(fd: number, from: number, to: number, lines: number, direction: 'forwards' | 'backwards'): Buffer {
	for (let length = 64 * 1024; ; length *= 4) {
		const span = Math.min(length, to - from);
		const bytes = direction === 'forwards' ? readRange(fd, from, from + span) : readRange(fd, to - span, to);
		let count = 0;
		for (let index = bytes.indexOf(0x0a); index !== -1 && count < lines; index = bytes.indexOf(0x0a, index + 1)) count++;
		if (count >= lines || span === to - from) return bytes;
	}
}


/** Best effort, never fatal: a checkpoint that is not written only costs the next command time. */
export function writeCheckpoint(path: string, eventsDir: string, checkpoint: Checkpoint): void {
	const directory = join(path, '..');
	const temporary = `${path}.${process.pid}.tmp`;
	try {
		mkdirSync(directory, {recursive: true, mode: 0o700});
		if (!isPrivateDirectory(directory)) return;
		const {timeline, activeEventIds} = checkpoint.fold.state;
		const body = `${[JSON.stringify(activeEventIds), ...timeline.map(entry => JSON.stringify(entry))].join('\n')}\n`;
		const fold = {...checkpoint.fold, state: {...checkpoint.fold.state, timeline: [], activeEventIds: []}};
		const head: Head = {format: FORMAT, eventsDir: resolve(eventsDir), bodyBytes: Buffer.byteLength(body), timelineLength: timeline.length, ...checkpoint, fold};
		// Written whole and renamed: a reader sees the old checkpoint or the new one, never half.
		writeFileSync(temporary, `${JSON.stringify(head)}\n${body}`, {mode: 0o600});
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
