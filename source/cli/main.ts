import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {UserError} from '../commands/command-errors.js';
import {listOpenIncidents} from '../commands/list-incidents.js';
import {packageRoot} from '../config/package-root.js';
import {setUpCli, type CliSetup} from './cli-setup.js';
import type {TerminalHandOver} from '../ui/start-app.js';
import {findCommand, scriptableCommandNames} from './commands-table.js';
import {configCommand} from './config-command.js';
import {commandHelp, topLevelHelp, unknownCommandMessage} from './help-text.js';
import {listCommand} from './list-command.js';
import {logCommand} from './log-command.js';
import {newCommand} from './new-command.js';
import {print} from './output.js';
import {parseCommandLine} from './parse-command-line.js';

// Dispatch only: what the commands are and which flags they take is in
// cli/commands-table.ts. Commands that need Ink, Handlebars, marked or git are
// imported on first use, so `log` from a script stays fast.

export async function main(argv: string[]): Promise<number> {
	const line = parseCommandLine(argv);
	if (line.action === 'version') {
		print(JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version);
		return 0;
	}
	if (line.action === 'help') {
		process.stdout.write(line.command ? commandHelp(findCommand(line.command)!) : topLevelHelp());
		return 0;
	}
	const {command, args, flags} = line;
	if (command === 'help') {
		const [topic] = args;
		const spec = topic === undefined ? undefined : findCommand(topic);
		if (topic !== undefined && !spec) throw new UserError(unknownCommandMessage(topic), 'see incident-tui --help');
		process.stdout.write(spec ? commandHelp(spec) : topLevelHelp());
		return 0;
	}
	if (command === 'completion') {
		const {completionCommand} = await import('./completion-command.js');
		completionCommand(args, () => setUpCli(flags.dir));
		return 0;
	}
	if ((command === undefined || command === 'join') && !process.stdin.isTTY) {
		throw new UserError(`the live screen needs a terminal; without one use: ${scriptableCommandNames().join(', ')}`);
	}
	const setup = setUpCli(flags.dir);
	switch (command) {
		case undefined: {
			const openIncidents = listOpenIncidents(setup.workspace.docsDir, setup.context.now());
			const {startApp} = await import('../ui/start-app.js');
			await startApp(setup, {openIncidents}, terminalHandOver(setup));
			return 0;
		}
		case 'new':
			newCommand(setup, args, flags);
			return 0;
		case 'log':
			await logCommand(setup, args, flags);
			return 0;
		case 'list':
			listCommand(setup, flags);
			return 0;
		case 'report': {
			const {reportCommand} = await import('./report-command.js');
			reportCommand(setup, args, flags);
			return 0;
		}
		case 'publish': {
			const {publishCommand} = await import('./publish-command.js');
			await publishCommand(setup, args, flags);
			return 0;
		}
		case 'sync': {
			const {syncCommand} = await import('./sync-command.js');
			await syncCommand(setup);
			return 0;
		}
		case 'join': {
			const {joinCommand} = await import('./join-command.js');
			const incidentId = await joinCommand(setup, args);
			const {startApp} = await import('../ui/start-app.js');
			await startApp(setup, {incidentId}, terminalHandOver(setup));
			return 0;
		}
		case 'update': {
			const {updateCommand} = await import('./update-command.js');
			await updateCommand(setup, flags);
			return 0;
		}
		case 'import': {
			const {importCommand} = await import('./import-command.js');
			await importCommand(setup, args, flags);
			return 0;
		}
		case 'assign':
		case 'handover': {
			const {assignCommand} = await import('./assign-command.js');
			assignCommand(setup, command === 'handover' ? ['commander', ...args] : args, flags);
			return 0;
		}
		case 'listen': {
			const {listenCommand} = await import('./listen-command.js');
			await listenCommand(setup, {...flags, open: typeof flags.open === 'string' ? flags.open : undefined});
			return 0;
		}
		case 'config':
			configCommand(setup, args);
			return 0;
		case 'actions': {
			const {actionsCommand} = await import('./actions-command.js');
			return actionsCommand(setup, args, flags);
		}
		case 'stats': {
			const {statsCommand} = await import('./stats-command.js');
			statsCommand(setup, flags);
			return 0;
		}
		case 'run': {
			const {runCommand} = await import('./run-command.js');
			return runCommand(setup, args, flags);
		}
		case 'changes': {
			const {changesCommand} = await import('./changes-command.js');
			await changesCommand(setup, args, flags);
			return 0;
		}
		default:
			// The table names a command this switch does not run yet.
			throw new Error(`command "${command}" has no handler`);
	}
}

/** `!` on the live screen: the command line runs in this terminal as under `incident-tui run`. */
function terminalHandOver(setup: CliSetup): TerminalHandOver {
	return {
		runCommandLine: async (incidentId, line) => {
			const {runInTerminal} = await import('./run-in-terminal.js');
			await runInTerminal(setup.context, incidentId, line, setup.settings.secretPatterns);
		},
	};
}
