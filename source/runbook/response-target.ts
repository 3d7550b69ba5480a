import {severityLabel} from '../core/describe-event.js';
import type {IncidentState} from '../core/incident-state.js';
import {formatDuration} from '../core/metrics.js';
import type {Runbook} from './runbook.js';

/**
 * The header's warning when the severity's response target has passed with
 * no acknowledgement yet; counted from detection, else from the opening.
 */
export function responseTargetWarning(runbook: Runbook, state: IncidentState, now: Date): string | undefined {
	if (state.milestones.acknowledged || state.milestones.mitigated || state.closed || acknowledgeTicked(state)) return undefined;
	const target = runbook.severities.find(s => s.severity === state.severity)?.responseTarget;
	const start = state.milestones.detected ?? state.openedAt;
	if (target?.ms === undefined || !start) return undefined;
	const waited = now.getTime() - Date.parse(start);
	if (waited < target.ms) return undefined;
	return `not acknowledged after ${formatDuration(waited)} (${severityLabel(state.severity)} target: ${target.text})`;
}

/** Ticking the runbook's "Acknowledge" says someone is on it, which is all this reminder asks; it is not the acknowledgement milestone. */
function acknowledgeTicked(state: IncidentState): boolean {
	return Object.keys(state.checklist).some(item => item === 'acknowledge' || item.endsWith('/acknowledge'));
}
