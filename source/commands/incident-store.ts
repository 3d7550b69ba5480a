import {basename} from 'node:path';
import {reduceIncident} from '../core/reducer.js';
import type {Severity} from '../core/events.js';
import {JournalFollower} from '../journal/journal-follower.js';
import {eventsDirOf} from '../journal/journal-paths.js';
import {quarantineDamagedLines} from '../journal/read-journal.js';
import type {CommandContext} from './command-context.js';
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

function followIncident(docsDir: string, incidentId: string) {
	const follower = new JournalFollower(eventsDirOf(docsDir, incidentId));
	follower.poll();
	if (follower.damaged.length > 0) quarantineDamagedLines(follower.damaged);
	let restored: string[] = [];
	const view = () => ({state: reduceIncident(incidentId, follower.events), damaged: [...follower.damaged], restored});
	return {
		first: view(),
		poll() {
			const writtenBack = follower.restoreDeletedFiles().map(file => `${basename(file.file)} was deleted; ${file.lines} lines written back`);
			const knownDamage = follower.damaged.length;
			if (!follower.poll() && writtenBack.length === 0) return undefined;
			if (follower.damaged.length > knownDamage) quarantineDamagedLines(follower.damaged.slice(knownDamage));
			restored = [...restored, ...writtenBack];
			return view();
		},
	};
}
