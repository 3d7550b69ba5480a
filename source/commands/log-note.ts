import {parsePromptPrefix} from '../core/when.js';
import type {CommandContext} from './command-context.js';
import {UserError} from './command-errors.js';
import type {RecordedEvent} from './record-event.js';
import {writeNote, type NoteInput} from './write-note.js';

// Measured (node 20, the built chunk with its dependencies loaded): importing
// the time grammar adds 1-1.5 ms over an empty module, because it uses
// UTCDateMini; `utc` from @date-fns/utc, which builds Intl formatters at
// import, cost 13-42 ms. A caller that must not pay even that calls
// writeNote and imports core/when.js only when there is a WHEN to read.

export interface LogNoteInput extends NoteInput {
	/** As typed; a leading `@WHEN` says when it happened and a following `@name:` who did it (README "Backdating"). */
	text: string;
}

/** Throws a UserError, with nothing written, when the prefix's time is invalid or ahead of now. */
export function logNote(context: CommandContext, input: LogNoteInput): RecordedEvent {
	if (!input.text.startsWith('@')) return writeNote(context, input);
	const writtenAt = context.now();
	const prefix = parsePromptPrefix(input.text, input.pressedAt ?? writtenAt);
	if (prefix.error) throw new UserError(`not logged: ${prefix.error}`);
	if (input.at && prefix.at) throw new UserError('not logged: the time is given twice, as an option and as @WHEN in the text', 'give it once');
	if (input.by && prefix.by) throw new UserError('not logged: the doer is given twice, as an option and as @name: in the text', 'give it once');
	return writeNote(context, {...input, text: prefix.text, at: input.at ?? prefix.at, by: input.by ?? prefix.by}, writtenAt);
}
