import {defaultHandle} from '../config/default-handle.js';
import {openSettings, resolveSettings, type Settings, type SettingsStore} from '../config/settings.js';
import {createCommandContext, type CommandContext} from '../commands/command-context.js';
import {findWorkspace, type Workspace} from '../config/workspace.js';
import {warn} from './output.js';

export interface CliSetup {
	store: SettingsStore;
	settings: Settings;
	workspace: Workspace;
	context: CommandContext;
}

/** Settings, the repository and the acting responder, as every subcommand needs them. */
export function setUpCli(dirFlag: string | undefined): CliSetup {
	const store = openSettings();
	if (store.problem) warn(store.problem);
	const settings = resolveSettings(store, defaultHandle);
	const workspace = findWorkspace(process.cwd(), dirFlag ?? settings.incidentsDir);
	return {store, settings, workspace, context: createCommandContext(workspace.docsDir, settings.handle)};
}
