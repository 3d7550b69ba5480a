import type {AnyEvent} from '../core/events.js';
import type {IncidentState} from '../core/incident-state.js';
import {reduceIncident} from '../core/reducer.js';
import {eventsDirOf} from '../journal/journal-paths.js';
import {quarantineDamagedLines, readIncidentJournal, type DamagedLine} from '../journal/read-journal.js';

export interface LoadedIncident {
	state: IncidentState;
	events: AnyEvent[];
	/** Lines that could not be read: copied to quarantine, reported, and skipped. */
	damaged: DamagedLine[];
}

export function loadIncident(docsDir: string, incidentId: string): LoadedIncident {
	const journal = readIncidentJournal(eventsDirOf(docsDir, incidentId));
	if (journal.damaged.length > 0) quarantineDamagedLines(journal.damaged);
	return {state: reduceIncident(incidentId, journal.events), events: journal.events, damaged: journal.damaged};
}

/** One line per damaged line, for stderr or the screen's warning area. */
export function describeDamage(damaged: readonly DamagedLine[]): string[] {
	return damaged.map(d => `damaged journal line ${d.line} of ${d.file} (${d.reason}) was set aside in its .quarantine file`);
}
