import {recordCommandRun} from '../commands/record-command-run.js';
import {UserError} from '../commands/command-errors.js';
import {findIncident} from '../commands/find-incident.js';
import {formatCommandDuration} from '../core/describe-event.js';
import {EVIDENCE_TAIL_BYTES} from '../core/evidence-text.js';
import type {CliSetup} from './cli-setup.js';
import {reportError, shownPath, warn} from './output.js';
import {runChild, shellQuote} from './run-child.js';

/**
 * `incident-tui run -- CMD ARGS…`: the command runs at once, as it would
 * without us (terminal, signals, exit code); the incident is looked up while
 * it runs, and what happened is logged once it ends. Returns the command's
 * exit code, whatever became of the logging: a rollback that worked must not
 * look failed to a script because the disk was full.
 */
export async function runCommand(setup: CliSetup, args: string[], flags: {id?: string}): Promise<number> {
	if (args.length === 0) throw new UserError('give a command to run: incident-tui run -- kubectl rollout undo deploy/web');
	// A mistyped --id is refused before anything runs; only "no open incident at all" still runs the command.
	const named = flags.id === undefined ? undefined : findIncident(setup.workspace.docsDir, flags.id, {summary: true});
	const startedAt = setup.context.now();
	const started = performance.now();
	const running = runChild(args, EVIDENCE_TAIL_BYTES * 2);
	let incidentId = named?.state.id;
	let noIncident: string | undefined;
	if (!named) {
		try {
			incidentId = findIncident(setup.workspace.docsDir, undefined, {summary: true}).state.id;
		} catch (error) {
			if (!(error instanceof UserError)) throw error;
			noIncident = error.message;
		}
	}
	const outcome = await running;
	const durationMs = performance.now() - started;
	if (incidentId === undefined) {
		warn(`${noIncident ?? 'no open incident'}: the command ran but was not logged (open one with incident-tui new, or pass --id)`);
		return outcome.exitCode;
	}
	const line = args.map(shellQuote).join(' ');
	try {
		const output = outcome.capture === 'none' ? undefined : outcome.output;
		const {evidencePath} = recordCommandRun(setup.context, incidentId, {line, startedAt, durationMs, exitCode: outcome.exitCode, output}, setup.settings.secretPatterns);
		const kept = evidencePath
			? `; output: ${shownPath(evidencePath)}`
			: outcome.capture === 'none'
				? '; output not kept (that needs util-linux script on a terminal)'
				: '';
		process.stderr.write(`incident-tui: logged to ${incidentId}: exit ${outcome.exitCode} after ${formatCommandDuration(durationMs)}${kept}\n`);
	} catch (error) {
		reportError(error);
	}
	return outcome.exitCode;
}
