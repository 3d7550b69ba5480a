import {createInterface} from 'node:readline';
import {formatCommandDuration} from '../core/describe-event.js';
import {EVIDENCE_TAIL_BYTES} from '../core/evidence-text.js';
import {recordCommandRun} from '../commands/record-command-run.js';
import type {CommandContext} from '../commands/command-context.js';
import {runChild} from './run-child.js';

const CLEAR_SCREEN = '\u001B[2J\u001B[H';

/**
 * `!`'s command, with the screen gone (Ink unmounted, so the terminal is the
 * command's): it runs through the same code as `incident-tui run` (a pty via
 * util-linux script, the masked output tail as evidence), then the outcome is
 * said and Enter is awaited, so the output can be read before the screen
 * covers it. A failed write is said the same way; the command ran regardless.
 */
export async function runInTerminal(context: CommandContext, incidentId: string, line: string, secretPatterns: readonly string[]): Promise<void> {
	process.stdout.write(`${CLEAR_SCREEN}$ ${line}\n`);
	const startedAt = context.now();
	const started = performance.now();
	const outcome = await runChild(['sh', '-c', line], EVIDENCE_TAIL_BYTES * 2);
	const durationMs = performance.now() - started;
	let said: string;
	try {
		const output = outcome.capture === 'none' ? undefined : outcome.output;
		const {evidencePath} = recordCommandRun(context, incidentId, {line, startedAt, durationMs, exitCode: outcome.exitCode, output}, secretPatterns);
		said = `logged to ${incidentId}: exit ${outcome.exitCode} after ${formatCommandDuration(durationMs)}${evidencePath ? `; output: ${evidencePath}` : ''}`;
	} catch (error) {
		said = `exit ${outcome.exitCode}, NOT logged: ${error instanceof Error ? error.message : String(error)}`;
	}
	process.stdout.write(`\nincident-tui: ${said}\nPress Enter to return to the incident.`);
	await waitForEnter();
}

/** Enter goes back to the screen; Ctrl-C (SIGINT: the terminal is cooked here) quits, as it does on the screen. */
function waitForEnter(): Promise<void> {
	// Ink unrefs stdin when it unmounts: without this the process would end here.
	process.stdin.ref();
	const reader = createInterface({input: process.stdin});
	return new Promise(resolve => {
		const done = () => {
			process.off('SIGINT', done);
			reader.off('line', done);
			reader.close();
			resolve();
		};
		reader.once('line', done);
		process.once('SIGINT', done);
	});
}
