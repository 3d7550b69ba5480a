import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {CapturedOutput} from '../core/evidence-text.js';
import {setUpCli} from './cli-setup.js';
import {reportError, warn} from './output.js';
import {logFinishedRun, openIncidentOf, type RunIncident} from './run-command.js';
import {scriptEnding, withoutScriptFrame} from './script-logs.js';

export interface ScriptRun {
	/** The launcher's directory of FIFOs, where `ready` tells it the run will be logged in a moment. */
	directory: string;
	command: readonly string[];
	/** When the recorder, started beside the command, began (epoch milliseconds of the real clock). */
	startedAtEpochMs: number;
	/** Settles once script has closed both logs, that is once the command has ended. */
	logsRead: Promise<unknown>;
	output: () => CapturedOutput;
	timingLog: () => string;
}

/**
 * Finds the incident while the command runs, then logs the run as `run`
 * does in Node (cli/run-command.ts), from script's logs.
 */
export async function recordScriptRun(run: ScriptRun): Promise<void> {
	let incident: RunIncident;
	let setup: ReturnType<typeof setUpCli>;
	try {
		setup = setUpCli(undefined);
		incident = openIncidentOf(setup);
		writeFileSync(join(run.directory, 'ready'), '');
	} catch (error) {
		// Said after the command's own output, not lost in the middle of it.
		await run.logsRead;
		reportError(error);
		return;
	}
	await run.logsRead;
	const ending = scriptEnding(run.timingLog());
	if (!ending) {
		warn('the command ran but was not logged: script did not say how it ended');
		return;
	}
	// The run's start on the command's clock: the test clock in tests, else the real one.
	const startedAt = new Date(setup.context.now().getTime() - (Date.now() - run.startedAtEpochMs));
	const outcome = {exitCode: ending.exitCode, output: withoutScriptFrame(run.output()), capture: 'pty' as const};
	logFinishedRun(setup, run.command, incident, {startedAt, durationMs: ending.durationMs, outcome});
}
