import {basename} from 'node:path';
import type {AnyEvent, Severity} from '../core/events.js';
import {extendFold, finishFold, foldIncident, type IncidentFold} from '../core/reducer.js';
import {JournalFollower} from '../journal/journal-follower.js';
import {eventsDirOf} from '../journal/journal-paths.js';
import {firstOfEachId, quarantineDamagedLines, type DamagedLine} from '../journal/read-journal.js';
import type {CommandContext} from './command-context.js';
import {loadFold, withRest} from './load-incident.js';
import {openIncident} from './open-incident.js';

// The screens' way to the journal (ui/screen-services.ts declares the shape):
// following an incident as events arrive, from this process or any other,
// and opening one from the start screen.

export function createIncidentStore(context: CommandContext) {
	return {
		follow: (incidentId: string) => followIncident(context.docsDir, incidentId),
		open: (incident: {title: string; severity: Severity; commander: string; at: Date}) =>
			// Declared and logged at the first key press of the form, not at Enter.
			openIncident({...context, now: () => incident.at}, incident).incidentId,
	};
}

/**
 * The timeline entries the first frame gets before the rest are parsed: more
 * than any terminal shows, and enough for a page or two of scrolling up.
 */
export const FIRST_FRAME_ENTRIES = 500;

/**
 * The screen holds the fold, not the events: each poll folds only what is new
 * (one Enter, one event). It starts from the checkpoint's newest timeline
 * entries; `complete` (called once the first frame is drawn) adds the older
 * ones. An event that must be folded in among the older ones (a correction, a
 * backdated note) folds every line again, read from the journals the follower
 * holds open; the events are kept from then on.
 */
function followIncident(docsDir: string, incidentId: string) {
	const start = loadFold(docsDir, incidentId, 'state', {newestEntries: FIRST_FRAME_ENTRIES});
	const follower = new JournalFollower(eventsDirOf(docsDir, incidentId), start.marks);
	let fold: IncidentFold = start.fold;
	let restOfTimeline = start.restOfTimeline;
	let allEvents: AnyEvent[] | undefined;
	const damaged: DamagedLine[] = [...start.damaged];
	const refoldAll = (): IncidentFold => {
		restOfTimeline = undefined;
		allEvents = firstOfEachId(follower.allLines().events);
		return foldIncident(incidentId, allEvents);
	};
	const fold_ = (events: readonly AnyEvent[]) => {
		const continued = extendFold(fold, events);
		if (continued && !allEvents) return continued;
		if (!allEvents) return refoldAll();
		const seen = new Set(allEvents.map(event => event.id));
		allEvents.push(...events.filter(event => !seen.has(event.id) && seen.add(event.id)));
		return continued ?? foldIncident(incidentId, allEvents);
	};
	let restored: string[] = [];
	function absorbDamage(lines: readonly DamagedLine[]) {
		if (lines.length === 0) return;
		quarantineDamagedLines(lines);
		damaged.push(...lines);
	}
	const view = () => ({state: finishFold(fold), damaged: [...damaged], restored});
	return {
		first: view(),
		complete() {
			if (!restOfTimeline) return undefined;
			fold = withRest(fold, restOfTimeline()) ?? refoldAll();
			restOfTimeline = undefined;
			return view();
		},
		poll() {
			const writtenBack = follower.restoreDeletedFiles().map(file => `${basename(file.file)} was deleted; ${file.lines} lines written back`);
			const arrived = follower.poll();
			if (!arrived && writtenBack.length === 0) return undefined;
			if (arrived) {
				fold = fold_(arrived.events);
				absorbDamage(arrived.damaged);
			}
			restored = [...restored, ...writtenBack];
			return view();
		},
		stop: () => follower.close(),
	};
}
