import {UserError} from '../commands/command-errors.js';
import {listIncidentIds} from '../journal/incident-directory.js';
import {templateNames} from '../report/template-store.js';
import type {CliSetup} from './cli-setup.js';
import {completionScript, SHELLS, type Shell} from './completion-scripts.js';
import {print} from './output.js';

/**
 * `completion bash|zsh|fish` prints the script; `completion ids|templates` is
 * what the scripts call back when TAB is pressed. Reading directory names only
 * keeps that quick in a repository with hundreds of incidents.
 */
export function completionCommand(args: string[], setUp: () => CliSetup): void {
	const [what] = args;
	if (SHELLS.includes(what as Shell)) {
		process.stdout.write(completionScript(what as Shell));
		return;
	}
	if (what === 'ids') {
		for (const id of listIncidentIds(setUp().workspace.docsDir).reverse()) print(id);
		return;
	}
	if (what === 'templates') {
		for (const name of templateNames(setUp().workspace.docsDir)) print(name);
		return;
	}
	throw new UserError(`name a shell: incident-tui completion ${SHELLS.join('|')}`, 'see incident-tui completion --help');
}
