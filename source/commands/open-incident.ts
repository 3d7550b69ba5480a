import {MAX_TITLE_LENGTH, type Severity} from '../core/events.js';
import {createIncidentDirectory} from '../journal/incident-directory.js';
import type {CommandContext} from './command-context.js';
import {UserError, environmentErrorFrom} from './command-errors.js';
import {recordEvent, type RecordedEvent} from './record-event.js';

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
}

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
	let incidentId: string;
	try {
		incidentId = createIncidentDirectory(context.docsDir, openedAt);
	} catch (error) {
		throw environmentErrorFrom(error, 'could not create the incident directory');
	}
	const recorded = recordEvent(
		context,
		incidentId,
		{
			type: 'incident.opened',
			title,
			severity: input.severity,
			commander: input.commander ?? context.handle,
			...(input.environment ? {environment: input.environment} : {}),
		},
		{at: openedAt, loggedAt},
	);
	return {incidentId, ...recorded};
}
