import {join} from 'node:path';
import {slugFromTitle} from '../core/slug.js';
import type {IncidentState} from '../core/incident-state.js';
import {listIncidentIds} from '../journal/incident-directory.js';
import {incidentsDirOf} from '../journal/journal-paths.js';
import {writeFileDurably} from '../journal/write-file-durably.js';
import {loadRunbook} from '../runbook/load-runbook.js';
import type {Runbook} from '../runbook/runbook.js';
import {renderReport} from '../report/render-report.js';
import {TemplateError} from '../report/template-engine.js';
import {findTemplate} from '../report/template-store.js';
import {EnvironmentError, UserError, environmentErrorFrom} from './command-errors.js';
import {findNewestOpenIncident, findIncident} from './find-incident.js';
import {loadIncidentState, type IncidentAtMarks} from './load-incident.js';

export interface RenderedReport {
	incidentId: string;
	state: IncidentState;
	template: string;
	markdown: string;
	/** Where the report belongs: docs/incidents/<ID>_<slug>.md */
	path: string;
	/** Lines worth showing: a runbook that could not be read. */
	warnings: string[];
}

/** An incident to report on, with the runbook its checklist is read against. */
export interface ReportSubject {
	loaded: IncidentAtMarks;
	runbook: Runbook;
	/** Lines worth showing: a runbook that could not be read. */
	warnings: string[];
}

/** Renders the named incident, else the open one, else the newest one. */
export function renderIncidentReport(docsDir: string, incidentId: string | undefined, templateName: string, now: Date): RenderedReport {
	return renderSubject(docsDir, loadReportSubject(docsDir, incidentId), templateName, now);
}

/** The named incident, else the open one, else the newest one. */
/** `summary`: the state without its timeline, for a caller that folds the events itself (publish). */
export function loadReportSubject(docsDir: string, incidentId: string | undefined, {summary = false} = {}): ReportSubject {
	const loaded = incidentId ? findIncident(docsDir, incidentId, {summary}) : (findNewestOpenIncident(docsDir, {summary}) ?? newestIncident(docsDir, {summary}));
	const {runbook, problem} = loadRunbook(docsDir);
	return {loaded, runbook, warnings: problem ? [problem] : []};
}

export function renderSubject(docsDir: string, {loaded: {state}, runbook, warnings}: ReportSubject, templateName: string, now: Date): RenderedReport {
	try {
		const markdown = renderReport(findTemplate(docsDir, templateName), state, runbook, now);
		return {incidentId: state.id, state, template: templateName, markdown, path: reportPathOf(docsDir, state), warnings};
	} catch (error) {
		if (error instanceof TemplateError) throw new UserError(error.message);
		throw error;
	}
}

/** The newest incident with an opening event: a leftover of a failed `new` is never reported. */
function newestIncident(docsDir: string, {summary}: {summary: boolean}) {
	for (const id of listIncidentIds(docsDir).reverse()) {
		const loaded = loadIncidentState(docsDir, id, {summary});
		if (loaded.state.opened) return loaded;
	}
	throw new UserError('no incidents yet', 'open one with `incident-tui new "Title" --sev 1`');
}

export function reportPathOf(docsDir: string, state: IncidentState): string {
	return join(incidentsDirOf(docsDir), `${state.id}_${slugFromTitle(state.title)}.md`);
}

/**
 * A report or the incident log, replaced whole (journal/write-file-durably.ts).
 * A failure says the journal was never touched: not "nothing was logged".
 */
export function writeDocument(path: string, content: string): void {
	try {
		writeFileDurably(path, content);
	} catch (error) {
		// The temporary file's name would only confuse: name the file being written.
		const code = (error as NodeJS.ErrnoException).code;
		const {message} = environmentErrorFrom(code ? Object.assign(new Error(), {code}) : error, `could not write ${path}`);
		const retry = code === 'ENOSPC' ? 'free some space and run it again' : 'fix that and run it again';
		throw new EnvironmentError(message, `the journal is intact, only this file was not written; ${retry}`);
	}
}
