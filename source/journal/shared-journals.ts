import {readFileSync} from 'node:fs';
import {listIncidentIds} from './incident-directory.js';
import {eventsDirOf} from './journal-paths.js';
import {journalFilesIn} from './read-journal.js';

// What sync shares with the other responders: every incident's journals, each
// up to its last whole line. Listing reads directories only, so a sync that
// knows most files unchanged (git/blob-cache.ts) never opens them.

export interface SharedJournal {
	/** Its whole lines: a line still being written waits for the next sync. */
	text: string;
	/** `text` is the whole file, so it can be read from disk as it is. */
	complete: boolean;
}

/** Every incident's journal files. */
export function journalFilesToShare(docsDir: string): string[] {
	return listIncidentIds(docsDir).flatMap(id => journalFilesIn(eventsDirOf(docsDir, id)));
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
