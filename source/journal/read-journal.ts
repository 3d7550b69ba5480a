import {existsSync, readdirSync, readFileSync, appendFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {compareEvents, parseEventLine, type AnyEvent} from '../core/events.js';
import {withFileLock} from './file-lock.js';
import {JOURNAL_EXTENSION, lockPathOf, quarantinePathOf} from './journal-paths.js';

export interface DamagedLine {
	file: string;
	/** 1-based, as an editor shows it. */
	line: number;
	reason: string;
	raw: string;
}

export interface JournalFileContents {
	events: AnyEvent[];
	damaged: DamagedLine[];
	/**
	 * A last line without `\n`: a write in progress in another process, or one
	 * cut short by a crash. Reading never repairs (that would race the writer);
	 * the next append, under the lock, sets it aside.
	 */
	unfinishedTail: boolean;
}

export function readJournalFile(path: string): JournalFileContents {
	const content = readFileSync(path, 'utf8');
	const lines = content.split('\n');
	const unfinishedTail = lines.at(-1) !== '';
	lines.pop();
	return {...parseJournalLines(lines, path, 1), unfinishedTail};
}

/** Parses complete lines; `firstLineNumber` lets a reader that follows a file report true line numbers. */
export function parseJournalLines(
	lines: readonly string[],
	file: string,
	firstLineNumber: number,
): {events: AnyEvent[]; damaged: DamagedLine[]} {
	const events: AnyEvent[] = [];
	const damaged: DamagedLine[] = [];
	lines.forEach((raw, index) => {
		if (raw.trim() === '') return;
		const parsed = parseEventLine(raw);
		if (parsed.ok) events.push(parsed.event);
		else damaged.push({file, line: firstLineNumber + index, reason: parsed.reason, raw});
	});
	return {events, damaged};
}

/** A raw line's identity for merging copies of a journal: its event id, or the line itself. */
export function lineKey(line: string): string {
	return /"id":"([0-9A-HJKMNP-TV-Z]{26})"/.exec(line)?.[1] ?? line;
}

export interface IncidentJournal {
	/** All writers' events merged and sorted by (at, id), each id once. */
	events: AnyEvent[];
	damaged: DamagedLine[];
	journalFiles: string[];
}

export function journalFilesIn(eventsDir: string): string[] {
	if (!existsSync(eventsDir)) return [];
	return readdirSync(eventsDir)
		.filter(name => name.endsWith(JOURNAL_EXTENSION))
		.sort()
		.map(name => join(eventsDir, name));
}

/** Each writer's journal as raw text, for a quick look that need not parse every line. */
export function readJournalTexts(eventsDir: string): string[] {
	return journalFilesIn(eventsDir).map(file => readFileSync(file, 'utf8'));
}

export function readIncidentJournal(eventsDir: string): IncidentJournal {
	const journalFiles = journalFilesIn(eventsDir);
	const read: AnyEvent[] = [];
	const damaged: DamagedLine[] = [];
	for (const file of journalFiles) {
		const contents = readJournalFile(file);
		damaged.push(...contents.damaged);
		for (const event of contents.events) read.push(event);
	}
	const events = firstOfEachId(read).sort(compareEvents);
	return {events, damaged, journalFiles};
}

/** A line copied into two journals counts once: the first file's copy. */
export function firstOfEachId(events: readonly AnyEvent[]): AnyEvent[] {
	const seen = new Set<string>();
	return events.filter(event => !seen.has(event.id) && seen.add(event.id));
}

/**
 * Copies damaged lines verbatim into `<journal>.quarantine` (once each), so
 * they survive any later clean-up by hand. The journal itself is append-only
 * and is never rewritten: other clones hold the same file.
 */
export function quarantineDamagedLines(damaged: readonly DamagedLine[]): void {
	for (const file of new Set(damaged.map(d => d.file))) {
		const lines = damaged.filter(d => d.file === file);
		const quarantinePath = quarantinePathOf(file);
		withFileLock(lockPathOf(file), () => {
			const already = new Set(existsSync(quarantinePath) ? readFileSync(quarantinePath, 'utf8').split('\n') : []);
			const records = lines
				.map(d => JSON.stringify({file: basename(d.file), line: d.line, reason: d.reason, raw: d.raw}))
				.filter(record => !already.has(record));
			if (records.length > 0) appendFileSync(quarantinePath, `${records.join('\n')}\n`, {flush: true});
		});
	}
}
