import type {Severity, Status} from '../core/events.js';
import {isOpenIncident} from '../core/incident-state.js';
import {computeMetrics} from '../core/metrics.js';
import {listIncidentIds} from '../journal/incident-directory.js';
import {incidentDirOf} from '../journal/journal-paths.js';
import {surelyClosed} from './find-incident.js';
import {loadIncident} from './load-incident.js';

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

/** Every incident under the docs root, newest first. */
export function listIncidents(docsDir: string, now: Date): IncidentSummary[] {
	return summarize(docsDir, listIncidentIds(docsDir).reverse(), now);
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
	return ids
		.map(id => {
			const {state, damaged} = loadIncident(docsDir, id);
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
		});
}
