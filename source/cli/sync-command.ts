import {describeSync, syncIncidents} from '../commands/sync-incidents.js';
import type {CliSetup} from './cli-setup.js';
import {print} from './output.js';

export async function syncCommand(setup: CliSetup): Promise<void> {
	const {remote} = setup.settings;
	print(describeSync(await syncIncidents(setup.context, setup.workspace, remote, {timeouts: setup.gitTimeouts}), remote));
}
