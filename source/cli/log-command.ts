import {findIncident} from '../commands/find-incident.js';
import {describeDamage} from '../commands/load-incident.js';
import {logNote} from '../commands/log-note.js';
import {UserError} from '../commands/command-errors.js';
import type {CliSetup} from './cli-setup.js';
import {parseAt, parseDoer, parseNoteKind} from './parse-flags.js';
import {print, warn} from './output.js';
import {readStandardInput} from './read-stdin.js';
import {writtenEventConfirmation} from './written-event.js';

export interface LogFlags {
	kind?: string;
	id?: string;
	at?: string;
	by?: string;
}

export async function logCommand(setup: CliSetup, args: string[], flags: LogFlags): Promise<void> {
	const kind = parseNoteKind(flags.kind);
	const at = parseAt(flags.at, setup.context.now());
	const by = parseDoer(flags.by);
	const text = await textToLog(args);
	if (text.trim() === '') throw new UserError('nothing to log: incident-tui log "rolled back to v142" --kind mitigation');
	const {state, damaged} = findIncident(setup.workspace.docsDir, flags.id, {summary: true});
	for (const line of describeDamage(damaged)) warn(line);
	const {event, tornBytesSetAside} = logNote(setup.context, {incidentId: state.id, kind, text, at, by});
	if (tornBytesSetAside > 0) warn(`a torn last line (${tornBytesSetAside} bytes) from an interrupted write was moved to the .torn file`);
	const doer = event.by ? ` by ${event.by}` : '';
	print(`Logged ${kind}${doer} to ${state.id} ${writtenEventConfirmation(event)}`);
}

/** The words given, or standard input for `log -` and for `echo text | incident-tui log`. */
async function textToLog(args: string[]): Promise<string> {
	const fromStdin = (args.length === 1 && args[0] === '-') || (args.length === 0 && !process.stdin.isTTY);
	if (!fromStdin) return args.join(' ');
	// `echo` ends its line; the note should not.
	return (await readStandardInput()).replace(/[\r\n]+$/, '');
}
