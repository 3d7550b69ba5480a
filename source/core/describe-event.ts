import {isKnownEvent, type AnyEvent, type HypothesisResult, type IncidentEvent, type Severity, type Status} from './events.js';
import {formatUtcTime} from './time-format.js';

// One plain line per event for the timeline, the same words on screen and in
// reports. User text is returned as typed; each output escapes it for itself.

export function severityLabel(severity: Severity): string {
	return `SEV-${severity}`;
}

const STATUS_LABELS: Record<Status, string> = {
	investigating: 'Investigating',
	identified: 'Identified',
	monitoring: 'Monitoring',
	resolved: 'Resolved',
};

export function statusLabel(status: Status): string {
	return STATUS_LABELS[status];
}

const RESULT_LABELS: Record<HypothesisResult, string> = {
	confirmed: 'confirmed',
	'ruled-out': 'ruled out',
	inconclusive: 'inconclusive',
};

export function hypothesisResultLabel(result: HypothesisResult): string {
	return RESULT_LABELS[result];
}

export function describeEvent(
	event: AnyEvent,
	amendedText?: string,
	hypothesisStatement?: string,
	replacedResult?: HypothesisResult,
): string {
	if (!isKnownEvent(event)) return `(${event.type}, from a newer or unknown version) ${JSON.stringify(event.raw)}`;
	switch (event.type) {
		case 'incident.opened':
			return `Incident opened: ${event.title} (${severityLabel(event.severity)}), commander ${event.commander}`;
		case 'severity.changed':
			return `Severity set to ${severityLabel(event.severity)}`;
		case 'status.changed':
			return `Status set to ${statusLabel(event.status)}`;
		case 'role.assigned':
			return `${event.handle} is now ${event.role}${event.summary ? `. Hand-over: ${event.summary}` : ''}`;
		case 'checklist.ticked':
			return `Checked: ${event.label}`;
		case 'checklist.unticked':
			return `Unchecked: ${event.item}`;
		case 'note.logged':
			return amendedText ?? event.text;
		case 'hypothesis.added':
			return `${amendedText ?? event.statement}${event.test ? ` (test: ${event.test})` : ''}`;
		case 'hypothesis.resolved': {
			const changed = replacedResult ? ` (changed from ${hypothesisResultLabel(replacedResult)})` : '';
			return `${hypothesisResultLabel(event.result)}${changed}: ${hypothesisStatement ?? event.hypothesis}${event.evidence ? ` (${event.evidence})` : ''}`;
		}
		case 'event.retracted':
			return `Retracted ${event.target}`;
		case 'event.amended':
			return `Amended ${event.target}`;
		case 'closure.recorded':
			return `Recorded ${event.field}`;
		case 'action.added':
			return `Corrective action: ${event.description}`;
		case 'action.updated':
			return `Corrective action updated`;
		case 'invariant.recorded':
			return `Invariant (${event.kind}): ${event.reference}`;
		case 'incident.closed':
			return event.overrideReason ? `Closed without an invariant: ${event.overrideReason}` : 'Incident closed';
		case 'report.published':
			return `Report published: ${event.path}`;
	}
}

/**
 * The line the live screen shows once an event is on disk. Most events say
 * what their timeline line says; a few say more (the time, what to do next).
 */
export function confirmationOf(event: IncidentEvent): string {
	const time = `${formatUtcTime(event.at)} UTC`;
	switch (event.type) {
		case 'note.logged':
			return `Logged ${event.kind} at ${time}`;
		case 'checklist.ticked':
			return `Ticked at ${time}`;
		case 'checklist.unticked':
			return `Unticked at ${time}`;
		case 'status.changed':
			return `Status: ${statusLabel(event.status)}`;
		case 'severity.changed':
			return `Severity: ${severityLabel(event.severity)}`;
		case 'hypothesis.added':
			return 'Hypothesis added; r records its result';
		case 'hypothesis.resolved':
			return `Hypothesis ${hypothesisResultLabel(event.result)}`;
		case 'event.retracted':
			return 'Undone (a retraction was logged)';
		case 'closure.recorded':
			return 'Saved';
		case 'action.added':
			return `Corrective action added (${event.priority}); another, or Enter on an empty line to go on`;
		case 'invariant.recorded':
			return `Invariant recorded: ${event.kind} ${event.reference}`;
		case 'role.assigned':
			return `${event.handle} is now ${event.role}`;
		default:
			return describeEvent(event);
	}
}
