import type {IncidentState} from '../core/incident-state.js';
import type {Runbook} from '../runbook/runbook.js';
import {buildReportData} from './report-data.js';
import {compileTemplate} from './template-engine.js';
import type {TemplateSource} from './template-store.js';

/** The report as Markdown: the incident's state through one template. */
export function renderReport(template: TemplateSource, state: IncidentState, runbook: Runbook, now: Date): string {
	const render = compileTemplate(template.source, template.file);
	const markdown = render(buildReportData(state, runbook, now));
	// Templates end however their authors left them; reports end with exactly one newline.
	return `${markdown.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
