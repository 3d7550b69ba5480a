import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {UserError} from './commands/command-errors.js';
import {listOpenIncidents} from './commands/list-incidents.js';
import {packageRoot} from './config/package-root.js';
import {setUpCli, type CliSetup} from './cli/cli-setup.js';
import type {TerminalHandOver} from './ui/start-app.js';
import {findCommand, scriptableCommandNames} from './cli/commands-table.js';
import {configCommand} from './cli/config-command.js';
import {commandHelp, topLevelHelp, unknownCommandMessage} from './cli/help-text.js';
import {listCommand} from './cli/list-command.js';
import {logCommand} from './cli/log-command.js';
import {newCommand} from './cli/new-command.js';
import {dropOutputOnceReaderGone, print, reportError} from './cli/output.js';
import {parseCommandLine} from './cli/parse-command-line.js';

// Dispatch only: what the commands are and which flags they take is in
// cli/commands-table.ts. Commands that need Ink, Handlebars, marked or git are
// imported on first use, so `log` from a script stays fast.

async function main(argv: string[]): Promise<number> {
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
		const {completionCommand} = await import('./cli/completion-command.js');
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
			const {startApp} = await import('./ui/start-app.js');
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
			const {reportCommand} = await import('./cli/report-command.js');
			reportCommand(setup, args, flags);
			return 0;
		}
		case 'publish': {
			const {publishCommand} = await import('./cli/publish-command.js');
			await publishCommand(setup, args, flags);
			return 0;
		}
		case 'sync': {
			const {syncCommand} = await import('./cli/sync-command.js');
			await syncCommand(setup);
			return 0;
		}
		case 'join': {
			const {joinCommand} = await import('./cli/join-command.js');
			const incidentId = await joinCommand(setup, args);
			const {startApp} = await import('./ui/start-app.js');
			await startApp(setup, {incidentId}, terminalHandOver(setup));
			return 0;
		}
		case 'update': {
			const {updateCommand} = await import('./cli/update-command.js');
			await updateCommand(setup, flags);
			return 0;
		}
		case 'import': {
			const {importCommand} = await import('./cli/import-command.js');
			await importCommand(setup, args, flags);
			return 0;
		}
		case 'assign':
		case 'handover': {
			const {assignCommand} = await import('./cli/assign-command.js');
			assignCommand(setup, command === 'handover' ? ['commander', ...args] : args, flags);
			return 0;
		}
		case 'listen': {
			const {listenCommand} = await import('./cli/listen-command.js');
			await listenCommand(setup, {...flags, open: typeof flags.open === 'string' ? flags.open : undefined});
			return 0;
		}
		case 'config':
			configCommand(setup, args);
			return 0;
		case 'actions': {
			const {actionsCommand} = await import('./cli/actions-command.js');
			return actionsCommand(setup, args, flags);
		}
		case 'stats': {
			const {statsCommand} = await import('./cli/stats-command.js');
			statsCommand(setup, flags);
			return 0;
		}
		case 'run': {
			const {runCommand} = await import('./cli/run-command.js');
			return runCommand(setup, args, flags);
		}
		case 'changes': {
			const {changesCommand} = await import('./cli/changes-command.js');
			await changesCommand(setup, args, flags);
			return 0;
		}
		default:
			// The table names a command this switch does not run yet.
			throw new Error(`command "${command}" has no handler`);
	}
}

dropOutputOnceReaderGone();
try {
	const code = await main(process.argv.slice(2));
	// A failed write to stdout (other than a closed pipe) has already set its own code.
	if (process.exitCode === undefined) process.exitCode = code;
} catch (error) {
	process.exitCode = reportError(error);
}

/** `!` on the live screen: the command line runs in this terminal as under `incident-tui run`. */
function terminalHandOver(setup: CliSetup): TerminalHandOver {
	return {
		runCommandLine: async (incidentId, line) => {
			const {runInTerminal} = await import('./cli/run-in-terminal.js');
			await runInTerminal(setup.context, incidentId, line, setup.settings.secretPatterns);
		},
	};
}
