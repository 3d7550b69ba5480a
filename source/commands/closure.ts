import {closeBlocker} from '../core/closure-rules.js';
import type {ClosureField, InvariantKind, Priority} from '../core/events.js';
import type {CommandContext} from './command-context.js';
import {UserError} from './command-errors.js';
import {loadIncident} from './load-incident.js';
import {recordEvent, type RecordedEvent} from './record-event.js';

// The closure wizard's answers, each one event written the moment it is given.

export function recordClosureField(context: CommandContext, incidentId: string, field: ClosureField, value: string, pressedAt: Date): RecordedEvent {
	return recordEvent(context, incidentId, {type: 'closure.recorded', field, value}, {at: pressedAt});
}

export interface CorrectiveActionInput {
	description: string;
	owner: string;
	priority: Priority;
	due?: string;
}

export function addCorrectiveAction(context: CommandContext, incidentId: string, action: CorrectiveActionInput, pressedAt: Date): RecordedEvent {
	return recordEvent(
		context,
		incidentId,
		{type: 'action.added', description: action.description, owner: action.owner, priority: action.priority, status: 'open', ...(action.due ? {due: action.due} : {})},
		{at: pressedAt},
	);
}

export function recordInvariant(
	context: CommandContext,
	incidentId: string,
	invariant: {kind: InvariantKind; reference: string; description: string},
	pressedAt: Date,
): RecordedEvent {
	const {kind, reference, description} = invariant;
	return recordEvent(context, incidentId, {type: 'invariant.recorded', kind, reference, description}, {at: pressedAt});
}

/** Marks the incident Resolved and closed, if the golden rule (or a written override) allows. */
export function closeIncident(context: CommandContext, incidentId: string, overrideReason: string | undefined, pressedAt: Date): void {
	const {state} = loadIncident(context.docsDir, incidentId);
	const blocker = closeBlocker(state, overrideReason);
	if (blocker) throw new UserError(blocker);
	// Metrics come from milestones only (README "Milestones and metrics"): a close
	// with no resolution logged yet takes the close as the moment of resolution.
	if (state.milestones.resolved === undefined) {
		recordEvent(context, incidentId, {type: 'note.logged', kind: 'resolution', text: 'Resolved'}, {at: pressedAt});
	}
	if (state.status !== 'resolved') recordEvent(context, incidentId, {type: 'status.changed', status: 'resolved'}, {at: pressedAt});
	const reason = state.invariants.length === 0 ? overrideReason?.trim() : undefined;
	recordEvent(context, incidentId, {type: 'incident.closed', ...(reason ? {overrideReason: reason} : {})}, {at: pressedAt});
}
