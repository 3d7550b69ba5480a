import {describePublishResult, publishIncident} from '../commands/publish-incident.js';
import {gitTimeoutsOf} from '../config/settings.js';
import type {CliSetup} from './cli-setup.js';
import {print, warn} from './output.js';

export async function publishCommand(setup: CliSetup, args: string[], flags: {template?: string}): Promise<void> {
	const {settings} = setup;
	const result = await publishIncident(setup.context, setup.workspace, args[0], flags.template ?? settings.template, {timeouts: gitTimeoutsOf(settings)});
	for (const line of result.warnings) warn(line);
	print(describePublishResult(result));
}
