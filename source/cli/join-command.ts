import {findIncident} from '../commands/find-incident.js';
import {logNote} from '../commands/log-note.js';
import {UserError} from '../commands/command-errors.js';
import {describeSync, syncIncidents} from '../commands/sync-incidents.js';
import type {CliSetup} from './cli-setup.js';
import {print, warn} from './output.js';

/**
 * `join ID`: fetch the incident someone opened elsewhere, say you are here (so
 * your handle is in the timeline), and open the live screen on it.
 */
export async function joinCommand(setup: CliSetup, args: string[]): Promise<string> {
	const [incidentId] = args;
	if (!incidentId) throw new UserError('name the incident: incident-tui join YYYY-MM-DD-NN (see incident-tui list)');
	const {remote} = setup.settings;
	try {
		print(describeSync(await syncIncidents(setup.context, setup.workspace, remote, {timeouts: setup.gitTimeouts}), remote));
	} catch (error) {
		const {hint} = error as {hint?: unknown};
		warn(`${error instanceof Error ? error.message : String(error)}${typeof hint === 'string' ? ` (${hint})` : ''}; joining with what is here`);
	}
	const {state} = findIncident(setup.workspace.docsDir, incidentId);
	logNote(setup.context, {incidentId: state.id, kind: 'note', text: `${setup.settings.handle} joined`});
	return state.id;
}
