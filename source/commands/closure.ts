import {closeBlocker} from '../core/closure-rules.js';
import type {CommandContext} from './command-context.js';
import {UserError} from './command-errors.js';
import {loadIncident} from './load-incident.js';
import {recordEvent} from './record-event.js';

// Closing is the one closure answer with a rule of its own (the golden rule);
// the wizard's other answers are plain events (ui/modes/wizard.ts).

/**
 * Marks the incident Resolved and closed, if the golden rule (or a written
 * override) allows, at `at`: when it was resolved (the resolution milestone,
 * or the time the responder gave), not when the key was pressed.
 */
export function closeIncident(context: CommandContext, incidentId: string, overrideReason: string | undefined, at: Date): void {
	const {state} = loadIncident(context.docsDir, incidentId);
	const blocker = closeBlocker(state, overrideReason);
	if (blocker) throw new UserError(blocker);
	// Metrics come from milestones only (README "Milestones and metrics"): a close
	// with no resolution logged yet takes the close as the moment of resolution.
	if (state.milestones.resolved === undefined) {
		recordEvent(context, incidentId, {type: 'note.logged', kind: 'resolution', text: 'Resolved'}, {at});
	}
	if (state.status !== 'resolved') recordEvent(context, incidentId, {type: 'status.changed', status: 'resolved'}, {at});
	const reason = state.invariants.length === 0 ? overrideReason?.trim() : undefined;
	recordEvent(context, incidentId, {type: 'incident.closed', ...(reason ? {overrideReason: reason} : {})}, {at});
}
