import type {CommandContext} from '../commands/command-context.js';
import {closeIncident} from '../commands/closure.js';
import {recordEvent} from '../commands/record-event.js';
import {confirmationOf} from '../core/describe-event.js';
import {formatUtcTime, formatWhenConfirmation} from '../core/time-format.js';
import type {LiveEffect} from './live-state.js';
import type {ScreenServices} from './screen-services.js';

/**
 * Runs an effect and says what was done: an event is appended (fsync) before
 * this returns, and a throw means nothing was written. Services (git,
 * templates) return a promise. Quitting and drafting belong to the controller.
 */
export function runLiveEffect(
	context: CommandContext,
	incidentId: string,
	effect: Exclude<LiveEffect, {type: 'quit' | 'draft-update' | 'list-changes' | 'run-command'}>,
	services: ScreenServices,
): string | Promise<string> {
	switch (effect.type) {
		case 'record': {
			const {event} = recordEvent(context, incidentId, effect.event, {at: effect.at, loggedAt: effect.loggedAt, by: effect.by});
			return effect.confirmation ?? confirmationOf(event, context.now());
		}
		case 'close': {
			closeIncident(context, incidentId, effect.overrideReason, effect.at);
			const at = formatWhenConfirmation(effect.at, context.now());
			return effect.overrideReason ? `Closed at ${at} without an invariant; the reason goes into the report` : `Closed as Resolved at ${at}`;
		}
		case 'publish':
			return services.publish(incidentId);
		case 'sync':
			return services.sync();
		case 'send-update': {
			const {event} = recordEvent(context, incidentId, {type: 'note.logged', kind: 'communication', text: effect.text.trimEnd()}, {at: effect.at});
			services.copyToClipboard(effect.text);
			return `Update logged at ${formatUtcTime(event.at)} UTC and copied through the terminal (OSC 52)`;
		}
	}
}
