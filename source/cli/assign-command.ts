import {findIncident} from '../commands/find-incident.js';
import {recordEvent} from '../commands/record-event.js';
import {UserError} from '../commands/command-errors.js';
import {ROLES, handleSchema, type Role} from '../core/events.js';
import type {CliSetup} from './cli-setup.js';
import {print} from './output.js';

/** `assign commander @bob`: roles, and handing over command, are events like any other. */
export function assignCommand(setup: CliSetup, args: string[], flags: {id?: string; summary?: string}): void {
	const [roleName, rawHandle] = args;
	const role = ROLES.find(candidate => candidate === roleName?.toLowerCase()) as Role | undefined;
	if (!role) throw new UserError(`name a role: incident-tui assign ${ROLES.join('|')} HANDLE`);
	const handle = (rawHandle ?? '').replace(/^@/, '');
	if (!handleSchema.safeParse(handle).success) throw new UserError(`"${rawHandle ?? ''}" is not a handle (letters, digits, dot, dash, underscore)`);
	const {state} = findIncident(setup.workspace.docsDir, flags.id);
	const summary = role === 'commander' ? flags.summary : undefined;
	recordEvent(setup.context, state.id, {type: 'role.assigned', role, handle, ...(summary ? {summary} : {})});
	print(`${handle} is now ${role} of ${state.id}${flags.summary && role === 'commander' ? ' (with a hand-over note)' : ''}`);
}
