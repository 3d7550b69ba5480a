import {parseBackdate} from '../core/backdate.js';
import type {NoteKind} from '../core/events.js';
import type {CommandContext} from './command-context.js';
import {recordEvent, type RecordedEvent} from './record-event.js';

export interface LogNoteInput {
	incidentId: string;
	kind: NoteKind;
	/** As typed; a leading `@HH:MM` or `@-5m` backdates the note. */
	text: string;
	/** The key press; the CLI call when absent. */
	pressedAt?: Date;
}

export function logNote(context: CommandContext, input: LogNoteInput): RecordedEvent {
	const writtenAt = context.now();
	const {text, at} = parseBackdate(input.text, input.pressedAt ?? writtenAt);
	return recordEvent(context, input.incidentId, {type: 'note.logged', kind: input.kind, text}, {at, loggedAt: writtenAt});
}
