import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import {isIncidentId, nextIncidentId} from '../core/incident-id.js';
import {eventsDirOf, incidentDirOf, incidentsDirOf} from './journal-paths.js';

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
 * Claims the next free ID of the day. mkdir without `recursive` fails when the
 * directory exists, so two `new` commands at once get two different IDs.
 */
export function createIncidentDirectory(docsDir: string, at: Date): string {
	mkdirSync(incidentsDirOf(docsDir), {recursive: true});
	for (;;) {
		const incidentId = nextIncidentId(at, listIncidentIds(docsDir));
		try {
			mkdirSync(incidentDirOf(docsDir, incidentId));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
			throw error;
		}
		mkdirSync(eventsDirOf(docsDir, incidentId), {recursive: true});
		return incidentId;
	}
}
