import {monotonicFactory} from 'ulid';
import {buildEvent} from '../../source/core/build-event.js';
import type {EventPayload, IncidentEvent} from '../../source/core/events.js';

/** Events as a responder would write them, at minutes after a fixed start. */
export function eventFactory(author: string, start = Date.parse('2026-11-23T03:00:00.000Z')) {
	const ulid = monotonicFactory();
	return (minute: number, payload: EventPayload, options: {loggedAtMinute?: number; by?: string} = {}): IncidentEvent => {
		const at = new Date(start + minute * 60_000);
		const loggedAt = options.loggedAtMinute === undefined ? at : new Date(start + options.loggedAtMinute * 60_000);
		return buildEvent(payload, {id: ulid(loggedAt.getTime()), at, loggedAt, author, by: options.by});
	};
}

/** A corrective action as the closure wizard adds it: owned by alice, open, unless `extra` says otherwise. */
export const actionAdded = (
	priority: 'P0' | 'P1' | 'P2' | 'P3',
	description: string,
	extra: Partial<EventPayload & {type: 'action.added'}> = {},
): EventPayload => ({type: 'action.added', description, owner: 'alice', priority, status: 'open', ...extra});
