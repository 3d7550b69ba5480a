import {join} from 'node:path';
import {isIncidentId} from '../core/incident-id.js';

// Where things live under the docs root (ARCHITECTURE.md "Events and the journal").

export const JOURNAL_EXTENSION = '.jsonl';

export function incidentsDirOf(docsDir: string): string {
	return join(docsDir, 'incidents');
}

export function incidentDirOf(docsDir: string, incidentId: string): string {
	return join(incidentsDirOf(docsDir), incidentId);
}

export function eventsDirOf(docsDir: string, incidentId: string): string {
	return join(incidentDirOf(docsDir, incidentId), 'events');
}

export function journalPathOf(docsDir: string, incidentId: string, writer: string): string {
	return join(eventsDirOf(docsDir, incidentId), `${writer}${JOURNAL_EXTENSION}`);
}

export function lockPathOf(journalPath: string): string {
	return `${journalPath}.lock`;
}

export function tornPathOf(journalPath: string): string {
	return `${journalPath}.torn`;
}

export function quarantinePathOf(journalPath: string): string {
	return `${journalPath}.quarantine`;
}

export interface JournalLocation {
	incidentId: string;
	/** File name without `.jsonl`, such as `bob@laptop`. */
	writer: string;
	/** The file on this machine (which may not exist yet). */
	localPath: string;
}

/**
 * The journal that `path` (relative to the docs root, with `/`, as on the sync
 * branch) stands for: only `incidents/<ID>/events/<writer>.jsonl` is one.
 */
export function journalAt(docsDir: string, path: string): JournalLocation | undefined {
	const match = /^incidents\/([^/]+)\/events\/([a-z0-9._-]+@[a-z0-9._-]+)\.jsonl$/.exec(path);
	if (!match || !isIncidentId(match[1]!)) return undefined;
	const [, incidentId, writer] = match as unknown as [string, string, string];
	return {incidentId, writer, localPath: journalPathOf(docsDir, incidentId, writer)};
}
