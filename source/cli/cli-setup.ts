import {defaultHandle} from '../config/default-handle.js';
import {gitTimeoutsOf, openSettings, resolveSettings, type Settings, type SettingsStore} from '../config/settings.js';
import {createCommandContext, type CommandContext} from '../commands/command-context.js';
import {findWorkspace, type Workspace} from '../config/workspace.js';
import type {GitTimeouts} from '../git/run-git.js';
import {warn} from './output.js';

export interface CliSetup {
	store: SettingsStore;
	settings: Settings;
	workspace: Workspace;
	context: CommandContext;
	/** How long git may take, from the settings. */
	gitTimeouts: GitTimeouts;
}

/** Settings, the repository and the acting responder, as every subcommand needs them. */
export function setUpCli(dirFlag: string | undefined): CliSetup {
	const store = openSettings();
	if (store.problem) warn(store.problem);
	const settings = resolveSettings(store, defaultHandle);
	const workspace = findWorkspace(process.cwd(), dirFlag ?? settings.incidentsDir);
	return {store, settings, workspace, context: createCommandContext(workspace.docsDir, settings.handle), gitTimeouts: gitTimeoutsOf(settings)};
}
