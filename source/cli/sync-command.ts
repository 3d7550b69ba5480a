import {gitTimeoutsOf} from '../config/settings.js';
import {describeSync, syncJournals} from '../git/sync-journals.js';
import type {CliSetup} from './cli-setup.js';
import {print} from './output.js';

export async function syncCommand(setup: CliSetup): Promise<void> {
	const {settings, workspace} = setup;
	const result = await syncJournals({...workspace, remote: settings.remote, handle: settings.handle, timeouts: gitTimeoutsOf(settings)});
	print(describeSync(result, settings.remote));
}
