import {parsePromptPrefix} from '../core/when.js';
import type {CommandContext} from './command-context.js';
import {UserError} from './command-errors.js';
import type {NoteKind} from '../core/events.js';
import {recordEvent, type RecordedEvent} from './record-event.js';

// Measured (node 20, the built chunk with its dependencies loaded): importing
// the time grammar adds 1-1.5 ms over an empty module, because it uses
// UTCDateMini; `utc` from @date-fns/utc, which builds Intl formatters at
// import, cost 13-42 ms.

export interface LogNoteInput {
	incidentId: string;
	kind: NoteKind;
	/** As typed; a leading `@WHEN` says when it happened and a following `@name:` who did it (README "Backdating"). */
	text: string;
	/** The key press; the CLI call when absent. */
	pressedAt?: Date;
	/** When it happened, if not at the key press. */
	at?: Date;
	/** Who did it, when not the responder typing it. */
	by?: string;
}

/** Throws a UserError, with nothing written, when the prefix's time is invalid or ahead of now. */
export function logNote(context: CommandContext, input: LogNoteInput): RecordedEvent {
	if (!input.text.startsWith('@')) return writeNote(context, input);
	const writtenAt = context.now();
	const prefix = parsePromptPrefix(input.text, input.pressedAt ?? writtenAt);
	if (prefix.error) throw new UserError(`not logged: ${prefix.error}`);
	// Said twice the same way is said once; said two ways, neither can be picked.
	if (input.at && prefix.at && input.at.getTime() !== prefix.at.getTime()) {
		throw new UserError('not logged: --at and the @WHEN at the start of the text give two different times', 'give the time once');
	}
	if (input.by && prefix.by && input.by !== prefix.by) {
		throw new UserError(`not logged: --by ${input.by} and @${prefix.by}: in the text name two different doers`, 'name the doer once');
	}
	return writeNote(context, {...input, text: prefix.text, at: input.at ?? prefix.at, by: input.by ?? prefix.by}, writtenAt);
}

/** `writtenAt` is passed when the caller already read the clock for this note, so one call has one "now". */
function writeNote(context: CommandContext, input: LogNoteInput, writtenAt = context.now()): RecordedEvent {
	return recordEvent(
		context,
		input.incidentId,
		{type: 'note.logged', kind: input.kind, text: input.text},
		{at: input.at ?? input.pressedAt ?? writtenAt, loggedAt: writtenAt, by: input.by},
	);
}
