import type {CommandContext} from '../commands/command-context.js';
import {recordCommandRun} from '../commands/record-command-run.js';
import {UserError} from '../commands/command-errors.js';
import {findIncident} from '../commands/find-incident.js';
import {formatCommandDuration} from '../core/describe-event.js';
import type {CliSetup} from './cli-setup.js';
import {reportError, shownPath, warn} from './output.js';
import {runChild, shellQuote, type ChildOutcome} from './run-child.js';

/**
 * `incident-tui run -- CMD ARGS…`: the command runs at once, as it would
 * without us (terminal, signals, exit code); the incident is looked up while
 * it runs, and what happened is logged once it ends. Returns the command's
 * exit code, whatever became of the logging: a rollback that worked must not
 * look failed to a script because the disk was full. On a terminal,
 * bin/incident-tui runs the command without waiting for Node, and
 * run-recorder.ts logs it (ARCHITECTURE.md "Running a command").
 */
export async function runCommand(setup: CliSetup, args: string[], flags: {id?: string}): Promise<number> {
	if (args.length === 0) throw new UserError('give a command to run: incident-tui run -- kubectl rollout undo deploy/web');
	// A mistyped --id is refused before anything runs; only "no open incident at all" still runs the command.
	const named = flags.id === undefined ? undefined : findIncident(setup.workspace.docsDir, flags.id, {summary: true});
	const running = runTimed(setup.context, args);
	const incident = named ? {incidentId: named.state.id} : openIncidentOf(setup);
	const run = await running;
	logFinishedRun(setup, args, incident, run);
	return run.outcome.exitCode;
}

/** The command, run now (cli/run-child.ts) and timed, as `run` and `!` start one. */
export async function runTimed(context: CommandContext, argv: readonly string[]): Promise<FinishedRun> {
	const startedAt = context.now();
	const started = performance.now();
	const outcome = await runChild(argv);
	return {startedAt, durationMs: performance.now() - started, outcome};
}

/** Writes the run's event and its evidence file (masked); returns where the evidence went. Throws what writing throws. */
export function recordRun(context: CommandContext, incidentId: string, line: string, run: FinishedRun, secretPatterns: readonly string[]): string | undefined {
	const {startedAt, durationMs, outcome} = run;
	const output = outcome.capture === 'none' ? undefined : outcome.output;
	return recordCommandRun(context, incidentId, {line, startedAt, durationMs, exitCode: outcome.exitCode, output}, secretPatterns).evidencePath;
}

/** "logged to ID: exit N after D", as both doors say it. */
export const loggedSentence = (incidentId: string, {durationMs, outcome}: FinishedRun) =>
	`logged to ${incidentId}: exit ${outcome.exitCode} after ${formatCommandDuration(durationMs)}`;

/** Where a run is logged: the open incident, or why there is none (said after the command, not before). */
export type RunIncident = {incidentId: string} | {noIncident: string};

export function openIncidentOf(setup: CliSetup): RunIncident {
	try {
		return {incidentId: findIncident(setup.workspace.docsDir, undefined, {summary: true}).state.id};
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		return {noIncident: error.message};
	}
}

export interface FinishedRun {
	startedAt: Date;
	durationMs: number;
	outcome: ChildOutcome;
}

/** Logs an ended command and says so in one line on stderr; a failure to log is reported, never thrown. */
export function logFinishedRun(setup: CliSetup, args: readonly string[], incident: RunIncident, run: FinishedRun): void {
	if ('noIncident' in incident) {
		warn(`${incident.noIncident}: the command ran but was not logged (open one with incident-tui new, or pass --id)`);
		return;
	}
	const {incidentId} = incident;
	try {
		const evidencePath = recordRun(setup.context, incidentId, args.map(shellQuote).join(' '), run, setup.settings.secretPatterns);
		const kept = evidencePath
			? `; output: ${shownPath(evidencePath)}`
			: run.outcome.capture === 'none'
				? '; output not kept (that needs util-linux script on a terminal)'
				: '';
		process.stderr.write(`incident-tui: ${loggedSentence(incidentId, run)}${kept}\n`);
	} catch (error) {
		reportError(error);
	}
}
