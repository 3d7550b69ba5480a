import {CSI_SEQUENCE} from '../core/display-safe.js';
import type {IncidentState} from '../core/incident-state.js';
import {formatUtcMinute} from '../core/time-format.js';
import type {Runbook} from '../runbook/runbook.js';
import {nextUpdateDue, updateIntervalMs} from '../runbook/update-cadence.js';
import {buildReportData} from './report-data.js';
import {compileTemplate} from './template-engine.js';
import type {TemplateSource} from './template-store.js';

// A stakeholder update is plain text for a chat, an email or a status page,
// not Markdown: nothing is backslash-escaped, but control characters and bidi
// overrides are removed (escape sequences whole) so a pasted log line cannot reach the reader's screen.

// Escape sequences (CSI_SEQUENCE) go first, whole, not just their ESC.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const RECENT_KINDS = new Set(['Mitigation', 'Action', 'Escalation', 'Resolution', 'Status', 'Severity']);

function plain<T>(value: T): T {
	if (typeof value === 'string') return value.replace(CSI_SEQUENCE, '').replace(UNSAFE, '') as T;
	if (Array.isArray(value)) return value.map(plain) as T;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)])) as T;
	return value;
}

export function statusUpdateData(state: IncidentState, runbook: Runbook, now: Date) {
	const report = buildReportData(state, runbook, now);
	const confirmed = report.hypotheses.filter(hypothesis => hypothesis.confirmed).map(hypothesis => hypothesis.statement);
	const due = nextUpdateDue(runbook, state, now);
	const interval = updateIntervalMs(runbook, state.severity);
	// After sending, the next one is due one interval from now (none once the incident is over).
	const nextUpdateAt = due && interval ? formatUtcMinute(new Date(now.getTime() + interval)) : undefined;
	// allEvents is built when read: once here, not again for `recent`.
	const {allEvents, ...rest} = report;
	return plain({
		...rest,
		allEvents,
		knownCause: report.rootCause ?? confirmed.at(-1),
		recent: allEvents.filter(entry => RECENT_KINDS.has(entry.kind)).slice(-5),
		nextUpdateAt,
	});
}

export function renderStatusUpdate(template: TemplateSource, state: IncidentState, runbook: Runbook, now: Date): string {
	const render = compileTemplate(template.source, template.file, 'plain');
	return `${render(statusUpdateData(state, runbook, now)).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
