import {describePublishResult, publishIncident} from '../commands/publish-incident.js';
import type {CliSetup} from './cli-setup.js';
import {print, warn} from './output.js';

export async function publishCommand(setup: CliSetup, args: string[], flags: {template?: string}): Promise<void> {
	const template = flags.template ?? setup.settings.template;
	const result = await publishIncident(setup.context, setup.workspace, args[0], template, {timeouts: setup.gitTimeouts});
	for (const line of result.warnings) warn(line);
	print(describePublishResult(result));
}
