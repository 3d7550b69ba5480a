import {publishIncident} from '../commands/publish-incident.js';
import type {CliSetup} from './cli-setup.js';
import {print, shownPath, warn} from './output.js';

export async function publishCommand(setup: CliSetup, args: string[], flags: {template?: string}): Promise<void> {
	const result = await publishIncident(setup.context, setup.workspace, args[0], flags.template ?? setup.settings.template);
	for (const line of result.warnings) warn(line);
	if (result.status === 'unchanged') {
		print(`Nothing changed since ${result.incidentId} was last published; no commit made.`);
		return;
	}
	print(`Published ${result.incidentId}: ${shownPath(result.reportPath)}, commit ${result.commit?.slice(0, 7)}`);
	if (result.detached) {
		warn(`HEAD is detached, so the commit is on no branch; keep it with: git switch -c incident/${result.incidentId}`);
	}
}
