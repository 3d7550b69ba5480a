import {defaultHandle} from '../config/default-handle.js';
import {gitTimeoutsOf, openSettings, resolveSettings, type Settings, type SettingsStore} from '../config/settings.js';
import {UserError} from '../commands/command-errors.js';
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
	const context = createCommandContext(workspace.docsDir, settings.handle, testClock());
	return {store, settings, workspace, context, gitTimeouts: gitTimeoutsOf(settings)};
}

/**
 * For the tests only: INCIDENT_TUI_TEST_NOW (an ISO time) stops the clock at
 * that moment, so a test of `--at 23:50` typed after midnight does not depend
 * on when it runs, nor on a minute boundary passing mid-test.
 */
function testClock(): (() => number) | undefined {
	const fixed = process.env['INCIDENT_TUI_TEST_NOW'];
	if (fixed === undefined) return undefined;
	const at = Date.parse(fixed);
	if (Number.isNaN(at)) throw new UserError(`INCIDENT_TUI_TEST_NOW="${fixed}" is not a time`, 'unset it; it is for the tests');
	return () => at;
}
