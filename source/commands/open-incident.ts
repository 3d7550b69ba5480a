import {join} from 'node:path';
import {buildEvent} from '../core/build-event.js';
import {InvalidEventError, MAX_TITLE_LENGTH, type IncidentEvent, type Severity} from '../core/events.js';
import {appendEvent} from '../journal/append-event.js';
import {claimIncidentId, discardPreparedDirectory, prepareIncidentDirectory} from '../journal/incident-directory.js';
import {JOURNAL_EXTENSION, incidentDirOf, incidentsDirOf} from '../journal/journal-paths.js';
import type {CommandContext} from './command-context.js';
import {UserError, environmentErrorFrom} from './command-errors.js';
import type {RecordedEvent} from './record-event.js';

export interface OpenIncidentInput {
	title: string;
	severity: Severity;
	commander?: string;
	environment?: string;
	/** When it was declared, if earlier than now (`new --at`); the ID takes this UTC date. */
	at?: Date;
}

export interface OpenedIncident extends RecordedEvent {
	incidentId: string;
	/** Where its files are. */
	directory: string;
}

/**
 * All or nothing: the opening event is written and synced in a prepared
 * directory, which only then becomes the incident. On any failure nothing
 * that a later command could pick is left behind.
 */
export function openIncident(context: CommandContext, input: OpenIncidentInput): OpenedIncident {
	const title = input.title.trim();
	if (title === '') throw new UserError('the title is empty', 'say in a few words what is broken');
	if (title.length > MAX_TITLE_LENGTH) {
		throw new UserError(
			`the title is ${title.length} characters; keep it to ${MAX_TITLE_LENGTH}`,
			'put the details in a note with `incident-tui log`',
		);
	}
	const loggedAt = context.now();
	const openedAt = input.at ?? loggedAt;
	let event: IncidentEvent;
	try {
		event = buildEvent(
			{
				type: 'incident.opened',
				title,
				severity: input.severity,
				commander: input.commander ?? context.handle,
				...(input.environment ? {environment: input.environment} : {}),
			},
			{id: context.newEventId(loggedAt), at: openedAt, loggedAt, author: context.handle},
		);
	} catch (error) {
		if (error instanceof InvalidEventError) throw new UserError(`not opened: ${error.message}`);
		throw error;
	}
	let prepared: string | undefined;
	try {
		prepared = prepareIncidentDirectory(context.docsDir);
		appendEvent(join(prepared, 'events', `${context.writer}${JOURNAL_EXTENSION}`), event);
		const incidentId = claimIncidentId(context.docsDir, prepared, openedAt);
		return {incidentId, directory: incidentDirOf(context.docsDir, incidentId), event, tornBytesSetAside: 0};
	} catch (error) {
		if (prepared !== undefined) discardPreparedDirectory(prepared);
		// The prepared directory is gone: name the place the responder knows.
		const {code, message} = error as NodeJS.ErrnoException;
		throw environmentErrorFrom(code ? Object.assign(new Error(message), {code, path: incidentsDirOf(context.docsDir)}) : error, 'not opened');
	}
}
