import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {listIncidentIds} from './incident-directory.js';
import {eventsDirOf, JOURNAL_EXTENSION} from './journal-paths.js';

// What sync shares with the other responders: every incident's journals, each
// up to its last whole line. Listing reads directories only, so a sync that
// knows most files unchanged (git/blob-cache.ts) never opens them.

export interface SharedJournal {
	/** Its whole lines: a line still being written waits for the next sync. */
	text: string;
	/** `text` is the whole file, so it can be read from disk as it is. */
	complete: boolean;
}

export interface JournalFile {
	file: string;
	/** Relative to the docs directory, with `/`: `incidents/<ID>/events/<writer>.jsonl`. */
	path: string;
}

/**
 * Every incident's journal files, in path order. The relative path is built
 * rather than computed with path.relative, which costs more than the listing
 * itself at a few hundred incidents.
 */
export function journalFilesToShare(docsDir: string): JournalFile[] {
	const files: JournalFile[] = [];
	for (const id of listIncidentIds(docsDir)) {
		const eventsDir = eventsDirOf(docsDir, id);
		for (const name of namesIn(eventsDir).filter(name => name.endsWith(JOURNAL_EXTENSION)).sort()) {
			files.push({file: join(eventsDir, name), path: `incidents/${id}/events/${name}`});
		}
	}
	return files;
}

/** An incident without `events/` (being opened, or damaged) shares nothing. */
function namesIn(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
}

/** The file as it goes out; undefined when it holds no whole line (or is gone). */
export function sharedJournalOf(file: string): SharedJournal | undefined {
	let content: string;
	try {
		content = readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
	const text = content.slice(0, content.lastIndexOf('\n') + 1);
	return text === '' ? undefined : {text, complete: text === content};
}
