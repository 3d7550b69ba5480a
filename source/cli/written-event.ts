import type {IncidentEvent} from '../core/events.js';
import {formatUtcTime, formatWhenConfirmation} from '../core/time-format.js';

/**
 * `at 14:55:00 UTC (logged at 15:10:02)`, with the date whenever the event is
 * not on today's UTC date (`at 2026-11-24 23:50:00 UTC (logged at 00:10:00)`):
 * a backdate that landed on yesterday must say so. Today is the day it was written.
 */
export function writtenEventConfirmation(event: IncidentEvent): string {
	const writtenAt = new Date(event.loggedAt ?? event.at);
	const backdated = event.loggedAt ? ` (logged at ${formatUtcTime(event.loggedAt)})` : '';
	return `at ${formatWhenConfirmation(event.at, writtenAt)}${backdated}`;
}
