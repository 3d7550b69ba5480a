import {join} from 'node:path';

// Where things live under the docs root (DESIGN.md "Files in the user's repository").

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
