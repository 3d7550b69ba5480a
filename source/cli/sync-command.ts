import {describeSync, syncJournals} from '../git/sync-journals.js';
import type {CliSetup} from './cli-setup.js';
import {print} from './output.js';

export async function syncCommand(setup: CliSetup): Promise<void> {
	const result = await syncJournals({...setup.workspace, remote: setup.settings.remote, handle: setup.settings.handle});
	print(describeSync(result, setup.settings.remote));
}
