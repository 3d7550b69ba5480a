import type {CommandContext} from '../commands/command-context.js';
import {
	addHypothesis,
	resolveHypothesis,
	retractEvent,
	setChecklistItem,
	setSeverity,
	setStatus,
} from '../commands/incident-actions.js';
import {logNote} from '../commands/log-note.js';
import {hypothesisResultLabel, severityLabel, statusLabel} from '../core/describe-event.js';
import {formatUtcTime} from '../core/time-format.js';
import type {LiveEffect} from './live-input.js';

/** Appends the effect's event (fsync) and says what was done; throws if nothing was written. */
export function runLiveEffect(
	context: CommandContext,
	incidentId: string,
	effect: Exclude<LiveEffect, {type: 'quit'}>,
): string {
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
	}
}
