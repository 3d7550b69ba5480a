import {join} from 'node:path';
import {computeStats, parseSince, type IncidentStats} from '../core/incident-stats.js';
import type {IncidentState} from '../core/incident-state.js';
import {readStatsDocumentOptionsAt, renderStatsDocument, type StatsDocumentOptions} from '../report/incident-stats-doc.js';
import {UserError} from './command-errors.js';
import {loadIncidentStates} from './follow-ups.js';
import {writeDocument} from './write-report.js';

function statsDocumentPathOf(docsDir: string): string {
	return join(docsDir, 'INCIDENT_STATS.md');
}

/** The figures over every incident (declared since `options.since`, when given). */
export function incidentStats(docsDir: string, now: Date, options: StatsDocumentOptions, states: readonly IncidentState[] = loadIncidentStates(docsDir)): IncidentStats {
	let since: Date | undefined;
	if (options.since !== undefined) {
		since = parseSince(options.since, now);
		if (!since) throw new UserError(`--since "${options.since}" is not a span or a date`, 'write 90d, 12w or YYYY-MM-DD');
	}
	return computeStats(states, now, {by: options.by, ...(since ? {since} : {})});
}

/** Writes docs/INCIDENT_STATS.md; returns its path. */
export function writeStatsDocument(docsDir: string, now: Date, options: StatsDocumentOptions): string {
	const path = statsDocumentPathOf(docsDir);
	writeDocument(path, renderStatsDocument(incidentStats(docsDir, now, options), options, now));
	return path;
}

/**
 * Writes the document again with the options it was written with, when it
 * exists and is ours: `publish` keeps it beside INCIDENT_LOG.md. Returns its
 * path, or undefined when there is none to keep.
 */
export function refreshStatsDocument(docsDir: string, now: Date): string | undefined {
	const options = readStatsDocumentOptionsAt(statsDocumentPathOf(docsDir));
	return options ? writeStatsDocument(docsDir, now, options) : undefined;
}
