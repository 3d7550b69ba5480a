import type {IncidentState} from './incident-state.js';

/**
 * The golden rule: an incident is not closed until a test or a monitor guards
 * against it. Closing anyway takes a written reason, which the report shows.
 */
export function closeBlocker(state: IncidentState, overrideReason: string | undefined): string | undefined {
	if (state.closed) return `${state.id} is already closed`;
	if (state.invariants.length === 0 && (overrideReason ?? '').trim() === '') {
		return 'an incident is not closed until a test or monitor is recorded; record one, or give a reason to close anyway';
	}
	return undefined;
}
