import meow from 'meow';
import {UserError} from './commands/command-errors.js';
import {listOpenIncidents} from './commands/list-incidents.js';
import {setUpCli} from './cli/cli-setup.js';
import {configCommand} from './cli/config-command.js';
import {listCommand} from './cli/list-command.js';
import {logCommand} from './cli/log-command.js';
import {newCommand} from './cli/new-command.js';
import {reportError} from './cli/output.js';

const NON_INTERACTIVE_COMMANDS = 'new, log, list, update, import, report, publish, sync, assign, handover, config';

const FLAGS = {
	sev: {type: 'string'},
	commander: {type: 'string'},
	env: {type: 'string'},
	kind: {type: 'string'},
	id: {type: 'string'},
	dir: {type: 'string'},
	json: {type: 'boolean'},
	template: {type: 'string'},
	stdout: {type: 'boolean'},
	summary: {type: 'string'},
	yes: {type: 'boolean'},
} as const;

const cli = meow(
	`
	Usage
	  $ incident-tui                         start a new incident or resume the open one
	  $ incident-tui new "Title" --sev 1     open an incident without the screen
	  $ incident-tui log "text" [--kind K] [--id ID]
	                                         log an event (another terminal, scripts)
	  $ incident-tui list [--json]           incidents, newest first
	  $ incident-tui report [ID] [--template NAME] [--stdout]
	                                         render the report to docs/incidents/ID_slug.md
	  $ incident-tui publish [ID] [--template NAME]
	                                         report + docs/INCIDENT_LOG.md, committed to git
	  $ incident-tui sync                    exchange events with the git remote (setting remote)
	  $ incident-tui join ID                 sync, then work on an incident opened elsewhere
	  $ incident-tui assign ROLE HANDLE [--id ID]
	                                         commander (hand over), scribe or comms
	  $ incident-tui update [--id ID] [--yes]
	                                         draft a stakeholder update, copy it (OSC 52), log it
	  $ incident-tui import FILE|- [--id ID] [--kind K] [--yes]
	                                         backfill a timeline ("14:51 Pager fired", one per line)
	  $ incident-tui handover @HANDLE [--summary TEXT] [--id ID]
	                                         hand over command, with a note for the next commander
	  $ incident-tui config [get|set] KEY [VALUE]

	Options
	  --sev N         severity 1, 2 or 3 (new)
	  --commander H   commander handle (new; default: your handle)
	  --env NAME      environment, such as production (new)
	  --kind K        note, detection, acknowledged, action, communication,
	                  mitigation, escalation, resolution (log; default note)
	  --id ID         incident ID YYYY-MM-DD-NN (default: the newest open one)
	  --dir PATH      docs root inside the repository (default: docs)
	  --json          machine-readable output (list)
	  --template NAME incident-report, incident-response, retrospective,
	                  postmortem, sre, or docs/templates/NAME.md (report)
	  --stdout        print the report instead of writing it (report)
	  --summary TEXT  where things stand, for the next commander (handover)
	  --yes           import / send without asking (import, update)

	Text starting with @HH:MM (UTC) or @-5m is backdated: "@14:55 pager fired".
	Exit codes: 0 ok, 1 your input, 2 the environment (files, git).
`,
	{
		importMeta: import.meta,
		allowUnknownFlags: true,
		flags: FLAGS,
	},
);

async function main(): Promise<number> {
	const known = new Set([...Object.keys(FLAGS), 'help', 'version']);
	const unknown = Object.keys(cli.unnormalizedFlags).filter(flag => !known.has(flag));
	if (unknown.length > 0) throw new UserError(`unknown option --${unknown[0]}; see incident-tui --help`);
	const [command, ...args] = cli.input;
	if (cli.flags['help']) {
		cli.showHelp(0);
	}
	if ((command === undefined || command === 'join') && !process.stdin.isTTY) {
		throw new UserError(`the live screen needs a terminal; without one use: ${NON_INTERACTIVE_COMMANDS}`);
	}
	const setup = setUpCli(cli.flags.dir);
	if (command === undefined) {
		const openIncidents = listOpenIncidents(setup.workspace.docsDir, setup.context.now());
		// Ink and React load only here: `log` from a script stays fast.
		const {startApp} = await import('./ui/start-app.js');
		await startApp(setup.context, setup.workspace, setup.settings, {openIncidents});
		return 0;
	}
	switch (command) {
		case 'new':
			newCommand(setup, args, cli.flags);
			return 0;
		case 'log':
			logCommand(setup, args, cli.flags);
			return 0;
		case 'list':
			listCommand(setup, cli.flags);
			return 0;
		case 'report': {
			// Handlebars and marked load only for reports: `log` stays fast.
			const {reportCommand} = await import('./cli/report-command.js');
			reportCommand(setup, args, cli.flags);
			return 0;
		}
		case 'publish': {
			const {publishCommand} = await import('./cli/publish-command.js');
			await publishCommand(setup, args, cli.flags);
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
			await startApp(setup.context, setup.workspace, setup.settings, {incidentId});
			return 0;
		}
		case 'update': {
			const {updateCommand} = await import('./cli/update-command.js');
			await updateCommand(setup, cli.flags);
			return 0;
		}
		case 'import': {
			const {importCommand} = await import('./cli/import-command.js');
			await importCommand(setup, args, cli.flags);
			return 0;
		}
		case 'assign':
		case 'handover': {
			const {assignCommand} = await import('./cli/assign-command.js');
			assignCommand(setup, command === 'handover' ? ['commander', ...args] : args, cli.flags);
			return 0;
		}
		case 'config':
			configCommand(setup, args);
			return 0;
		default:
			throw new UserError(`unknown command "${command}"; commands are ${NON_INTERACTIVE_COMMANDS}`);
	}
}

try {
	process.exitCode = await main();
} catch (error) {
	process.exitCode = reportError(error);
}
