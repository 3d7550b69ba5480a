import type {Severity} from '../core/events.js';
import type {IncidentState} from '../core/incident-state.js';
import type {Runbook} from './runbook.js';

// When the next stakeholder update is due, and when the commander has been in
// command long enough to hand over. Pure: `now` is passed in.

const MINUTE = 60_000;
/** Used when the runbook's severity section names no update interval. */
const DEFAULT_UPDATE_INTERVAL: Partial<Record<Severity, number>> = {1: 30 * MINUTE, 2: 60 * MINUTE};

export interface UpdateDue {
	dueAt: string;
	/** Negative once overdue. */
	remainingMs: number;
}

export function updateIntervalMs(runbook: Runbook, severity: Severity): number | undefined {
	return runbook.severities.find(s => s.severity === severity)?.updateInterval?.ms ?? DEFAULT_UPDATE_INTERVAL[severity];
}

export function nextUpdateDue(runbook: Runbook, state: IncidentState, now: Date): UpdateDue | undefined {
	if (state.closed || state.status === 'resolved') return undefined;
	const interval = updateIntervalMs(runbook, state.severity);
	const since = state.lastCommunicationAt ?? state.openedAt;
	if (!interval || !since) return undefined;
	const due = Date.parse(since) + interval;
	return {dueAt: new Date(due).toISOString(), remainingMs: due - now.getTime()};
}

/** Suggests a hand-over once the commander has held command for `afterHours`. */
export function handoverSuggestion(state: IncidentState, now: Date, afterHours: number): string | undefined {
	if (state.closed || !state.commanderSince || afterHours <= 0) return undefined;
	const heldMs = now.getTime() - Date.parse(state.commanderSince);
	if (heldMs < afterHours * 3_600_000) return undefined;
	const hours = Math.floor(heldMs / 3_600_000);
	return `${state.roles.commander ?? 'the commander'} has been in command ${hours}h: consider a hand-over (o, or incident-tui handover @name)`;
}
