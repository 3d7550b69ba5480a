import {buildEvent} from '../core/build-event.js';
import {InvalidEventError, type EventPayload, type IncidentEvent} from '../core/events.js';
import {appendEvent} from '../journal/append-event.js';
import {LockTimeoutError} from '../journal/file-lock.js';
import {journalPathOf} from '../journal/journal-paths.js';
import type {CommandContext} from './command-context.js';
import {EnvironmentError, UserError, environmentErrorFrom} from './command-errors.js';

export interface RecordTimes {
	/** When it happened; defaults to now. */
	at?: Date;
	/** When the responder pressed the key, if that is not `at` (a backdated event). */
	loggedAt?: Date;
	/** Who did it, when not the responder typing it. */
	by?: string;
}

export interface RecordedEvent {
	event: IncidentEvent;
	/** A torn last line found in this writer's journal and moved to its `.torn` file. */
	tornBytesSetAside: number;
}

/** Builds, validates and durably appends one event. Returns only after fdatasync. */
export function recordEvent(
	context: CommandContext,
	incidentId: string,
	payload: EventPayload,
	times: RecordTimes = {},
): RecordedEvent {
	const loggedAt = times.loggedAt ?? context.now();
	const at = times.at ?? loggedAt;
	let event: IncidentEvent;
	try {
		event = buildEvent(payload, {id: context.newEventId(loggedAt), at, loggedAt, author: context.handle, by: times.by});
	} catch (error) {
		if (error instanceof InvalidEventError) throw new UserError(`not logged: ${error.message}`);
		throw error;
	}
	try {
		const {tornBytesSetAside} = appendEvent(journalPathOf(context.docsDir, incidentId, context.writer), event);
		return {event, tornBytesSetAside};
	} catch (error) {
		if (error instanceof LockTimeoutError) throw new EnvironmentError(`not logged: ${error.message}`);
		throw environmentErrorFrom(error, 'not logged');
	}
}
