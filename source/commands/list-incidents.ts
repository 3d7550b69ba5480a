import type {Severity, Status} from '../core/events.js';
import {isOpenIncident} from '../core/incident-state.js';
import {computeMetrics} from '../core/metrics.js';
import {listIncidentIds, listUnfinishedOpenings} from '../journal/incident-directory.js';
import {eventsDirOf, incidentDirOf} from '../journal/journal-paths.js';
import {journalFilesIn} from '../journal/read-journal.js';
import {surelyClosed} from './find-incident.js';
import {loadIncidentState, type IncidentAtMarks} from './load-incident.js';

export interface IncidentSummary {
	id: string;
	title: string;
	severity: Severity;
	status: Status;
	commander?: string;
	openedAt?: string;
	resolvedAt?: string;
	durationMs?: number;
	events: number;
	damagedLines: number;
	path: string;
	/** Neither closed nor Resolved. */
	open: boolean;
}

/** A directory that looks like an incident but is not one: ignored by every command, shown by `list`. */
export interface DamagedIncident {
	path: string;
	problem: string;
	/** What the responder can do about it. */
	advice: string;
}

/** Every incident under the docs root, newest first. */
export function listIncidents(docsDir: string, now: Date): IncidentSummary[] {
	return surveyIncidents(docsDir, now).incidents;
}

/** The incidents, and the leftovers of crashes or failed `new` commands that are not incidents. */
export function surveyIncidents(docsDir: string, now: Date): {incidents: IncidentSummary[]; damaged: DamagedIncident[]} {
	const incidents: IncidentSummary[] = [];
	const damaged: DamagedIncident[] = [];
	for (const id of listIncidentIds(docsDir).reverse()) {
		const loaded = loadIncidentState(docsDir, id, {summary: true});
		if (loaded.state.opened) incidents.push(summaryOf(docsDir, id, loaded, now));
		else damaged.push(describeUnopened(docsDir, id, loaded));
	}
	for (const path of listUnfinishedOpenings(docsDir)) {
		damaged.push({path, problem: 'an incident that `new` never finished opening', advice: 'nothing in it was acknowledged; delete the directory'});
	}
	return {incidents, damaged};
}

/**
 * The open incidents, newest first, without parsing the journals of closed
 * ones: a repository collects hundreds of them and the screen must start fast.
 */
export function listOpenIncidents(docsDir: string, now: Date): IncidentSummary[] {
	const ids = listIncidentIds(docsDir)
		.reverse()
		.filter(id => !surelyClosed(docsDir, id));
	return summarize(docsDir, ids, now).filter(incident => incident.open);
}

function summarize(docsDir: string, ids: readonly string[], now: Date): IncidentSummary[] {
	return ids.flatMap(id => {
		const loaded = loadIncidentState(docsDir, id, {summary: true});
		return loaded.state.opened ? [summaryOf(docsDir, id, loaded, now)] : [];
	});
}

function summaryOf(docsDir: string, id: string, {state, damaged}: IncidentAtMarks, now: Date): IncidentSummary {
	return {
		id,
		title: state.title,
		severity: state.severity,
		status: state.status,
		commander: state.roles.commander,
		openedAt: state.openedAt,
		resolvedAt: state.milestones.resolved,
		durationMs: computeMetrics(state, now).durationMs,
		events: state.eventCount,
		damagedLines: damaged.length,
		path: incidentDirOf(docsDir, id),
		open: isOpenIncident(state),
	};
}

function describeUnopened(docsDir: string, id: string, {state, damaged}: IncidentAtMarks): DamagedIncident {
	const path = incidentDirOf(docsDir, id);
	if (journalFilesIn(eventsDirOf(docsDir, id)).length === 0) {
		return {path, problem: 'no journal: a `new` that failed or was killed', advice: 'nothing was logged in it; delete the directory'};
	}
	const events = state.eventCount;
	if (events === 0 && damaged.length === 0) {
		return {path, problem: 'an empty journal: a `new` that failed or was killed', advice: 'nothing was logged in it; delete the directory'};
	}
	return {
		path,
		problem: `${events} ${events === 1 ? 'event' : 'events'} but no opening event`,
		advice: 'copy what you need into an incident with `incident-tui log --id`, then delete the directory',
	};
}
