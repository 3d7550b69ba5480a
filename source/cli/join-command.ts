import {findIncident} from '../commands/find-incident.js';
import {logNote} from '../commands/log-note.js';
import {UserError} from '../commands/command-errors.js';
import {gitTimeoutsOf} from '../config/settings.js';
import {GitFault} from '../git/git-fault.js';
import {describeSync, syncJournals} from '../git/sync-journals.js';
import type {CliSetup} from './cli-setup.js';
import {print, warn} from './output.js';

/**
 * `join ID`: fetch the incident someone opened elsewhere, say you are here (so
 * your handle is in the timeline), and open the live screen on it.
 */
export async function joinCommand(setup: CliSetup, args: string[]): Promise<string> {
	const [incidentId] = args;
	if (!incidentId) throw new UserError('name the incident: incident-tui join YYYY-MM-DD-NN (see incident-tui list)');
	const {settings, workspace} = setup;
	try {
		const result = await syncJournals({...workspace, remote: settings.remote, handle: settings.handle, timeouts: gitTimeoutsOf(settings)});
		print(describeSync(result, settings.remote));
	} catch (error) {
		const hint = error instanceof GitFault ? ` (${error.hint})` : '';
		warn(`${error instanceof Error ? error.message : String(error)}${hint}; joining with what is here`);
	}
	const {state} = findIncident(setup.workspace.docsDir, incidentId);
	logNote(setup.context, {incidentId: state.id, kind: 'note', text: `${setup.settings.handle} joined`});
	return state.id;
}
