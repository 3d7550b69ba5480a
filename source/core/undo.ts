import type {IncidentState, TimelineEntry} from './incident-state.js';

/**
 * The responder's own most recently written timeline event, which `u` offers
 * to retract. ULIDs sort by when they were written, so a backdated note
 * written last is still the one undone. Opening the incident is never undone.
 */
export function findUndoTarget(state: IncidentState, handle: string): TimelineEntry | undefined {
	let newest: TimelineEntry | undefined;
	for (const entry of state.timeline) {
		if (entry.author !== handle || entry.kind === 'opened' || entry.kind === 'unknown') continue;
		if (!newest || entry.eventId > newest.eventId) newest = entry;
	}
	return newest;
}
