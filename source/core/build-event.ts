import {EVENT_FORMAT_VERSION, validateEvent, type EventPayload, type IncidentEvent} from './events.js';

export interface EventEnvelope {
	id: string;
	/** When it happened: the key press, or the backdated time. */
	at: Date;
	/** When it was written down, if that differs from `at`. */
	loggedAt?: Date;
	author: string;
	/** Who did it, when not the author. */
	by?: string;
}

/** Builds and validates one event; throws InvalidEventError with a one-line reason. */
export function buildEvent(payload: EventPayload, envelope: EventEnvelope): IncidentEvent {
	const at = envelope.at.toISOString();
	const loggedAt = envelope.loggedAt?.toISOString();
	return validateEvent({
		v: EVENT_FORMAT_VERSION,
		id: envelope.id,
		at,
		...(loggedAt !== undefined && loggedAt !== at ? {loggedAt} : {}),
		author: envelope.author,
		...(envelope.by !== undefined && envelope.by !== envelope.author ? {by: envelope.by} : {}),
		...payload,
	});
}
