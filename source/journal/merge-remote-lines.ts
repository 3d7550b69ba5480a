import {appendFileSync, existsSync, mkdirSync, readFileSync} from 'node:fs';
import {basename, dirname} from 'node:path';
import {parseEventLine} from '../core/events.js';
import {fileSafeName} from '../core/incident-id.js';
import {appendLines} from './append-event.js';
import {eventsDirOf, type JournalLocation} from './journal-paths.js';
import {journalFilesIn, lineKey} from './read-journal.js';

// Which lines from a remote's copy of the journals may enter the local ones.
// A remote is anyone who can push to it, so a line is taken only when it is a
// valid event, written by the writer whose file it is in, new here, and does
// not reopen an incident that is already open. The local writer's own journal
// is never written from outside. Everything refused is kept beside the journal
// it was meant for (`.rejected`), with where it came from, and is never pushed
// on: the pushed tree is made from the local files alone.

/** No event incident-tui writes comes near this; a longer line is refused unread. */
export const MAX_REMOTE_LINE_LENGTH = 1024 * 1024;
/** How much of a refused over-long line is kept to look at. */
const KEPT_OF_LONG_LINE = 4096;

export interface RemoteJournal extends JournalLocation {
	content: string;
}

export interface MergeSource {
	/** Such as `origin/incident-tui-events`. */
	ref: string;
	commit: string;
}

export interface MergeOutcome {
	/** Valid new events appended to local journals. */
	accepted: number;
	/** Refused lines not refused before, by the file they were recorded in. */
	setAside: Map<string, number>;
	/** Lines of the remote's copy of our own journal that this machine never wrote. */
	ownJournalConflict?: {file: string; lines: number};
}

export function rejectedPathOf(journalPath: string): string {
	return `${journalPath}.rejected`;
}

/** Merges the remote's journals into the local ones under `docsDir`, as the local `writer`. */
export function mergeRemoteLines(docsDir: string, writer: string, source: MergeSource, journals: readonly RemoteJournal[]): MergeOutcome {
	const outcome: MergeOutcome = {accepted: 0, setAside: new Map()};
	const byIncident = new Map<string, RemoteJournal[]>();
	for (const journal of journals) byIncident.set(journal.incidentId, [...(byIncident.get(journal.incidentId) ?? []), journal]);
	for (const [incidentId, remote] of byIncident) {
		const known = knownEvents(docsDir, incidentId);
		for (const journal of remote) {
			const refused: Refused[] = [];
			if (journal.writer === writer) {
				const own = new Set(known.linesByFile.get(journal.localPath) ?? []);
				linesOf(journal.content).forEach(([line, number]) => {
					if (!own.has(line)) refused.push({number, line, reason: 'this line is not in your own journal on this machine'});
				});
				if (refused.length > 0) outcome.ownJournalConflict = {file: journal.localPath, lines: refused.length};
			} else {
				const accepted = acceptLines(journal, known, refused);
				if (accepted.length > 0) {
					mkdirSync(dirname(journal.localPath), {recursive: true});
					appendLines(journal.localPath, accepted);
					outcome.accepted += accepted.length;
				}
			}
			const recorded = setAside(journal.localPath, source, refused);
			if (recorded > 0) outcome.setAside.set(rejectedPathOf(journal.localPath), recorded);
		}
	}
	return outcome;
}

interface Refused {
	number: number;
	line: string;
	reason: string;
}

interface KnownEvents {
	linesByFile: Map<string, string[]>;
	/** Event id to the local file that holds it. */
	fileOfId: Map<string, string>;
	/** The incident was already opened here before this sync. */
	opened: boolean;
}

function knownEvents(docsDir: string, incidentId: string): KnownEvents {
	const known: KnownEvents = {linesByFile: new Map(), fileOfId: new Map(), opened: false};
	for (const file of journalFilesIn(eventsDirOf(docsDir, incidentId))) {
		const lines = linesOf(readFileSync(file, 'utf8')).map(([line]) => line);
		known.linesByFile.set(file, lines);
		for (const line of lines) {
			if (!known.fileOfId.has(lineKey(line))) known.fileOfId.set(lineKey(line), file);
			if (!known.opened && line.includes('"incident.opened"')) known.opened = isOpening(line);
		}
	}
	return known;
}

function acceptLines(journal: RemoteJournal, known: KnownEvents, refused: Refused[]): string[] {
	const accepted: string[] = [];
	const writerHandle = journal.writer.slice(0, journal.writer.indexOf('@'));
	for (const [line, number] of linesOf(journal.content)) {
		const refuse = (reason: string) => refused.push({number, line, reason});
		if (line.length > MAX_REMOTE_LINE_LENGTH) {
			refuse(`a line of ${line.length} characters, longer than any event`);
			continue;
		}
		const holder = known.fileOfId.get(lineKey(line));
		if (holder === journal.localPath) continue;
		const parsed = parseEventLine(line);
		if (!parsed.ok) refuse(`not a valid event: ${parsed.reason}`);
		else if (fileSafeName(parsed.event.author) !== writerHandle) refuse(`written by ${parsed.event.author}, but this is the journal of ${journal.writer}`);
		else if (holder !== undefined) refuse(`an event with this id is already in ${basename(holder)}`);
		else if (parsed.event.type === 'incident.opened' && known.opened) refuse('a second opening of an incident that is already open here');
		else {
			// Openings that arrive together on a clone that had none are all taken: the reducer picks one and warns about the rest.
			accepted.push(line);
			known.fileOfId.set(parsed.event.id, journal.localPath);
		}
	}
	return accepted;
}

function isOpening(line: string): boolean {
	const parsed = parseEventLine(line);
	return parsed.ok && parsed.event.type === 'incident.opened';
}

/** Whole, non-empty lines with their 1-based line numbers; a last line without `\n` is still being written. */
function linesOf(content: string): [string, number][] {
	const lines = content.split('\n');
	lines.pop();
	return lines.flatMap((line, index): [string, number][] => (line.trim() === '' ? [] : [[line, index + 1]]));
}

function recordKey(record: string): string {
	try {
		const {line, raw} = JSON.parse(record) as {line: number; raw: string};
		return `${line}\n${raw}`;
	} catch {
		return record;
	}
}

/** Appends refused lines not recorded before; returns how many were new. */
function setAside(journalPath: string, source: MergeSource, refused: readonly Refused[]): number {
	if (refused.length === 0) return 0;
	const path = rejectedPathOf(journalPath);
	const seen = new Set((existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []).map(recordKey));
	const records = refused.flatMap(({number, line, reason}) => {
		const raw = line.length > MAX_REMOTE_LINE_LENGTH ? line.slice(0, KEPT_OF_LONG_LINE) : line;
		if (seen.has(`${number}\n${raw}`)) return [];
		seen.add(`${number}\n${raw}`);
		return [JSON.stringify({from: source.ref, commit: source.commit, file: basename(journalPath), line: number, reason, raw})];
	});
	if (records.length === 0) return 0;
	mkdirSync(dirname(path), {recursive: true});
	appendFileSync(path, `${records.join('\n')}\n`, {flush: true});
	return records.length;
}
