import {renameSync, writeFileSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {slugFromTitle} from '../core/slug.js';
import type {IncidentState} from '../core/incident-state.js';
import {syncDirectory} from '../journal/append-event.js';
import {listIncidentIds} from '../journal/incident-directory.js';
import {incidentsDirOf} from '../journal/journal-paths.js';
import {loadRunbook} from '../runbook/load-runbook.js';
import {renderReport} from '../report/render-report.js';
import {TemplateError} from '../report/template-engine.js';
import {findTemplate} from '../report/template-store.js';
import {UserError, environmentErrorFrom} from './command-errors.js';
import {findNewestOpenIncident, findIncident} from './find-incident.js';
import {loadIncident} from './load-incident.js';

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

/** Renders the named incident, else the open one, else the newest one. */
export function renderIncidentReport(docsDir: string, incidentId: string | undefined, templateName: string, now: Date): RenderedReport {
	const {state} = incidentId ? findIncident(docsDir, incidentId) : (findNewestOpenIncident(docsDir) ?? newestIncident(docsDir));
	const {runbook, problem} = loadRunbook(docsDir);
	try {
		const markdown = renderReport(findTemplate(docsDir, templateName), state, runbook, now);
		return {incidentId: state.id, state, template: templateName, markdown, path: reportPathOf(docsDir, state), warnings: problem ? [problem] : []};
	} catch (error) {
		if (error instanceof TemplateError) throw new UserError(error.message);
		throw error;
	}
}

export function reportPathOf(docsDir: string, state: IncidentState): string {
	return join(incidentsDirOf(docsDir), `${state.id}_${slugFromTitle(state.title)}.md`);
}

/** Replaces the file whole or not at all: write a temporary file, fsync, rename, fsync the directory. */
export function writeFileDurably(path: string, content: string): void {
	const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
	try {
		writeFileSync(temporary, content, {flush: true});
		renameSync(temporary, path);
		syncDirectory(dirname(path));
	} catch (error) {
		throw environmentErrorFrom(error, `could not write ${path}`);
	}
}

function newestIncident(docsDir: string) {
	const newest = listIncidentIds(docsDir).at(-1);
	if (!newest) throw new UserError('no incidents yet', 'open one with `incident-tui new "Title" --sev 1`');
	return loadIncident(docsDir, newest);
}
