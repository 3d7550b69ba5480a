import type {ChecklistItem} from '../core/checklist.js';
import type {HypothesisResult, Role, Severity, Status} from '../core/events.js';
import type {CommandContext} from './command-context.js';
import {recordEvent, type RecordedEvent} from './record-event.js';

// The live screen's actions besides notes, each one event. `pressedAt` is the
// key press that started the action, so a slow typist's event keeps its time.

export function setChecklistItem(
	context: CommandContext,
	incidentId: string,
	item: ChecklistItem,
	ticked: boolean,
	pressedAt: Date,
): RecordedEvent {
	const payload = ticked
		? ({type: 'checklist.ticked', item: item.key, label: item.label} as const)
		: ({type: 'checklist.unticked', item: item.key} as const);
	return recordEvent(context, incidentId, payload, {at: pressedAt});
}

export function addHypothesis(
	context: CommandContext,
	incidentId: string,
	input: {statement: string; test: string; pressedAt: Date},
): RecordedEvent {
	return recordEvent(
		context,
		incidentId,
		{type: 'hypothesis.added', statement: input.statement, test: input.test},
		{at: input.pressedAt},
	);
}

export function resolveHypothesis(
	context: CommandContext,
	incidentId: string,
	input: {hypothesisId: string; result: HypothesisResult; evidence: string; pressedAt: Date},
): RecordedEvent {
	return recordEvent(
		context,
		incidentId,
		{type: 'hypothesis.resolved', hypothesis: input.hypothesisId, result: input.result, evidence: input.evidence},
		{at: input.pressedAt},
	);
}

export function setStatus(context: CommandContext, incidentId: string, status: Status, pressedAt: Date): RecordedEvent {
	return recordEvent(context, incidentId, {type: 'status.changed', status}, {at: pressedAt});
}

export function setSeverity(context: CommandContext, incidentId: string, severity: Severity, pressedAt: Date): RecordedEvent {
	return recordEvent(context, incidentId, {type: 'severity.changed', severity}, {at: pressedAt});
}

/** A role given to a responder; handing over command is this event with the commander role. */
export function assignRole(
	context: CommandContext,
	incidentId: string,
	role: Role,
	handle: string,
	pressedAt: Date,
	summary?: string,
): RecordedEvent {
	return recordEvent(context, incidentId, {type: 'role.assigned', role, handle, ...(summary ? {summary} : {})}, {at: pressedAt});
}

/** A stakeholder update as sent, logged whole as a communication (which restarts the update countdown). */
export function recordStatusUpdate(context: CommandContext, incidentId: string, text: string, pressedAt: Date): RecordedEvent {
	return recordEvent(context, incidentId, {type: 'note.logged', kind: 'communication', text: text.trimEnd()}, {at: pressedAt});
}

/** Undo: nothing is deleted; a retraction names the event it takes back. */
export function retractEvent(context: CommandContext, incidentId: string, targetId: string, pressedAt: Date): RecordedEvent {
	return recordEvent(context, incidentId, {type: 'event.retracted', target: targetId}, {at: pressedAt});
}
