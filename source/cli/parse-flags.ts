import {NOTE_KINDS, handleSchema, type NoteKind, type Severity} from '../core/events.js';
import {parseWhen} from '../core/when.js';
import {UserError} from '../commands/command-errors.js';

export function parseSeverity(value: string | undefined, flag = '--sev'): Severity {
	if (value === undefined) throw new UserError(`say how bad it is with ${flag} 1, 2 or 3`);
	const match = /^(?:sev-?)?([123])$/i.exec(value.trim());
	if (!match) throw new UserError(`"${value}" is not a severity; use ${flag} 1, 2 or 3`);
	return Number(match[1]) as Severity;
}

/** One of a fixed list of words, matched after trimming and `normalize` (upper or lower case); else a one-line refusal. */
export function parseChoice<T extends string>(value: string, choices: readonly T[], refusal: (list: string) => string, normalize: (text: string) => string, hint?: string): T {
	const choice = choices.find(c => c === normalize(value.trim()));
	if (!choice) throw new UserError(refusal(choices.join(', ')), hint);
	return choice;
}

const lower = (text: string) => text.toLowerCase();

export function parseNoteKind(value: string | undefined): NoteKind {
	if (value === undefined) return 'note';
	return parseChoice(value, NOTE_KINDS, list => `"${value}" is not a kind; use one of ${list}`, lower);
}

/**
 * `--at WHEN` (README "Backdating"), read against the command's one clock
 * reading. A refusal (not a time, or ahead of now) is thrown before anything
 * is written.
 */
export function parseAt(value: string | undefined, now: Date): Date | undefined {
	if (value === undefined) return undefined;
	const when = parseWhen(value, now);
	if (!when.ok) throw new UserError(`--at ${when.reason}`, when.reason.includes('nothing was written') ? undefined : 'nothing was written');
	return when.at;
}

/** `--by docbrown` or `--by @docbrown`: who did it, when not the responder typing. */
export function parseDoer(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	const handle = value.trim().replace(/^@/, '');
	if (!handleSchema.safeParse(handle).success) {
		throw new UserError(`--by "${value}" is not a handle (1-40 letters, digits, dot, dash, underscore)`, 'nothing was written');
	}
	return handle;
}
