import type {NoteKind} from '../core/events.js';
import type {CommandContext} from './command-context.js';
import {recordEvent, type RecordedEvent} from './record-event.js';

// A note whose time and doer are already known. Apart from log-note.ts so that
// a caller can write a note without loading the time grammar (and date-fns):
// `incident-tui log` can import core/when.js lazily, only for a `@` or `--at`.

export interface NoteInput {
	incidentId: string;
	kind: NoteKind;
	text: string;
	/** The key press; the CLI call when absent. */
	pressedAt?: Date;
	/** When it happened, if not at the key press. */
	at?: Date;
	/** Who did it, when not the responder typing it. */
	by?: string;
}

/** `writtenAt` is passed when the caller already read the clock for this note, so one call has one "now". */
export function writeNote(context: CommandContext, input: NoteInput, writtenAt = context.now()): RecordedEvent {
	return recordEvent(
		context,
		input.incidentId,
		{type: 'note.logged', kind: input.kind, text: input.text},
		{at: input.at ?? input.pressedAt ?? writtenAt, loggedAt: writtenAt, by: input.by},
	);
}
