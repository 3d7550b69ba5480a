import {isKnownEvent, type AnyEvent, type HypothesisResult, type IncidentEvent, type Severity, type Status} from './events.js';
import {formatWhenConfirmation} from './time-format.js';

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
			return `Corrective action updated${event.status ? `: ${event.status}` : ''}${event.ref ? ` (${event.ref})` : ''}`;
		case 'invariant.recorded':
			return `Invariant (${event.kind}): ${event.reference}`;
		case 'incident.closed':
			return event.overrideReason ? `Closed without an invariant: ${event.overrideReason}` : 'Incident closed';
		case 'report.published':
			return `Report published: ${event.path}`;
		case 'command.run':
			return `Ran ${event.command} (exit ${event.exitCode} after ${formatCommandDuration(event.durationMs)})`;
		case 'change.recorded': {
			const what = event.change === 'tag' ? `tag ${event.tag ?? ''}`.trimEnd() : event.change;
			return `${what} ${event.hash.slice(0, SHORT_HASH_LENGTH)} in ${event.repository} by ${event.commitAuthor}: ${event.subject}`;
		}
	}
}

/** How a change is cited in text (a hypothesis naming `a1b2c3d`). */
export const SHORT_HASH_LENGTH = 7;

/** `0.4 s`, `12.3 s`, `4m 05s`: a command's run time. */
export function formatCommandDuration(ms: number): string {
	if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
	const seconds = Math.round(ms / 1000);
	return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}

/**
 * The line the live screen shows once an event is on disk. Most events say
 * what their timeline line says; a few say more (the time, what to do next).
 * A time not on today's UTC date (`now`'s) carries its date: a backdate into
 * yesterday must say so.
 */
export function confirmationOf(event: IncidentEvent, now: Date): string {
	const time = formatWhenConfirmation(event.at, now);
	switch (event.type) {
		case 'note.logged':
			return `Logged ${event.kind} at ${time}`;
		case 'checklist.ticked':
			return `Ticked at ${time}`;
		case 'checklist.unticked':
			return `Unticked at ${time}`;
		case 'status.changed':
			return `Status: ${statusLabel(event.status)} at ${time}`;
		case 'severity.changed':
			return `Severity: ${severityLabel(event.severity)} at ${time}`;
		case 'hypothesis.added':
			return `Hypothesis added at ${time}; r records its result`;
		case 'hypothesis.resolved':
			return `Hypothesis ${hypothesisResultLabel(event.result)} at ${time}`;
		case 'event.retracted':
			return 'Undone (a retraction was logged)';
		case 'closure.recorded':
			return 'Saved';
		case 'action.added':
			return `Corrective action added (${event.priority}); another, or Enter on an empty line to go on`;
		case 'invariant.recorded':
			return `Invariant recorded: ${event.kind} ${event.reference}`;
		case 'role.assigned':
			return `${event.handle} is now ${event.role} at ${time}`;
		default:
			return describeEvent(event);
	}
}

/** An event's fields an amendment can change, before or after it. */
export interface AmendableFields {
	at: string;
	owner: string;
	text?: string;
	kind?: string;
}

/** `Amended: time 15:01:00 → 14:55:00 UTC, doer alice → docbrown`: what changed, for the confirmation. */
export function describeAmendment(before: AmendableFields, after: Partial<AmendableFields>, now: Date): string {
	const changes: string[] = [];
	if (after.at !== undefined) changes.push(`time ${formatWhenConfirmation(before.at, now).replace(/ UTC$/, '')} → ${formatWhenConfirmation(after.at, now)}`);
	if (after.kind !== undefined) changes.push(`kind ${before.kind ?? '?'} → ${after.kind}`);
	if (after.owner !== undefined) changes.push(`doer ${before.owner} → ${after.owner}`);
	if (after.text !== undefined) changes.push(`text "${shorten(before.text ?? '')}" → "${shorten(after.text)}"`);
	return `Amended: ${changes.join(', ')}`;
}

/** At most `length` characters, the last an ellipsis when cut. */
export function shorten(text: string, length = 40): string {
	return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
