import type {NoteKind} from '../core/events.js';
import {parsePromptPrefix} from '../core/when.js';
import type {CommandContext} from './command-context.js';
import {UserError} from './command-errors.js';
import {recordEvent, type RecordedEvent} from './record-event.js';

// when.ts brings date-fns onto `incident-tui log`'s start-up path. Measured
// (node 20, bundled and minified): importing it costs 0.3-0.6 ms more than an
// empty module, because it uses UTCDateMini; `utc` from @date-fns/utc (Intl
// formatters built at import) cost 13-42 ms and is not used.

export interface LogNoteInput {
	incidentId: string;
	kind: NoteKind;
	/** As typed; a leading `@WHEN` says when it happened and a following `@name:` who did it (README "Backdating"). */
	text: string;
	/** The key press; the CLI call when absent. */
	pressedAt?: Date;
	/** When it happened, given apart from the text (`--at`, read with parseWhen). */
	at?: Date;
	/** Who did it, given apart from the text (`--by`). */
	by?: string;
}

/** Throws a UserError, with nothing written, when the prefix's time is invalid or ahead of now. */
export function logNote(context: CommandContext, input: LogNoteInput): RecordedEvent {
	const writtenAt = context.now();
	const pressedAt = input.pressedAt ?? writtenAt;
	const prefix = input.text.startsWith('@') ? parsePromptPrefix(input.text, pressedAt) : {text: input.text};
	if (prefix.error) throw new UserError(`not logged: ${prefix.error}`);
	if (input.at && prefix.at) throw new UserError('not logged: the time is given twice, as an option and as @WHEN in the text', 'give it once');
	if (input.by && prefix.by) throw new UserError('not logged: the doer is given twice, as an option and as @name: in the text', 'give it once');
	return recordEvent(
		context,
		input.incidentId,
		{type: 'note.logged', kind: input.kind, text: prefix.text},
		{at: input.at ?? prefix.at ?? pressedAt, loggedAt: writtenAt, by: input.by ?? prefix.by},
	);
}
