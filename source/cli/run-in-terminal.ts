import {createInterface} from 'node:readline';
import type {CommandContext} from '../commands/command-context.js';
import {loggedSentence, recordRun, runTimed} from './run-command.js';

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
	const run = await runTimed(context, ['sh', '-c', line]);
	let said: string;
	try {
		const evidencePath = recordRun(context, incidentId, line, run, secretPatterns);
		said = `${loggedSentence(incidentId, run)}${evidencePath ? `; output: ${evidencePath}` : ''}`;
	} catch (error) {
		said = `exit ${run.outcome.exitCode}, NOT logged: ${error instanceof Error ? error.message : String(error)}`;
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
