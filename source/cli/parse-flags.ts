import {NOTE_KINDS, type NoteKind, type Severity} from '../core/events.js';
import {UserError} from '../commands/command-errors.js';

export function parseSeverity(value: string | undefined): Severity {
	if (value === undefined) throw new UserError('say how bad it is with --sev 1, 2 or 3');
	const match = /^(?:sev-?)?([123])$/i.exec(value.trim());
	if (!match) throw new UserError(`"${value}" is not a severity; use --sev 1, 2 or 3`);
	return Number(match[1]) as Severity;
}

export function parseNoteKind(value: string | undefined): NoteKind {
	if (value === undefined) return 'note';
	const kind = NOTE_KINDS.find(k => k === value.trim().toLowerCase());
	if (!kind) throw new UserError(`"${value}" is not a kind; use one of ${NOTE_KINDS.join(', ')}`);
	return kind;
}
