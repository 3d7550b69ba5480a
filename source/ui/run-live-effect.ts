import type {CommandContext} from '../commands/command-context.js';
import {
	addHypothesis,
	assignRole,
	recordStatusUpdate,
	resolveHypothesis,
	retractEvent,
	setChecklistItem,
	setSeverity,
	setStatus,
} from '../commands/incident-actions.js';
import {addCorrectiveAction, closeIncident, recordClosureField, recordInvariant} from '../commands/closure.js';
import {logNote} from '../commands/log-note.js';
import {hypothesisResultLabel, severityLabel, statusLabel} from '../core/describe-event.js';
import {formatUtcTime} from '../core/time-format.js';
import type {LiveEffect} from './live-input.js';
import type {ScreenServices} from './screen-services.js';

/**
 * Appends the effect's event (fsync) and says what was done; throws if nothing
 * was written. Publishing runs git and returns a promise.
 */
export function runLiveEffect(
	context: CommandContext,
	incidentId: string,
	effect: Exclude<LiveEffect, {type: 'quit'}>,
	services: ScreenServices,
): string | Promise<string> {
	switch (effect.type) {
		case 'log-note': {
			const {event} = logNote(context, {incidentId, kind: effect.kind, text: effect.text, pressedAt: effect.pressedAt});
			return `Logged ${effect.kind} at ${formatUtcTime(event.at)} UTC`;
		}
		case 'add-hypothesis':
			addHypothesis(context, incidentId, effect);
			return 'Hypothesis added; r records its result';
		case 'resolve-hypothesis':
			resolveHypothesis(context, incidentId, effect);
			return `Hypothesis ${hypothesisResultLabel(effect.result)}`;
		case 'set-checklist-item':
			setChecklistItem(context, incidentId, effect.item, effect.ticked, effect.pressedAt);
			return `${effect.ticked ? 'Ticked' : 'Unticked'} at ${formatUtcTime(effect.pressedAt)} UTC`;
		case 'set-status':
			setStatus(context, incidentId, effect.status, effect.pressedAt);
			return `Status: ${statusLabel(effect.status)}`;
		case 'set-severity':
			setSeverity(context, incidentId, effect.severity, effect.pressedAt);
			return `Severity: ${severityLabel(effect.severity)}`;
		case 'retract':
			retractEvent(context, incidentId, effect.targetId, effect.pressedAt);
			return 'Undone (a retraction was logged)';
		case 'record-closure':
			recordClosureField(context, incidentId, effect.field, effect.value, effect.pressedAt);
			return 'Saved';
		case 'add-action':
			addCorrectiveAction(context, incidentId, effect, effect.pressedAt);
			return `Corrective action added (${effect.priority}); another, or Enter on an empty line to go on`;
		case 'record-invariant':
			recordInvariant(context, incidentId, effect, effect.pressedAt);
			return `Invariant recorded: ${effect.kind} ${effect.reference}`;
		case 'close':
			closeIncident(context, incidentId, effect.overrideReason, effect.pressedAt);
			return effect.overrideReason ? 'Closed without an invariant; the reason goes into the report' : 'Closed as Resolved';
		case 'publish':
			return services.publish(incidentId);
		case 'sync':
			return services.sync();
		case 'send-update': {
			const {event} = recordStatusUpdate(context, incidentId, effect.text, effect.pressedAt);
			services.copyToClipboard(effect.text);
			return `Update logged at ${formatUtcTime(event.at)} UTC and copied through the terminal (OSC 52)`;
		}
		case 'compose':
			throw new Error('the update draft is made by the controller');
		case 'assign-role':
			assignRole(context, incidentId, effect.role, effect.handle, effect.pressedAt, effect.summary);
			return `${effect.handle} is now ${effect.role}`;
	}
}
