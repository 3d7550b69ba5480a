import {existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {isIncidentId, nextIncidentId} from '../core/incident-id.js';
import {syncDirectory} from './append-event.js';
import {isProcessAlive} from './file-lock.js';
import {incidentDirOf, incidentsDirOf} from './journal-paths.js';

// Opening an incident is all or nothing: `new` prepares the directory, with its
// journal and opening event, under a name no command reads as an incident, and
// only then renames it into place. A crash or a full disk leaves at most a
// `.opening-*` directory, which `list` reports and nothing ever picks.

const OPENING_PREFIX = '.opening-';

export function listIncidentIds(docsDir: string): string[] {
	const dir = incidentsDirOf(docsDir);
	if (!existsSync(dir)) return [];
	return readdirSync(dir, {withFileTypes: true})
		.filter(entry => entry.isDirectory() && isIncidentId(entry.name))
		.map(entry => entry.name)
		.sort();
}

export function incidentExists(docsDir: string, incidentId: string): boolean {
	return isIncidentId(incidentId) && existsSync(incidentDirOf(docsDir, incidentId));
}

/**
 * A private directory beside the incidents, with an empty `events/`, to be
 * filled and then handed to `claimIncidentId`. Its name says which process
 * made it, so a leftover can be told from one still being filled.
 */
export function prepareIncidentDirectory(docsDir: string): string {
	makeDirectoryDurably(incidentsDirOf(docsDir));
	const prepared = mkdtempSync(join(incidentsDirOf(docsDir), `${OPENING_PREFIX}${process.pid}-`));
	mkdirSync(join(prepared, 'events'));
	return prepared;
}

/**
 * Renames the filled directory to the next free ID of the day and makes that
 * durable. rename(2) refuses a non-empty target, so two `new` commands at once
 * get two different IDs.
 */
export function claimIncidentId(docsDir: string, prepared: string, at: Date): string {
	// The journal's own entry was synced by its first append; `events/` is the prepared directory's.
	syncDirectory(prepared);
	for (;;) {
		const incidentId = nextIncidentId(at, listIncidentIds(docsDir));
		try {
			renameSync(prepared, incidentDirOf(docsDir, incidentId));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code === 'ENOTEMPTY' || code === 'EEXIST') continue;
			throw error;
		}
		syncDirectory(incidentsDirOf(docsDir));
		return incidentId;
	}
}

/** Best effort: the command is failing already, and a leftover is only listed, never picked. */
export function discardPreparedDirectory(prepared: string): void {
	try {
		rmSync(prepared, {recursive: true, force: true});
	} catch {
		// `list` reports what stays.
	}
}

/** `.opening-*` directories whose process is gone: a `new` that was killed before it finished. */
export function listUnfinishedOpenings(docsDir: string): string[] {
	const dir = incidentsDirOf(docsDir);
	if (!existsSync(dir)) return [];
	return readdirSync(dir, {withFileTypes: true})
		.filter(entry => entry.isDirectory() && entry.name.startsWith(OPENING_PREFIX))
		.filter(entry => !isProcessAlive(Number(/^\.opening-(\d+)-/.exec(entry.name)?.[1])))
		.map(entry => join(dir, entry.name))
		.sort();
}

/** mkdir -p whose new entries survive a crash: each created level's parent is fsynced. */
function makeDirectoryDurably(dir: string): void {
	const firstCreated = mkdirSync(dir, {recursive: true});
	if (firstCreated === undefined) return;
	for (let created = dir; ; created = dirname(created)) {
		syncDirectory(dirname(created));
		if (created === firstCreated) return;
	}
}
