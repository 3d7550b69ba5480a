import {isIncidentId} from '../core/incident-id.js';
import {isOpenIncident} from '../core/incident-state.js';
import {incidentExists, listIncidentIds} from '../journal/incident-directory.js';
import {eventsDirOf} from '../journal/journal-paths.js';
import {readJournalTexts} from '../journal/read-journal.js';
import {UserError} from './command-errors.js';
import {hasSummaryCheckpoint, loadIncidentState, type IncidentAtMarks} from './load-incident.js';

/**
 * The incident a command acts on: the one named, or else the newest open one.
 * With `summary`, its state lacks the timeline (all `log` needs is its ID and
 * whether it is open), and costs the same however long the journal is.
 */
export function findIncident(docsDir: string, incidentId?: string, {summary = false} = {}): IncidentAtMarks {
	if (incidentId !== undefined) {
		if (!isIncidentId(incidentId)) throw new UserError(`"${incidentId}" is not an incident ID (YYYY-MM-DD-NN)`);
		if (!incidentExists(docsDir, incidentId)) {
			throw new UserError(`no incident ${incidentId} in ${docsDir}`, 'see `incident-tui list`');
		}
		const loaded = loadIncidentState(docsDir, incidentId, {summary});
		if (!loaded.state.opened) {
			throw new UserError(`${incidentId} has no opening event, so it is not an incident incident-tui works on`, 'see `incident-tui list` for what to do with it');
		}
		return loaded;
	}
	const open = findNewestOpenIncident(docsDir, {summary});
	if (!open) throw new UserError('no open incident', 'open one with `incident-tui new "Title" --sev 1`, or pass --id');
	return open;
}

/**
 * A close event and no retraction anywhere: closed, whatever else the journal
 * says. Read as text, so finding the open incident among hundreds of closed
 * ones does not parse them all. An incident with a summary checkpoint is
 * quicker to load than to scan: not surely closed, so it is loaded.
 */
export function surelyClosed(docsDir: string, incidentId: string): boolean {
	if (hasSummaryCheckpoint(docsDir, incidentId)) return false;
	const texts = readJournalTexts(eventsDirOf(docsDir, incidentId));
	return texts.some(text => text.includes('"type":"incident.closed"')) && !texts.some(text => text.includes('"type":"event.retracted"'));
}

export function findNewestOpenIncident(docsDir: string, {summary = false} = {}): IncidentAtMarks | undefined {
	for (const id of listIncidentIds(docsDir).reverse()) {
		if (surelyClosed(docsDir, id)) continue;
		const loaded = loadIncidentState(docsDir, id, {summary});
		// Without its opening event a directory is a leftover, never the incident to write to.
		if (loaded.state.opened && isOpenIncident(loaded.state)) return loaded;
	}
	return undefined;
}
