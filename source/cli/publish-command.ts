import {changedClosedIncidents, describePublishResult, publishIncident} from '../commands/publish-incident.js';
import type {CliSetup} from './cli-setup.js';
import {print, warn} from './output.js';

export async function publishCommand(setup: CliSetup, args: string[], flags: {template?: string}): Promise<void> {
	const template = flags.template ?? setup.settings.template;
	const git = {timeouts: setup.gitTimeouts};
	const result = await publishIncident(setup.context, setup.workspace, args[0], template, git);
	for (const line of result.warnings) warn(line);
	for (const line of result.trailerMarks) print(line);
	print(describePublishResult(result));
	// A closed incident whose actions changed since its last publish: its report follows.
	for (const id of await changedClosedIncidents(setup.context, setup.workspace, git)) {
		if (id === result.incidentId) continue;
		const followUp = await publishIncident(setup.context, setup.workspace, id, template, git, {readTrailers: false});
		for (const line of followUp.warnings) warn(line);
		print(describePublishResult(followUp));
	}
}
