import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {EVIDENCE_FILE_PATTERN} from '../core/events.js';
import {syncDirectory} from './append-event.js';
import {incidentDirOf} from './journal-paths.js';
import {writeFileDurably} from './write-file-durably.js';

// A command's masked output, kept beside the incident's journals:
// incidents/<ID>/evidence/<ULID>.txt. Written whole or not at all, like a report.

function evidenceDirOf(docsDir: string, incidentId: string): string {
	return join(incidentDirOf(docsDir, incidentId), 'evidence');
}

/** Writes the file durably (a new directory is fsynced into its parent too) and returns its path. */
export function writeEvidenceFile(docsDir: string, incidentId: string, name: string, text: string): string {
	if (!EVIDENCE_FILE_PATTERN.test(name)) throw new Error(`not an evidence file name: ${name}`);
	const directory = evidenceDirOf(docsDir, incidentId);
	if (!existsSync(directory)) {
		mkdirSync(directory, {recursive: true});
		syncDirectory(incidentDirOf(docsDir, incidentId));
	}
	const path = join(directory, name);
	writeFileDurably(path, text);
	return path;
}

/** The incident's evidence files, for publish to commit with the report. */
export function evidenceFilesIn(docsDir: string, incidentId: string): string[] {
	const directory = evidenceDirOf(docsDir, incidentId);
	try {
		return readdirSync(directory)
			.filter(name => EVIDENCE_FILE_PATTERN.test(name))
			.sort()
			.map(name => join(directory, name));
	} catch {
		return [];
	}
}
