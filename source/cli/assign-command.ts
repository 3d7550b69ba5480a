import {findIncident} from '../commands/find-incident.js';
import {recordEvent} from '../commands/record-event.js';
import {UserError} from '../commands/command-errors.js';
import {ROLES, handleSchema, type Role} from '../core/events.js';
import type {CliSetup} from './cli-setup.js';
import {parseAt} from './parse-flags.js';
import {print} from './output.js';
import {writtenEventConfirmation} from './written-event.js';

/** `assign commander @bob`: roles, and handing over command, are events like any other. */
export function assignCommand(setup: CliSetup, args: string[], flags: {id?: string; summary?: string; at?: string}): void {
	const now = setup.context.now();
	const at = parseAt(flags.at, now);
	const [roleName, rawHandle] = args;
	const role = ROLES.find(candidate => candidate === roleName?.toLowerCase()) as Role | undefined;
	if (!role) throw new UserError(`name a role: incident-tui assign ${ROLES.join('|')} HANDLE`);
	const handle = (rawHandle ?? '').replace(/^@/, '');
	if (!handleSchema.safeParse(handle).success) throw new UserError(`"${rawHandle ?? ''}" is not a handle (letters, digits, dot, dash, underscore)`);
	const {state} = findIncident(setup.workspace.docsDir, flags.id);
	const summary = role === 'commander' ? flags.summary : undefined;
	const {event} = recordEvent(setup.context, state.id, {type: 'role.assigned', role, handle, ...(summary ? {summary} : {})}, {at, loggedAt: now});
	const note = summary ? ' (with a hand-over note)' : '';
	print(`${handle} is now ${role} of ${state.id}${note}, ${writtenEventConfirmation(event)}`);
}
